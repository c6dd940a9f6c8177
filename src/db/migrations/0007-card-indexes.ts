import type { Kysely } from 'kysely'

// A list page shows, of each rating, its film, score and dates. The three list indexes
// gain the columns a card needs beyond their sort key, and the films an index of what a
// card shows of them, so that a page of cards is read from indexes alone: a few
// neighbouring index pages instead of 48 rating rows and 48 film rows scattered over
// both tables. The API's lists, which also show when a rating changed and the film's
// overview, still read the rows.

const widened = {
  ratings_user_created: ['user_id', 'created_at', 'id', 'movie_id', 'score', 'release_key'],
  ratings_user_score: ['user_id', 'score', 'created_at', 'id', 'movie_id', 'release_key'],
  ratings_user_release: ['user_id', 'release_key', 'created_at', 'id', 'movie_id', 'score'],
}

const before = {
  ratings_user_created: ['user_id', 'created_at', 'id'],
  ratings_user_score: ['user_id', 'score', 'created_at', 'id'],
  ratings_user_release: ['user_id', 'release_key', 'created_at', 'id'],
}

async function replaceIndexes(db: Kysely<unknown>, indexes: Record<string, string[]>) {
  for (const [name, columns] of Object.entries(indexes)) {
    await db.schema.dropIndex(name).execute()
    await db.schema.createIndex(name).on('ratings').columns(columns).execute()
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceIndexes(db, widened)
  await db.schema
    .createIndex('movies_card')
    .on('movies')
    .columns(['id', 'title_ja', 'title_en', 'original_title', 'release_date', 'poster_path'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('movies_card').execute()
  await replaceIndexes(db, before)
}
