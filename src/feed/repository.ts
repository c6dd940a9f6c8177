import { type SqlBool, sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { StoredMovie } from '../movies/movie.js'
import { joinedMovieColumns, toStoredMovie } from '../movies/repository.js'

/** A rating in someone's home feed: who, which film, what score, when. */
export interface FeedItem {
  id: string
  score: number
  createdAt: number
  updatedAt: number
  user: { handle: string; displayName: string }
  movie: StoredMovie
}

export interface FeedPosition {
  createdAt: number
  id: string
}

interface Candidate extends FeedPosition {}

const firstChunk = 16
const firstBatch = 4

interface Followee {
  id: string
  lastActiveAt: number
}

const isNewer = (a: Candidate, b: Candidate) =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)

/**
 * The newest ratings by the people someone follows, read without scanning anyone's
 * whole history and without writing a copy per follower (a person with 100,000
 * followers costs nothing extra when they rate).
 *
 * Followees are visited from the most recently active down; each visit is one
 * range of the `(user_id, created_at, id)` index, at most a page long. A person's
 * last activity is never older than their newest rating, so once the page is full
 * and the next followee's last activity is older than its last entry, no one further
 * down can change it: the walk stops, usually after a page's worth of people.
 *
 * Followees come 16, then as many again as are read so far (PostgreSQL finds them
 * walking everyone by last activity, so fewer cost less), and their ranges are read
 * in batches of 4, 8, 16… people, each batch one query: on PostgreSQL, where each query is a round trip, a
 * page costs a handful of queries instead of one per person visited. A batch may read
 * a few people past the point where a walk one by one would have stopped; never fewer.
 */
export class FeedRepository {
  constructor(private readonly db: Db) {}

  async page(userId: string, after: FeedPosition | null, limit: number): Promise<FeedItem[]> {
    let best: Candidate[] = []
    let followees: Followee[] = []
    let isEveryFollowee = false
    let next = 0
    let batchSize = firstBatch
    for (;;) {
      const last = best[limit - 1]
      const isWanted = (followee: Followee) => {
        const bound = after
          ? Math.min(followee.lastActiveAt, after.createdAt)
          : followee.lastActiveAt
        return !last || bound >= last.createdAt
      }
      while (!isEveryFollowee && followees.length < next + batchSize) {
        const lastRead = followees.at(-1)
        // Followees come most recently active first: once one is left out, all after are.
        if (lastRead && !isWanted(lastRead)) break
        const chunk = Math.max(firstChunk, followees.length)
        const more = await this.followeesAfter(userId, lastRead ?? null, chunk)
        followees = [...followees, ...more]
        isEveryFollowee = more.length < chunk
      }
      const batch = followees.slice(next, next + batchSize).filter(isWanted)
      if (batch.length === 0) break
      const newest = await this.newestOf(batch, after, limit)
      best = [...best, ...newest].sort((a, b) => (isNewer(a, b) ? -1 : 1)).slice(0, limit)
      if (batch.length < batchSize) break
      next += batchSize
      batchSize *= 2
    }
    return this.load(best.map((candidate) => candidate.id))
  }

  /** The next of the person's followees, the most recently active first. */
  private async followeesAfter(
    userId: string,
    from: Followee | null,
    limit: number,
  ): Promise<Followee[]> {
    let query = this.db
      .selectFrom('follows as f')
      .innerJoin('users as u', 'u.id', 'f.followee_id')
      .select(['u.id', 'u.last_active_at'])
      .where('f.follower_id', '=', userId)
      .orderBy('u.last_active_at', 'desc')
      .orderBy('u.id', 'desc')
      .limit(limit)
    if (from) {
      query = query.where(
        sql<SqlBool>`(u.last_active_at, u.id) < (${from.lastActiveAt}, ${from.id})`,
      )
    }
    const rows = await query.execute()
    return rows.map((row) => ({ id: row.id, lastActiveAt: row.last_active_at }))
  }

  /** Each followee's newest ratings (before `after`), all in one query. */
  private async newestOf(followees: Followee[], after: FeedPosition | null, limit: number) {
    const rangeOf = (followee: Followee, index: number) => {
      let range = this.db
        .selectFrom('ratings')
        .select(['id', 'created_at'])
        .where('user_id', '=', followee.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
      if (after) {
        range = range.where(sql<SqlBool>`(created_at, id) < (${after.createdAt}, ${after.id})`)
      }
      return this.db.selectFrom(range.as(`n${index}`)).select(['id', 'created_at'])
    }
    const [first, ...rest] = followees.map(rangeOf)
    if (!first) return []
    const rows = await rest.reduce((union, range) => union.unionAll(range), first).execute()
    return rows.map((row): Candidate => ({ id: row.id, createdAt: row.created_at }))
  }

  /** The page's ratings with their films and people, newest first. */
  private async load(ids: string[]): Promise<FeedItem[]> {
    if (ids.length === 0) return []
    const rows = await this.db
      .selectFrom('ratings as r')
      .innerJoin('movies as m', 'm.id', 'r.movie_id')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select([
        'r.id',
        'r.score',
        'r.created_at',
        'r.updated_at',
        'u.handle',
        'u.display_name',
        'm.id as movie_id',
        ...joinedMovieColumns,
      ])
      .where('r.id', 'in', ids)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .execute()
    return rows.map((row) => ({
      id: row.id,
      score: row.score,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      user: { handle: row.handle, displayName: row.display_name },
      movie: toStoredMovie(row, row.movie_id),
    }))
  }
}
