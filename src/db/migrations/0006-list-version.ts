import type { Kysely } from 'kysely'

/**
 * A version of everything a person's list page shows, moved in the same transaction as
 * each change to it: cached pages are checked against it on every request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('list_version', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('list_version').execute()
}
