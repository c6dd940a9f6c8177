import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('movies')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title_ja', 'text')
    .addColumn('title_en', 'text')
    .addColumn('original_title', 'text')
    .addColumn('release_date', 'text')
    .addColumn('poster_path', 'text')
    .addColumn('overview_ja', 'text')
    .addColumn('overview_en', 'text')
    .addColumn('fetched_at', 'bigint', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('movies').execute()
}
