import type { Selectable } from 'kysely'
import type { Db } from '../db/database.js'
import type { StoredMovie } from './movie.js'
import type { MovieTable } from './tables.js'

/** What a film's row holds for `StoredMovie`: all of it but the kept rating totals. */
export type MovieFields = Omit<Selectable<MovieTable>, 'rating_count' | 'rating_sum'>

/** The film's columns for a query that joins `movies as m` (the id comes from the join). */
export const joinedMovieColumns = [
  'm.title_ja',
  'm.title_en',
  'm.original_title',
  'm.release_date',
  'm.poster_path',
  'm.overview_ja',
  'm.overview_en',
  'm.fetched_at',
] as const

/** A stored film from its row, or from a row joined to it (whose own id is another's). */
export function toStoredMovie(row: Omit<MovieFields, 'id'>, id: string): StoredMovie {
  return {
    id,
    titles: { ja: row.title_ja, en: row.title_en },
    originalTitle: row.original_title,
    releaseDate: row.release_date,
    posterPath: row.poster_path,
    overviews: { ja: row.overview_ja, en: row.overview_en },
    fetchedAt: row.fetched_at,
  }
}

/** The films we keep. Writing one replaces what the catalog said before. */
export class MovieRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<StoredMovie | undefined> {
    const row = await this.db
      .selectFrom('movies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return row && toStoredMovie(row, row.id)
  }

  async save(movie: StoredMovie): Promise<void> {
    const row = {
      id: movie.id,
      title_ja: movie.titles.ja,
      title_en: movie.titles.en,
      original_title: movie.originalTitle,
      release_date: movie.releaseDate,
      poster_path: movie.posterPath,
      overview_ja: movie.overviews.ja,
      overview_en: movie.overviews.en,
      fetched_at: movie.fetchedAt,
    }
    const { id, ...changes } = row
    await this.db
      .insertInto('movies')
      .values(row)
      .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
      .execute()
  }
}
