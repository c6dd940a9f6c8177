import { sql } from 'kysely'
import type { Db } from '../../src/db/database.js'

/**
 * Every kept count that disagrees with the rows it counts: ratings per person, ratings
 * and their sum per film, follows each way. Empty when the database is consistent.
 */
export async function keptCountMismatches(db: Db): Promise<string[]> {
  const result = await sql<{ problem: string }>`
    select 'user ' || u.id || ' rating_count' as problem from users u
    where u.rating_count <> (select count(*) from ratings r where r.user_id = u.id)
    union all
    select 'user ' || u.id || ' following_count' from users u
    where u.following_count <> (select count(*) from follows f where f.follower_id = u.id)
    union all
    select 'user ' || u.id || ' follower_count' from users u
    where u.follower_count <> (select count(*) from follows f where f.followee_id = u.id)
    union all
    select 'movie ' || m.id || ' rating_count' from movies m
    where m.rating_count <> (select count(*) from ratings r where r.movie_id = m.id)
    union all
    select 'movie ' || m.id || ' rating_sum' from movies m
    where m.rating_sum <> (select coalesce(sum(r.score), 0) from ratings r where r.movie_id = m.id)
  `.execute(db)
  return result.rows.map((row) => row.problem)
}
