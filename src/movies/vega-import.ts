import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { isValidDate } from '../accounts/age.js'

// The offline catalog comes from the movies list of the vega-datasets package: about
// 3,200 films with a title, a release date, a director and a genre, but no id, no
// poster and no overview. The list has known flaws, repaired here on import.

/** A film of the offline list, cleaned. */
export interface OfflineMovie {
  id: string
  title: string
  releaseDate: string | null
  director: string | null
  genre: string | null
  /** IMDb votes: how well known the film is, to order equally good matches. */
  votes: number
}

/** Reads the raw list from the installed package (about 1.4 MB of JSON). */
export async function readVegaMovies(): Promise<unknown> {
  const entry = createRequire(import.meta.url).resolve('vega-datasets')
  const file = join(dirname(entry), '..', 'data', 'movies.json')
  return JSON.parse(await readFile(file, 'utf8'))
}

/** Cleans every row that has a title; rows without one cannot be searched and are left out. */
export function importVegaMovies(rows: unknown): OfflineMovie[] {
  if (!Array.isArray(rows)) return []
  const movies: OfflineMovie[] = []
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue
    const record = row as Record<string, unknown>
    const title = cleanTitle(record.Title)
    if (!title) continue
    const releaseDate = cleanReleaseDate(record['Release Date'])
    movies.push({
      id: vegaMovieId(title, releaseDate),
      title,
      releaseDate,
      director: cleanText(record.Director),
      genre: cleanText(record['Major Genre']),
      votes: typeof record['IMDB Votes'] === 'number' ? record['IMDB Votes'] : 0,
    })
  }
  return movies
}

/**
 * The list has no ids, and its order may change from one release of the package to
 * the next, so a film's id is a hash of what identifies it: its cleaned title and
 * release date (titles alone collide: King Kong 1976 and 2005). The same film keeps
 * its id across restarts and upgrades, and ratings stay attached to it.
 */
export function vegaMovieId(title: string, releaseDate: string | null): string {
  const digest = createHash('sha256')
    .update(`${title.toLowerCase()}|${releaseDate ?? ''}`)
    .digest('hex')
  return `vega-${digest.slice(0, 10)}`
}

// Accented titles were saved as Windows-1252 and read back as Mac Roman somewhere on
// the way (Amélie became AmÈlie). These are the pairs that occur in the list.
const misread: Record<string, string> = {
  È: 'é',
  Í: 'ê',
  Ë: 'è',
  Î: 'ë',
  Û: 'ó',
  Ù: 'ô',
  '‡': 'à',
  '·': 'á',
  '˘': 'ù',
  '‰': 'ä',
  Ω: '½',
  Ö: '…',
}
const misreadPattern = new RegExp(`[${Object.keys(misread).join('')}]`, 'g')
const trailingArticle = /^(.+), (The|A|An)$/

/** Titles that are numbers (1776, 2012) become text; `Secret, The` becomes `The Secret`. */
export function cleanTitle(value: unknown): string | null {
  const text = cleanText(typeof value === 'number' ? String(value) : value)
  if (!text) return null
  const repaired = text.replace(misreadPattern, (char) => misread[char] ?? char)
  return repaired.replace(trailingArticle, '$2 $1')
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim()
  return text === '' ? null : text
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const listDate = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The list was made around 2010 and wrote two-digit years into four: Gone with the
 * Wind shows as 2039. Any year after this one is a film of the previous century.
 */
const lastYearOfList = 2012

/** `Jun 12 1998` (or `1998-06-12`) as `1998-06-12`; anything not a real date is null. */
export function cleanReleaseDate(value: unknown): string | null {
  const parts = typeof value === 'string' ? dateParts(value.trim()) : null
  if (!parts) return null
  const [year, month, day] = parts
  const date = `${year > lastYearOfList ? year - 100 : year}-${pad(month)}-${pad(day)}`
  return isValidDate(date) ? date : null
}

function dateParts(text: string): [number, number, number] | null {
  const written = listDate.exec(text)
  if (written) {
    const month = months.indexOf(written[1] ?? '') + 1
    return month > 0 ? [Number(written[3]), month, Number(written[2])] : null
  }
  const iso = isoDate.exec(text)
  return iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : null
}

const pad = (n: number) => String(n).padStart(2, '0')
