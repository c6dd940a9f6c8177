import { type SqlBool, SqliteAdapter, sql } from 'kysely'
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

/** How long a count of everyone steers the choice before it is counted again (ms). */
const everyoneCountedEvery = 10 * 60 * 1000

/**
 * Whether walking everyone by last activity finds `chunk` followees for less than
 * reading all `following` of the person's follows. The walk passes about
 * `chunk × everyone / following` people, each one look-up; the read looks up and
 * sorts every followee, which measured about half as costly each.
 */
function isWalkCheaper(chunk: number, following: number, everyone: number): boolean {
  return chunk * everyone < (following * following) / 2
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
 * Followees come 16, then as many again as are read so far, and their ranges are read
 * in batches of 4, 8, 16… people, each batch one query: on PostgreSQL, where each query
 * is a round trip, a page costs a handful of queries instead of one per person
 * visited. A batch may read a few people past the point where a walk one by one would
 * have stopped; never fewer.
 *
 * Followees are found one of two ways. For someone who follows a small part of
 * everyone, all their follows are read and the most recently active kept: the cost
 * grows with the people they follow. For someone who follows a large part of
 * everyone, everyone is walked by last activity, keeping the followed: the cost grows
 * with the people walked before enough are found. For a person following 999 of
 * 1,000, the walk took 64 µs against 430 µs. PostgreSQL makes that choice itself, by
 * its statistics, whichever way the query is written; SQLite's plan follows the form of
 * the query, so on SQLite the choice is made here.
 */
export class FeedRepository {
  /** How many people there are, counted now and then: it only steers that choice. */
  private everyone = { count: 0, countedAt: Number.NEGATIVE_INFINITY }
  private readonly isFormChosenHere: boolean

  constructor(private readonly db: Db) {
    this.isFormChosenHere = db.getExecutor().adapter instanceof SqliteAdapter
  }

  async page(userId: string, after: FeedPosition | null, limit: number): Promise<FeedItem[]> {
    const isWalkFor = await this.walkChoice(userId)
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
        const more = await this.followeesAfter(userId, lastRead ?? null, chunk, {
          isWalk: isWalkFor(chunk),
        })
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

  /** For a chunk of followees, whether to walk everyone instead of reading follows. */
  private async walkChoice(userId: string): Promise<(chunk: number) => boolean> {
    if (!this.isFormChosenHere) return () => false
    const row = await this.db
      .selectFrom('users')
      .select('following_count')
      .where('id', '=', userId)
      .executeTakeFirst()
    const following = row?.following_count ?? 0
    const everyone = await this.everyoneCount()
    return (chunk) => isWalkCheaper(chunk, following, everyone)
  }

  private async everyoneCount(): Promise<number> {
    const now = performance.now()
    if (now - this.everyone.countedAt > everyoneCountedEvery) {
      const row = await this.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      this.everyone = { count: Number(row.count), countedAt: now }
    }
    return this.everyone.count
  }

  /**
   * The next of the person's followees, the most recently active first: from their
   * follows, or walking everyone (`isWalk`).
   */
  private async followeesAfter(
    userId: string,
    from: Followee | null,
    limit: number,
    { isWalk }: { isWalk: boolean },
  ): Promise<Followee[]> {
    const people = isWalk
      ? this.db
          .selectFrom('users as u')
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('follows as f')
                .select('f.followee_id')
                .where('f.follower_id', '=', userId)
                .whereRef('f.followee_id', '=', 'u.id'),
            ),
          )
      : this.db
          .selectFrom('follows as f')
          .innerJoin('users as u', 'u.id', 'f.followee_id')
          .where('f.follower_id', '=', userId)
    let query = people
      .select(['u.id', 'u.last_active_at'])
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
