import { type Kysely, sql } from 'kysely'

/**
 * Ratings, with the kept counts that pages show (films per person, ratings and their
 * sum per film), and one index per list so that each list page is one range scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per statement.
  await db.schema
    .alterTable('users')
    .addColumn('rating_count', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('movies')
    .addColumn('rating_count', 'integer', (col) => col.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('movies')
    .addColumn('rating_sum', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('ratings')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('movie_id', 'text', (col) => col.notNull().references('movies.id'))
    .addColumn('score', 'integer', (col) => col.notNull().check(sql`score between 0 and 100`))
    .addColumn('release_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addUniqueConstraint('ratings_user_movie', ['user_id', 'movie_id'])
    .execute()

  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('ratings').columns(columns).execute()
  await index('ratings_user_created', ['user_id', 'created_at', 'id'])
  await index('ratings_user_score', ['user_id', 'score', 'created_at', 'id'])
  await index('ratings_user_release', ['user_id', 'release_key', 'created_at', 'id'])
  await index('ratings_movie_created', ['movie_id', 'created_at', 'id'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ratings').execute()
  await db.schema.alterTable('movies').dropColumn('rating_sum').execute()
  await db.schema.alterTable('movies').dropColumn('rating_count').execute()
  await db.schema.alterTable('users').dropColumn('rating_count').execute()
}
