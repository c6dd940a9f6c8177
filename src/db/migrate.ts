import { type Migration, type MigrationProvider, Migrator } from 'kysely'
import type { Db } from './database.js'
import * as foundation from './migrations/0001-foundation.js'
import * as movies from './migrations/0002-movies.js'
import * as ratings from './migrations/0003-ratings.js'
import * as people from './migrations/0004-people.js'

/** Every migration in order; the name's number decides it. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-movies': movies,
  '0003-ratings': ratings,
  '0004-people': people,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
