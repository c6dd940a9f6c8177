import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Config } from '../config/env.js'
import { type Db, openDatabase } from '../db/database.js'
import { type DialectName, dialectOf } from '../db/dialect.js'
import { writeBackupFile } from './backup-file.js'
import { appliedMigrations } from './catalog.js'
import { backupFileName, pruneBackups } from './files.js'
import { readTables } from './read-tables.js'

export interface BackupResult {
  file: string
  bytes: number
  ms: number
  source: DialectName
  /** Older backups deleted to keep only the newest few. */
  pruned: string[]
}

/**
 * Takes a consistent backup of the database while the app goes on using it, into the
 * backup folder under a name made from the time, then prunes the oldest. The file
 * appears under its final name only once it is complete.
 */
export async function takeBackup(
  config: Pick<Config, 'databaseUrl' | 'backup'>,
  now = new Date(),
): Promise<BackupResult> {
  const started = performance.now()
  const source = dialectOf(config.databaseUrl)
  await mkdir(config.backup.dir, { recursive: true })
  const file = join(config.backup.dir, backupFileName(source, now))
  const partial = `${file}.partial`
  try {
    if (source === 'sqlite') await backupSqlite(config.databaseUrl, partial)
    else await backupPostgres(config.databaseUrl, partial, now)
    await rename(partial, file)
  } finally {
    await rm(partial, { force: true })
  }
  const { size } = await stat(file)
  const pruned = await pruneBackups(config.backup.dir, config.backup.keep)
  return { file, bytes: size, ms: Math.round(performance.now() - started), source, pruned }
}

/**
 * SQLite's online backup, from a connection of its own. All pages are copied in one
 * step: a backup copied in small steps starts over whenever the app writes between two
 * of them, and under steady writes would never end. In WAL mode the step reads one
 * snapshot and does not hold up the app's writes.
 */
async function backupSqlite(path: string, destination: string) {
  const { default: SqliteDatabase } = await import('better-sqlite3')
  const source = new SqliteDatabase(path, { fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    await source.backup(destination, { progress: () => 0x7fffffff })
  } finally {
    source.close()
  }
  // A plain single file (no WAL beside it), checked before it counts as a backup.
  const copy = new SqliteDatabase(destination)
  try {
    copy.pragma('journal_mode = DELETE')
    const check = copy.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`the backup failed its check: ${String(check)}`)
  } finally {
    copy.close()
  }
}

/**
 * PostgreSQL's logical backup: every table read in one repeatable-read, read-only
 * transaction (one snapshot), written as JSON lines that either database can load.
 */
async function backupPostgres(url: string, destination: string, now: Date) {
  const database = await openDatabase(url, { poolSize: 1 })
  try {
    await exportDatabase(database.db, 'postgres', destination, now)
  } finally {
    await database.close()
  }
}

/** Writes a logical backup of `db` as it is at one moment. */
export async function exportDatabase(db: Db, source: DialectName, path: string, now = new Date()) {
  let transaction = db.transaction()
  if (source === 'postgres') {
    transaction = transaction.setIsolationLevel('repeatable read').setAccessMode('read only')
  }
  return transaction.execute(async (trx) => {
    const migrations = await appliedMigrations(trx)
    const manifest = {
      format: 'mymovie-backup' as const,
      version: 1 as const,
      source,
      createdAt: now.toISOString(),
      migrations,
    }
    return writeBackupFile(path, manifest, readTables(trx, source))
  })
}
