import { type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely'
import type { Db } from './database.js'
import * as foundation from './migrations/0001-foundation.js'
import * as movies from './migrations/0002-movies.js'
import * as ratings from './migrations/0003-ratings.js'
import * as people from './migrations/0004-people.js'
import * as backups from './migrations/0005-backups.js'
import * as listVersion from './migrations/0006-list-version.js'
import * as cardIndexes from './migrations/0007-card-indexes.js'

/** Every migration in order; the name's number decides it. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-movies': movies,
  '0003-ratings': ratings,
  '0004-people': people,
  '0005-backups': backups,
  '0006-list-version': listVersion,
  '0007-card-indexes': cardIndexes,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** The names of every migration this version of the app knows, in order. */
export const migrationNames = Object.keys(migrations).sort()

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = await migratorFor(db)
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Brings the schema to exactly `name` (a restore loads a backup at its own level). */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const { error } = await (await migratorFor(db)).migrateTo(name)
  if (error) throw error
}

/**
 * On PostgreSQL the migration tables are looked for in the current schema only: left
 * to itself, Kysely takes another schema's migration tables for ours.
 */
async function migratorFor(db: Db): Promise<Migrator> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return new Migrator({ db, provider })
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema })
}
