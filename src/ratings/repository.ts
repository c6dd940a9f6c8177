import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { Db } from '../db/database.js'
import { newId } from '../db/ids.js'
import { NotFoundError, UnauthorizedError } from '../domain/errors.js'
import type { StoredMovie } from '../movies/movie.js'
import { joinedMovieColumns, type MovieFields, toStoredMovie } from '../movies/repository.js'
import type { ListPosition, RatingSort, SortOrder } from './sorts.js'

/** A rating's own row. */
export interface RatingRecord {
  id: string
  userId: string
  movieId: string
  score: number
  /** The film's release date, `''` when unknown: the release sort's key. */
  releaseKey: string
  createdAt: number
  updatedAt: number
}

/** A rating in a person's list, with its film. */
export interface ListedRating extends RatingRecord {
  movie: StoredMovie
}

/** What a film's card in a list shows of it. */
export type CardMovie = Pick<
  StoredMovie,
  'id' | 'titles' | 'originalTitle' | 'releaseDate' | 'posterPath'
>

/** A rating as a card in a list page shows it: a list rating is one too. */
export interface CardRating
  extends Pick<RatingRecord, 'id' | 'score' | 'releaseKey' | 'createdAt'> {
  movie: CardMovie
}

/** A rating on a film's page, with the person who gave it. */
export interface RaterRating extends RatingRecord {
  user: { handle: string; displayName: string }
}

export interface MovieStats {
  count: number
  sum: number
}

export const releaseKeyOf = (movie: Pick<StoredMovie, 'releaseDate'>) => movie.releaseDate ?? ''

// The columns each sort orders by, its index's columns after user_id.
const sortColumns = {
  registered: ['r.created_at', 'r.id'],
  score: ['r.score', 'r.created_at', 'r.id'],
  release: ['r.release_key', 'r.created_at', 'r.id'],
} as const

// Read from the list indexes and the films' card index alone (migration 0007).
const cardColumns = [
  'r.id',
  'r.movie_id',
  'r.score',
  'r.release_key',
  'r.created_at',
  'm.title_ja',
  'm.title_en',
  'm.original_title',
  'm.release_date',
  'm.poster_path',
] as const

const ratingColumns = [
  'r.id',
  'r.user_id',
  'r.movie_id',
  'r.score',
  'r.release_key',
  'r.created_at',
  'r.updated_at',
] as const

/**
 * The ratings and the counts kept over them. Every change to a person's ratings first
 * takes that person's users row (the count it moves), so changes to one person's
 * ratings, and the deletion of their account, happen one after another; the film's
 * count and sum move in the same transaction.
 */
export class RatingRepository {
  constructor(private readonly db: Db) {}

  async insert(userId: string, movie: StoredMovie, score: number, now: number) {
    const record: RatingRecord = {
      id: newId(),
      userId,
      movieId: movie.id,
      score,
      releaseKey: releaseKeyOf(movie),
      createdAt: now,
      updatedAt: now,
    }
    await this.db.transaction().execute(async (trx) => {
      await lockOwner(trx, userId, 1, now)
      await trx.insertInto('ratings').values(toRow(record)).execute()
      await moveFilmTotals(trx, movie.id, 1, score)
    })
    return record
  }

  /** Changes the score of the person's own rating; a 404 for anyone else's. */
  async rescore(id: string, userId: string, score: number, now: number) {
    return this.db.transaction().execute(async (trx) => {
      await lockOwner(trx, userId, 0, now)
      const before = await findOwned(trx, id, userId)
      await trx
        .updateTable('ratings')
        .set({ score, updated_at: now })
        .where('id', '=', id)
        .execute()
      await moveFilmTotals(trx, before.movieId, 0, score - before.score)
      return { ...before, score, updatedAt: now }
    })
  }

  /** Deletes the person's own rating; a 404 for anyone else's. */
  async delete(id: string, userId: string): Promise<RatingRecord> {
    return this.db.transaction().execute(async (trx) => {
      await lockOwner(trx, userId, -1)
      const before = await findOwned(trx, id, userId)
      await trx.deleteFrom('ratings').where('id', '=', id).execute()
      await moveFilmTotals(trx, before.movieId, -1, -before.score)
      return before
    })
  }

  async findOwned(id: string, userId: string): Promise<RatingRecord | undefined> {
    return findOwned(this.db, id, userId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined
      throw error
    })
  }

  async findByUserAndMovie(userId: string, movieId: string): Promise<RatingRecord | undefined> {
    const row = await this.db
      .selectFrom('ratings as r')
      .select(ratingColumns)
      .where('r.user_id', '=', userId)
      .where('r.movie_id', '=', movieId)
      .executeTakeFirst()
    return row && toRecord(row)
  }

  /** The person's ratings of some films, by film id: one range of the unique index. */
  async scoresOf(userId: string, movieIds: readonly string[]) {
    const scores = new Map<string, { id: string; score: number }>()
    if (movieIds.length === 0) return scores
    const rows = await this.db
      .selectFrom('ratings')
      .select(['id', 'movie_id', 'score'])
      .where('user_id', '=', userId)
      .where('movie_id', 'in', movieIds)
      .execute()
    for (const row of rows) scores.set(row.movie_id, { id: row.id, score: row.score })
    return scores
  }

  /**
   * One page of a person's list: a range scan of the sort's index from just after
   * `after`, each rating joined to its film by primary key. Asks for `limit` rows.
   */
  async listByUser(
    userId: string,
    sort: RatingSort,
    order: SortOrder,
    after: ListPosition | null,
    limit: number,
  ): Promise<ListedRating[]> {
    const full = (query: ListQuery) => query.select([...ratingColumns, ...joinedMovieColumns])
    return (await this.userRange(userId, sort, order, after, limit, full)).map(toListedRating)
  }

  /**
   * The same page as `listByUser` with only what its cards show, read from the list
   * indexes and the films' card index without touching either table.
   */
  async cardsByUser(
    userId: string,
    sort: RatingSort,
    order: SortOrder,
    after: ListPosition | null,
    limit: number,
  ): Promise<CardRating[]> {
    const cards = (query: ListQuery) => query.select(cardColumns)
    return (await this.userRange(userId, sort, order, after, limit, cards)).map(toCardRating)
  }

  /**
   * A range of a person's ratings in a sort's order, each joined to its film.
   * Undated films come last in both directions. Descending, `''` sorts last by itself;
   * ascending, the dated films come first, then the undated ones: two ranges of the
   * same index, the second read only when the first runs out within the page.
   */
  private async userRange<Row>(
    userId: string,
    sort: RatingSort,
    order: SortOrder,
    after: ListPosition | null,
    limit: number,
    select: (query: ListQuery) => SelectedList<Row>,
  ): Promise<Row[]> {
    if (sort !== 'release' || order === 'desc') {
      const columns = sortColumns[sort]
      let query = select(userListQuery(this.db, userId, limit))
      if (after) query = query.where(afterPosition(columns, order, after))
      for (const column of columns) query = query.orderBy(column, order)
      return query.execute()
    }

    const isAfterDated = after === null || after.key[0] !== ''
    const dated: Row[] = []
    if (isAfterDated) {
      let query = select(userListQuery(this.db, userId, limit)).where('r.release_key', '>', '')
      if (after) query = query.where(afterPosition(sortColumns.release, 'asc', after))
      for (const column of sortColumns.release) query = query.orderBy(column, 'asc')
      dated.push(...(await query.execute()))
      if (dated.length >= limit) return dated
    }

    const undatedColumns = ['r.created_at', 'r.id'] as const
    let query = select(userListQuery(this.db, userId, limit - dated.length)).where(
      'r.release_key',
      '=',
      '',
    )
    if (after && !isAfterDated) {
      const position = { key: after.key.slice(1), id: after.id }
      query = query.where(afterPosition(undatedColumns, 'asc', position))
    }
    for (const column of undatedColumns) query = query.orderBy(column, 'asc')
    return [...dated, ...(await query.execute())]
  }

  /** One page of a film's ratings, newest first, with who gave each. */
  async listByMovie(
    movieId: string,
    after: ListPosition | null,
    limit: number,
  ): Promise<RaterRating[]> {
    const columns = ['r.created_at', 'r.id'] as const
    let query = this.db
      .selectFrom('ratings as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select([...ratingColumns, 'u.handle', 'u.display_name'])
      .where('r.movie_id', '=', movieId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
    if (after) query = query.where(afterPosition(columns, 'desc', after))
    const rows = await query.execute()
    return rows.map(toRaterRating)
  }

  /**
   * The film's ratings by the people `followerId` follows, newest first: a probe of
   * the unique (user_id, movie_id) index per followee, or a walk of the film's
   * ratings checking the follows key, whichever the planner finds cheaper.
   */
  async listByMovieFromFollowed(
    movieId: string,
    followerId: string,
    limit: number,
  ): Promise<RaterRating[]> {
    const rows = await this.db
      .selectFrom('follows as f')
      .innerJoin('ratings as r', (join) =>
        join.onRef('r.user_id', '=', 'f.followee_id').on('r.movie_id', '=', movieId),
      )
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select([...ratingColumns, 'u.handle', 'u.display_name'])
      .where('f.follower_id', '=', followerId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute()
    return rows.map(toRaterRating)
  }

  /** The kept count and sum of a film's scores; undefined for a film not stored. */
  async movieStats(movieId: string): Promise<MovieStats | undefined> {
    const row = await this.db
      .selectFrom('movies')
      .select(['rating_count', 'rating_sum'])
      .where('id', '=', movieId)
      .executeTakeFirst()
    return row && { count: row.rating_count, sum: row.rating_sum }
  }

  /** Keeps the release sort's copy of a film's release date in step with the film. */
  async syncReleaseKey(movie: Pick<StoredMovie, 'id' | 'releaseDate'>): Promise<void> {
    const releaseKey = releaseKeyOf(movie)
    await this.db
      .updateTable('ratings')
      .set({ release_key: releaseKey })
      .where('movie_id', '=', movie.id)
      .where('release_key', '<>', releaseKey)
      .execute()
  }
}

/** A person's ratings joined to their films, at most `limit`, nothing selected yet. */
function userListQuery(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('ratings as r')
    .innerJoin('movies as m', 'm.id', 'r.movie_id')
    .where('r.user_id', '=', userId)
    .limit(limit)
}

type ListQuery = ReturnType<typeof userListQuery>
type SelectedList<Row> =
  ListQuery extends SelectQueryBuilder<infer Tables, infer Names, object>
    ? SelectQueryBuilder<Tables, Names, Row>
    : never

/**
 * For account deletion, inside its transaction: takes the person's ratings back out
 * of their films' counts and sums before the rows go with the person.
 */
export async function takeBackRatingsOf(trx: Db, userId: string): Promise<void> {
  await trx.updateTable('users').set({ rating_count: 0 }).where('id', '=', userId).execute()
  await trx
    .updateTable('movies')
    .from('ratings')
    .set((eb) => ({
      rating_count: eb('movies.rating_count', '-', 1),
      rating_sum: eb('movies.rating_sum', '-', eb.ref('ratings.score')),
    }))
    .whereRef('ratings.movie_id', '=', 'movies.id')
    .where('ratings.user_id', '=', userId)
    .execute()
}

/**
 * Takes the person's row, moves their film count and, for a new or changed score, their
 * last activity (people search ranks by it). A person gone is a 401.
 */
async function lockOwner(trx: Db, userId: string, delta: number, activeAt?: number) {
  const result = await trx
    .updateTable('users')
    .set((eb) => ({
      rating_count: eb('rating_count', '+', delta),
      list_version: eb('list_version', '+', 1),
      ...(activeAt === undefined ? {} : { last_active_at: activeAt }),
    }))
    .where('id', '=', userId)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw new UnauthorizedError()
}

async function moveFilmTotals(trx: Db, movieId: string, count: number, sum: number) {
  await trx
    .updateTable('movies')
    .set((eb) => ({
      rating_count: eb('rating_count', '+', count),
      rating_sum: eb('rating_sum', '+', sum),
    }))
    .where('id', '=', movieId)
    .execute()
}

/** The rating if it is the person's; otherwise the same 404 as for no rating at all. */
async function findOwned(db: Db, id: string, userId: string): Promise<RatingRecord> {
  const row = await db
    .selectFrom('ratings as r')
    .select(ratingColumns)
    .where('r.id', '=', id)
    .where('r.user_id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('ratings.notFound')
  return toRecord(row)
}

/** `(a, b, id) < (?, ?, ?)` for a descending page, `>` for an ascending one. */
function afterPosition(
  columns: readonly string[],
  order: SortOrder,
  after: ListPosition,
): Expression<SqlBool> {
  const operator = sql.raw(order === 'desc' ? '<' : '>')
  const refs = sql.join(columns.map((column) => sql.ref(column)))
  const values = sql.join([...after.key, after.id])
  return sql<SqlBool>`(${refs}) ${operator} (${values})`
}

interface RatingRow {
  id: string
  user_id: string
  movie_id: string
  score: number
  release_key: string
  created_at: number
  updated_at: number
}

function toRow(record: RatingRecord): RatingRow {
  return {
    id: record.id,
    user_id: record.userId,
    movie_id: record.movieId,
    score: record.score,
    release_key: record.releaseKey,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  }
}

function toRecord(row: RatingRow): RatingRecord {
  return {
    id: row.id,
    userId: row.user_id,
    movieId: row.movie_id,
    score: row.score,
    releaseKey: row.release_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toRaterRating(row: RatingRow & { handle: string; display_name: string }): RaterRating {
  return { ...toRecord(row), user: { handle: row.handle, displayName: row.display_name } }
}

function toListedRating(row: RatingRow & Omit<MovieFields, 'id'>): ListedRating {
  return { ...toRecord(row), movie: toStoredMovie(row, row.movie_id) }
}

type CardRow = Pick<RatingRow, 'id' | 'movie_id' | 'score' | 'release_key' | 'created_at'> &
  Pick<MovieFields, 'title_ja' | 'title_en' | 'original_title' | 'release_date' | 'poster_path'>

function toCardRating(row: CardRow): CardRating {
  return {
    id: row.id,
    score: row.score,
    releaseKey: row.release_key,
    createdAt: row.created_at,
    movie: {
      id: row.movie_id,
      titles: { ja: row.title_ja, en: row.title_en },
      originalTitle: row.original_title,
      releaseDate: row.release_date,
      posterPath: row.poster_path,
    },
  }
}
