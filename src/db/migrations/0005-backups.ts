import type { Kysely } from 'kysely'

/** The claim that lets only one of several app processes take a day's backup. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backup_runs')
    .addColumn('day', 'text', (col) => col.primaryKey())
    .addColumn('claimed_at', 'bigint', (col) => col.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('file', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('backup_runs').execute()
}
