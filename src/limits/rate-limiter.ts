import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { RateLimitedError } from '../domain/errors.js'

export interface Limit {
  max: number
  windowMs: number
}

/**
 * Fixed-window counters kept in the database, so that every app process sees the
 * same counts. Each check or hit is one indexed statement.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws `RateLimitedError` when `key` has already reached its limit. */
  async check(key: string, limit: Limit): Promise<void> {
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['window_start', 'hits'])
      .where('key', '=', key)
      .executeTakeFirst()
    const now = this.now()
    if (row && row.window_start > now - limit.windowMs && row.hits >= limit.max) {
      throw new RateLimitedError(Math.ceil((row.window_start + limit.windowMs - now) / 1000))
    }
  }

  /** Counts one more for `key`, opening a new window when the last has passed. */
  async hit(key: string, limit: Limit): Promise<number> {
    return (await this.count(key, limit, this.now())).hits
  }

  /**
   * Counts one more and throws when that goes past the limit: one statement, cheap
   * enough to run on every write.
   */
  async take(key: string, limit: Limit): Promise<void> {
    const now = this.now()
    const { hits, window_start } = await this.count(key, limit, now)
    if (hits > limit.max) {
      throw new RateLimitedError(
        Math.max(1, Math.ceil((window_start + limit.windowMs - now) / 1000)),
      )
    }
  }

  private async count(key: string, limit: Limit, now: number) {
    const expired = now - limit.windowMs
    return this.db
      .insertInto('rate_limits')
      .values({ key, window_start: now, hits: 1 })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limits.window_start <= ${expired} then 1 else rate_limits.hits + 1 end`,
          window_start: sql<number>`case when rate_limits.window_start <= ${expired} then ${now} else rate_limits.window_start end`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow()
  }

  /** Counts one more and throws when that goes past the limit. */
  async consume(key: string, limit: Limit): Promise<void> {
    await this.check(key, limit)
    await this.hit(key, limit)
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute()
  }

  /** Drops counters whose window ended long ago. */
  async prune(olderThanMs: number): Promise<void> {
    await this.db
      .deleteFrom('rate_limits')
      .where('window_start', '<', this.now() - olderThanMs)
      .execute()
  }
}
