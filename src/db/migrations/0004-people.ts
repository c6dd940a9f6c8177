import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Follows, the kept follow counts, and what people search runs on: a normalised
 * text of handle and display name, and the time of each person's last activity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('follows')
    .addColumn('follower_id', 'text', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('followee_id', 'text', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['follower_id', 'followee_id'])
    .execute()
  await db.schema
    .createIndex('follows_follower_created')
    .on('follows')
    .columns(['follower_id', 'created_at', 'followee_id'])
    .execute()
  await db.schema
    .createIndex('follows_followee_created')
    .on('follows')
    .columns(['followee_id', 'created_at', 'follower_id'])
    .execute()

  // SQLite adds one column per statement.
  const addCount = (name: string) =>
    db.schema
      .alterTable('users')
      .addColumn(name, 'integer', (col) => col.notNull().defaultTo(0))
      .execute()
  await addCount('following_count')
  await addCount('follower_count')
  await db.schema
    .alterTable('users')
    .addColumn('search_text', 'text', (col) => col.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('users')
    .addColumn('last_active_at', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute()
  await sql`update users set search_text = lower(handle || ' ' || display_name), last_active_at = created_at`.execute(
    db,
  )
  await db.schema
    .createIndex('users_last_active')
    .on('users')
    .columns(['last_active_at', 'id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_last_active').execute()
  for (const column of ['last_active_at', 'search_text', 'follower_count', 'following_count']) {
    await db.schema.alterTable('users').dropColumn(column).execute()
  }
  await db.schema.dropTable('follows').execute()
}
