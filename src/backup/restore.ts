import { stat } from 'node:fs/promises'
import { Kysely, SqliteDialect, sql } from 'kysely'
import type { DatabaseHandle, Db } from '../db/database.js'
import type { DialectName } from '../db/dialect.js'
import { migrateTo, migrateToLatest, migrationNames } from '../db/migrate.js'
import type { Database } from '../db/schema.js'
import { type Manifest, openBackupFile, type RowCounts } from './backup-file.js'
import { appliedMigrations, isMigrationTable, listTables } from './catalog.js'
import { backupKindOf } from './files.js'
import { type RowBatch, readTables } from './read-tables.js'

/** What a backup holds: where it came from, and its rows in batches. */
export interface BackupContents {
  manifest: Manifest
  batches: AsyncIterable<RowBatch>
  close(): Promise<void> | void
}

export class RestoreRefusedError extends Error {}

/** Opens a backup of either kind: an SQLite file, or a logical `.jsonl.gz` backup. */
export async function openBackup(path: string): Promise<BackupContents> {
  if (backupKindOf(path) === 'logical') return openBackupFile(path)
  return openSqliteBackup(path)
}

async function openSqliteBackup(path: string): Promise<BackupContents> {
  const { default: SqliteDatabase } = await import('better-sqlite3')
  const database = new SqliteDatabase(path, { readonly: true, fileMustExist: true })
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  const manifest: Manifest = {
    format: 'mymovie-backup',
    version: 1,
    source: 'sqlite',
    createdAt: (await stat(path)).mtime.toISOString(),
    migrations: await appliedMigrations(db),
  }
  return { manifest, batches: readTables(db, 'sqlite'), close: () => db.destroy() }
}

export interface RestoreOptions {
  /** Replace a database that already holds data; without it such a database is refused. */
  replace?: boolean
}

export interface RestoreResult {
  rowCounts: RowCounts
  ms: number
}

/**
 * Loads a backup into the database: checks that it may (an empty database, or one
 * the caller asked to replace), removes its tables, migrates to the backup's level,
 * loads every row in one transaction, then migrates to this version's latest.
 */
export async function restoreBackup(
  target: DatabaseHandle,
  backup: BackupContents,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = performance.now()
  const level = checkLevel(backup.manifest.migrations)
  const { db, dialect } = target
  const filled = await tablesWithRows(db, dialect)
  if (filled.length > 0 && !options.replace) {
    throw new RestoreRefusedError(
      `the database already holds data (${filled.join(', ')}); pass --replace to replace it`,
    )
  }

  await dropTables(db, dialect)
  await migrateTo(db, level)
  const rowCounts = await db.transaction().execute(async (trx) => loadRows(trx, backup.batches))
  await migrateToLatest(db)
  return { rowCounts, ms: Math.round(performance.now() - started) }
}

function checkLevel(migrations: string[]): string {
  const last = migrations.at(-1)
  const isKnown = migrations.every((name, index) => migrationNames[index] === name)
  if (!last || !isKnown) {
    throw new RestoreRefusedError(
      'the backup comes from another version of MyMovie (its migrations are not ours)',
    )
  }
  return last
}

async function tablesWithRows(db: Db, dialect: DialectName): Promise<string[]> {
  const filled: string[] = []
  for (const table of await listTables(db, dialect)) {
    const row = await sql`select 1 from ${sql.table(table.name)} limit 1`.execute(db)
    if (row.rows.length > 0) filled.push(table.name)
  }
  return filled
}

/** Every table of the database (or the PostgreSQL schema), children first. */
async function dropTables(db: Db, dialect: DialectName) {
  const tables = (await listTables(db, dialect)).reverse().map((table) => table.name)
  const migrationTables =
    dialect === 'postgres'
      ? await sql<{ name: string }>`
          select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)
      : await sql<{ name: string }>`
          select name from sqlite_master where type = 'table'`.execute(db)
  tables.push(...migrationTables.rows.map((row) => row.name).filter(isMigrationTable))
  for (const table of tables) await sql`drop table if exists ${sql.table(table)}`.execute(db)
}

// SQLite allows 32,766 parameters in a statement and PostgreSQL 65,535.
const maxParameters = 30_000

async function loadRows(db: Db, batches: AsyncIterable<RowBatch>): Promise<RowCounts> {
  const counts: RowCounts = {}
  for await (const batch of batches) {
    counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length
    const perStatement = Math.max(1, Math.floor(maxParameters / batch.columns.length))
    for (let start = 0; start < batch.rows.length; start += perStatement) {
      await insertRows(db, batch, batch.rows.slice(start, start + perStatement))
    }
  }
  return counts
}

function insertRows(db: Db, batch: RowBatch, rows: unknown[][]) {
  const columns = sql.join(batch.columns.map((column) => sql.ref(column)))
  const values = sql.join(rows.map((row) => sql`(${sql.join(row)})`))
  return sql`insert into ${sql.table(batch.table)} (${columns}) values ${values}`.execute(db)
}
