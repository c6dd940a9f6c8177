/**
 * One row per day's scheduled backup. Whichever app process inserts the day's row
 * first takes the backup; the others see the row and leave it.
 */
export interface BackupRunTable {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string
  claimed_at: number
  finished_at: number | null
  /** The backup file's name in the backup folder, once written. */
  file: string | null
}

export interface BackupTables {
  backup_runs: BackupRunTable
}
