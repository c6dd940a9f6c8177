import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DialectName } from '../db/dialect.js'

// Backups are named by the UTC time they were taken, so that names sort by age:
// `mymovie-2026-05-01T03-00-00Z.sqlite` (SQLite's online backup, itself a database)
// or `mymovie-2026-05-01T03-00-00Z.jsonl.gz` (the logical backup of PostgreSQL).

const backupName = /^mymovie-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.(sqlite|jsonl\.gz)$/

export function backupFileName(source: DialectName, at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '-')
  return `mymovie-${stamp}Z.${source === 'sqlite' ? 'sqlite' : 'jsonl.gz'}`
}

export const isBackupFileName = (name: string) => backupName.test(name)

/** The kind of backup a file holds, from its name. */
export function backupKindOf(path: string): 'sqlite' | 'logical' {
  if (/\.(sqlite|sqlite3|db)$/i.test(path)) return 'sqlite'
  if (/\.jsonl(\.gz)?$/i.test(path)) return 'logical'
  throw new Error(`${path}: a backup ends in .sqlite or .jsonl.gz`)
}

/**
 * Deletes all but the newest `keep` backups in `dir`, and what a backup that was cut
 * short left behind; answers the names of the backups deleted.
 */
export async function pruneBackups(dir: string, keep: number, now = Date.now()): Promise<string[]> {
  const files = await readdir(dir)
  const old = files.filter(isBackupFileName).sort().reverse().slice(keep)
  for (const name of old) await rm(join(dir, name), { force: true })
  for (const name of files.filter((file) => isBackupFileName(file.replace(/\.partial$/, '')))) {
    if (!name.endsWith('.partial')) continue
    const { mtimeMs } = await stat(join(dir, name))
    if (now - mtimeMs > 60 * 60_000) await rm(join(dir, name), { force: true })
  }
  return old
}
