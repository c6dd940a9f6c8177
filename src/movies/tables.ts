import type { Generated } from 'kysely'

/**
 * A film as we keep it: copied from the catalog when first viewed or rated, so that
 * lists render without calling the catalog. Titles and overviews in both languages
 * where the catalog has them.
 */
export interface MovieTable {
  /** The catalog's id with its source: `tmdb-603`, `vega-3f1c0a9e2b`. */
  id: string
  title_ja: string | null
  title_en: string | null
  original_title: string | null
  /** `YYYY-MM-DD`, or null when the catalog does not know it. */
  release_date: string | null
  /** The poster's path on the catalog's image server, e.g. `/abc.jpg`. */
  poster_path: string | null
  overview_ja: string | null
  overview_en: string | null
  /** When the catalog's data was last copied, to refresh stale films. */
  fetched_at: number
  /** How many people rated the film, and their scores' sum: kept by the ratings feature. */
  rating_count: Generated<number>
  rating_sum: Generated<number>
}

export interface MovieTables {
  movies: MovieTable
}
