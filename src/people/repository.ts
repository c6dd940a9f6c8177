import { type Selectable, type SqlBool, sql } from 'kysely'
import { isPossibleHandle } from '../accounts/schemas.js'
import type { UserTable } from '../accounts/tables.js'
import { foldForSearch } from '../accounts/users.js'
import type { Db } from '../db/database.js'

/** A person as lists show them, with the counts kept on their row. */
export interface PersonRow {
  id: string
  handle: string
  displayName: string
  profileUrl: string | null
  birthdate: string | null
  showAge: boolean
  ratingCount: number
  followingCount: number
  followerCount: number
  lastActiveAt: number
}

export function toPerson(row: Selectable<UserTable>): PersonRow {
  return {
    id: row.id,
    handle: row.handle,
    displayName: row.display_name,
    profileUrl: row.profile_url,
    birthdate: row.birthdate,
    showAge: row.show_age === 1,
    ratingCount: row.rating_count,
    followingCount: row.following_count,
    followerCount: row.follower_count,
    lastActiveAt: row.last_active_at,
  }
}

/** Relevance of a match: 0 the handle itself, 1 a handle prefix, 2 a word prefix, 3 inside. */
export type SearchKey = [rank: number, lastActiveAt: number]
export type FollowKey = [followedAt: number]

export interface Page<Key, Item> {
  items: { item: Item; key: Key }[]
  hasMore: boolean
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Queries over people and follows; the rules and the counts' upkeep are the service's. */
export class PeopleRepository {
  constructor(private readonly db: Db) {}

  /**
   * People whose handle or display name contains `query` (folded: case and width
   * ignored), best matches first, then the most recently active; everyone when the
   * query is empty. Keyset-paginated on (rank, last activity, id).
   */
  async search(
    query: string,
    limit: number,
    after?: { key: SearchKey; id: string },
  ): Promise<Page<SearchKey, PersonRow>> {
    const folded = foldForSearch(query.trim())
    const like = escapeLike(folded)
    const rank = folded
      ? sql<number>`case when handle_key = ${folded} then 0
          when handle_key like ${`${like}%`} escape '\\' then 1
          when search_text like ${`% ${like}%`} escape '\\' then 2
          else 3 end`
      : sql<number>`0`
    let q = this.db.selectFrom('users').selectAll().select(rank.as('rank'))
    if (folded) q = q.where(sql<SqlBool>`search_text like ${`%${like}%`} escape '\\'`)
    if (after) {
      const [r, active] = after.key
      q = q.where(
        sql<SqlBool>`(${rank} > ${r} or (${rank} = ${r} and (last_active_at < ${active}
          or (last_active_at = ${active} and id < ${after.id}))))`,
      )
    }
    // Without a query every rank is 0: the order is then a backward scan of one index.
    if (folded) q = q.orderBy(rank)
    const rows = await q
      .orderBy('last_active_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute()
    return pageOf(rows, limit, (row) => [Number(row.rank), row.last_active_at])
  }

  async findByHandle(handle: string): Promise<PersonRow | undefined> {
    if (!isPossibleHandle(handle)) return undefined
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('handle_key', '=', handle.toLowerCase())
      .executeTakeFirst()
    return row && toPerson(row)
  }

  /** The people `userId` follows (or who follow them), newest follow first. */
  async follows(
    direction: 'following' | 'followers',
    userId: string,
    limit: number,
    after?: { key: FollowKey; id: string },
  ): Promise<Page<FollowKey, PersonRow>> {
    const [self, other] =
      direction === 'following'
        ? (['follower_id', 'followee_id'] as const)
        : (['followee_id', 'follower_id'] as const)
    let q = this.db
      .selectFrom('follows')
      .innerJoin('users', 'users.id', `follows.${other}`)
      .selectAll('users')
      .select('follows.created_at as followed_at')
      .where(`follows.${self}`, '=', userId)
    if (after) {
      const [at] = after.key
      q = q.where((eb) =>
        eb.or([
          eb('follows.created_at', '<', at),
          eb.and([eb('follows.created_at', '=', at), eb(`follows.${other}`, '<', after.id)]),
        ]),
      )
    }
    const rows = await q
      .orderBy('follows.created_at', 'desc')
      .orderBy(`follows.${other}`, 'desc')
      .limit(limit + 1)
      .execute()
    return pageOf(rows, limit, (row) => [row.followed_at])
  }

  /** Which of `ids` the follower follows. */
  async followedAmong(followerId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const rows = await this.db
      .selectFrom('follows')
      .select('followee_id')
      .where('follower_id', '=', followerId)
      .where('followee_id', 'in', ids)
      .execute()
    return new Set(rows.map((row) => row.followee_id))
  }

  /** Adds the follow and moves both counts, once: true when it was new. */
  async follow(followerId: string, followeeId: string, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto('follows')
        .values({ follower_id: followerId, followee_id: followeeId, created_at: now })
        .onConflict((conflict) => conflict.columns(['follower_id', 'followee_id']).doNothing())
        .executeTakeFirst()
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false
      await moveCounts(trx, followerId, followeeId, 1)
      return true
    })
  }

  /** Removes the follow and moves both counts back, once: true when there was one. */
  async unfollow(followerId: string, followeeId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('follows')
        .where('follower_id', '=', followerId)
        .where('followee_id', '=', followeeId)
        .executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) return false
      await moveCounts(trx, followerId, followeeId, -1)
      return true
    })
  }
}

async function moveCounts(trx: Db, followerId: string, followeeId: string, by: 1 | -1) {
  await trx
    .updateTable('users')
    .set((eb) => ({
      following_count: eb('following_count', '+', by),
      list_version: eb('list_version', '+', 1),
    }))
    .where('id', '=', followerId)
    .execute()
  await trx
    .updateTable('users')
    .set((eb) => ({
      follower_count: eb('follower_count', '+', by),
      list_version: eb('list_version', '+', 1),
    }))
    .where('id', '=', followeeId)
    .execute()
}

/**
 * Before a person's rows go, the people they followed lose a follower and the people
 * who followed them follow one fewer.
 */
export async function forgetFollows(trx: Db, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({
      follower_count: eb('follower_count', '-', 1),
      list_version: eb('list_version', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb.selectFrom('follows').select('followee_id').where('follower_id', '=', userId),
    )
    .execute()
  await trx
    .updateTable('users')
    .set((eb) => ({
      following_count: eb('following_count', '-', 1),
      list_version: eb('list_version', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb.selectFrom('follows').select('follower_id').where('followee_id', '=', userId),
    )
    .execute()
}

function pageOf<Row extends Selectable<UserTable>, Key>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => Key,
): Page<Key, PersonRow> {
  const hasMore = rows.length > limit
  const items = rows.slice(0, limit).map((row) => ({ item: toPerson(row), key: keyOf(row) }))
  return { items, hasMore }
}
