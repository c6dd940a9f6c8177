import type { CatalogSource } from './movie.js'

// Film ids carry their catalog: `tmdb-603` is TMDB's film 603, `vega-1a2b3c4d5e` a film
// of the offline list. Two catalogs can then never hand out the same id.

const idPattern = /^(tmdb)-([1-9]\d{0,9})$|^(vega)-([0-9a-f]{10})$/

/** The catalog an id belongs to, or null for anything that is not a film id. */
export function sourceOf(id: string): CatalogSource | null {
  const match = idPattern.exec(id)
  if (!match) return null
  return match[1] === 'tmdb' ? 'tmdb' : 'vega'
}

export const isMovieId = (id: string): boolean => sourceOf(id) !== null

export const tmdbMovieId = (tmdbId: number): string => `tmdb-${tmdbId}`

/** TMDB's own number for one of its ids, or null. */
export function tmdbNumber(id: string): number | null {
  const match = idPattern.exec(id)
  return match?.[1] === 'tmdb' ? Number(match[2]) : null
}
