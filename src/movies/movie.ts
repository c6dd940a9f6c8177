import type { Locale } from '../i18n/locale.js'

/** A film from a catalog, in one language: what search results and fetches give. */
export interface CatalogMovie {
  id: string
  title: string
  originalTitle: string | null
  releaseDate: string | null
  posterPath: string | null
  overview: string | null
}

export interface SearchResults {
  items: CatalogMovie[]
  page: number
  totalPages: number
}

/** Where a film comes from; its id starts with the source and a dash. */
export type CatalogSource = 'tmdb' | 'vega'

/** A film in every language the catalog knows, ready to be stored. */
export type MovieDetails = Omit<StoredMovie, 'fetchedAt'>

/**
 * Where films come from: TMDB, or the offline list. Ids carry the source's prefix.
 * Failures to reach the catalog are `CatalogUnavailableError`s.
 */
export interface Catalog {
  readonly source: CatalogSource
  search(query: string, locale: Locale, page: number): Promise<SearchResults>
  /** One film in one language, or null when the catalog has no such id. */
  get(id: string, locale: Locale): Promise<CatalogMovie | null>
  /**
   * One film with its titles and overviews in Japanese and English where the catalog
   * has them, or null when it has no such id. `locale` is asked for first.
   */
  details(id: string, locale: Locale): Promise<MovieDetails | null>
}

/** A film as stored here, with both languages where known. */
export interface StoredMovie {
  id: string
  titles: { ja: string | null; en: string | null }
  originalTitle: string | null
  releaseDate: string | null
  posterPath: string | null
  overviews: { ja: string | null; en: string | null }
  fetchedAt: number
}

/** What a film's title in a language is worked out from. */
export type TitledMovie = Pick<StoredMovie, 'id' | 'titles' | 'originalTitle'>

/** The title to show in a language, falling back to the other and the original. */
export function titleIn(movie: TitledMovie, locale: Locale): string {
  const other: Locale = locale === 'ja' ? 'en' : 'ja'
  return movie.titles[locale] ?? movie.titles[other] ?? movie.originalTitle ?? movie.id
}

/** What pages need to know of the catalog: whose data they show, and where posters are. */
export interface CatalogInfo {
  /** The catalog searches go to. */
  source: CatalogSource
  /** The image server's base URL, without a trailing slash. */
  posterBase: string
}
