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
 */
export class FeedRepository {
  constructor(private readonly db: Db) {}

  async page(userId: string, after: FeedPosition | null, limit: number): Promise<FeedItem[]> {
    const followees = await this.db
      .selectFrom('follows as f')
      .innerJoin('users as u', 'u.id', 'f.followee_id')
      .select(['u.id', 'u.last_active_at'])
      .where('f.follower_id', '=', userId)
      .orderBy('u.last_active_at', 'desc')
      .execute()

    let best: Candidate[] = []
    for (const followee of followees) {
      const bound = after
        ? Math.min(followee.last_active_at, after.createdAt)
        : followee.last_active_at
      const last = best[limit - 1]
      if (last && bound < last.createdAt) break
      const newest = await this.newestOf(followee.id, after, limit)
      best = [...best, ...newest].sort((a, b) => (isNewer(a, b) ? -1 : 1)).slice(0, limit)
    }
    return this.load(best.map((candidate) => candidate.id))
  }

  private async newestOf(userId: string, after: FeedPosition | null, limit: number) {
    let query = this.db
      .selectFrom('ratings')
      .select(['id', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
    if (after)
      query = query.where(sql<SqlBool>`(created_at, id) < (${after.createdAt}, ${after.id})`)
    const rows = await query.execute()
    return rows.map((row) => ({ id: row.id, createdAt: row.created_at }))
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
      movie: toStoredMovie({ ...row, id: row.movie_id }),
    }))
  }
}
