import type { Locale } from '../i18n/locale.js'
import type { Catalog, CatalogMovie, MovieDetails, SearchResults } from './movie.js'
import { searchKey, withoutArticle } from './search-key.js'
import { importVegaMovies, type OfflineMovie, readVegaMovies } from './vega-import.js'

/** As many results a page as TMDB gives. */
export const offlinePageSize = 20

interface Entry {
  movie: OfflineMovie
  key: string
  /** The key without a leading article, so that `matrix` is an exact match too. */
  bareKey: string
}

interface Index {
  entries: Entry[]
  byId: Map<string, OfflineMovie>
}

/**
 * The catalog used when no TMDB credential is set: the vega-datasets movies list,
 * searched in memory. It has English titles only and no posters. The list is read and
 * indexed at the first search or look-up, not at start, so that the app starts fast.
 */
export class OfflineCatalog implements Catalog {
  readonly source = 'vega'
  private index: Promise<Index> | undefined

  constructor(private readonly load: () => Promise<unknown> = readVegaMovies) {}

  async search(query: string, _locale: Locale, page: number): Promise<SearchResults> {
    const { entries } = await this.ready()
    const matches = rankMatches(entries, searchKey(query))
    const start = (page - 1) * offlinePageSize
    return {
      items: matches.slice(start, start + offlinePageSize).map(toCatalogMovie),
      page,
      totalPages: Math.ceil(matches.length / offlinePageSize),
    }
  }

  async get(id: string): Promise<CatalogMovie | null> {
    const movie = (await this.ready()).byId.get(id)
    return movie ? toCatalogMovie(movie) : null
  }

  async details(id: string): Promise<MovieDetails | null> {
    const movie = (await this.ready()).byId.get(id)
    if (!movie) return null
    return {
      id: movie.id,
      titles: { ja: null, en: movie.title },
      originalTitle: null,
      releaseDate: movie.releaseDate,
      posterPath: null,
      overviews: { ja: null, en: null },
    }
  }

  private ready(): Promise<Index> {
    this.index ??= this.load().then(buildIndex, (error: unknown) => {
      this.index = undefined
      throw error
    })
    return this.index
  }
}

function buildIndex(rows: unknown): Index {
  const movies = importVegaMovies(rows)
  const entries = movies.map((movie) => {
    const key = searchKey(movie.title)
    return { movie, key, bareKey: withoutArticle(key) }
  })
  return { entries, byId: new Map(movies.map((movie) => [movie.id, movie])) }
}

/**
 * Exact titles first, then titles that start with the query, then titles with a word
 * that starts with it, then any other title that contains it or all of its words.
 * Within a rank, better-known films first.
 */
export function rankMatches(entries: readonly Entry[], query: string): OfflineMovie[] {
  if (query === '') return []
  const words = query.split(' ')
  const ranked: { movie: OfflineMovie; rank: number }[] = []
  for (const entry of entries) {
    const rank = rankOf(entry, query, words)
    if (rank !== null) ranked.push({ movie: entry.movie, rank })
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.movie.votes - a.movie.votes ||
      a.movie.title.localeCompare(b.movie.title),
  )
  return ranked.map((match) => match.movie)
}

function rankOf({ key, bareKey }: Entry, query: string, words: string[]): number | null {
  if (key === query || bareKey === query) return 0
  if (key.startsWith(query) || bareKey.startsWith(query)) return 1
  const spaced = ` ${key}`
  if (spaced.includes(` ${query}`)) return 2
  if (key.includes(query)) return 3
  if (words.length > 1 && words.every((word) => spaced.includes(` ${word}`))) return 4
  return null
}

function toCatalogMovie(movie: OfflineMovie): CatalogMovie {
  return {
    id: movie.id,
    title: movie.title,
    originalTitle: null,
    releaseDate: movie.releaseDate,
    posterPath: null,
    overview: null,
  }
}
