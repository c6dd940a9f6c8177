import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Config } from '../config/env.js'
import type { Db } from '../db/database.js'
import type { Logger } from '../logging/logger.js'
import type { BackupResult } from './take-backup.js'

const minute = 60_000
const hour = 60 * minute

/** Takes one backup; aborting the signal stops it. */
export type BackupRunner = (signal: AbortSignal) => Promise<BackupResult>

export interface BackupScheduleOptions {
  db: Db
  backup: Config['backup']
  logger: Logger
  runBackup?: BackupRunner
  now?: () => Date
  /** First look soon after start, so that a backup missed while down is caught up. */
  firstCheckMs?: number
  checkEveryMs?: number
}

/** A claim older than this whose backup never finished was left by a process that died. */
const abandonedAfterMs = 6 * hour

/**
 * The daily backup, from BACKUP_HOUR (UTC) on. Every app process looks now and then;
 * the first to insert the day's row in `backup_runs` takes the backup (in a child
 * process, off the event loop) and the others leave it. A failed or interrupted
 * backup gives the claim back, so that the next look tries again.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private readonly abort = new AbortController()
  private readonly now: () => Date
  private readonly runBackup: BackupRunner

  constructor(private readonly options: BackupScheduleOptions) {
    this.now = options.now ?? (() => new Date())
    this.runBackup = options.runBackup ?? runBackupProcess
  }

  start(): this {
    const every = this.options.checkEveryMs ?? 10 * minute
    const tick = () => {
      this.check().catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'backup check failed')
      })
      this.timer = setTimeout(tick, every).unref()
    }
    this.timer = setTimeout(tick, this.options.firstCheckMs ?? 1000).unref()
    return this
  }

  /** Stops looking, and stops a backup under way (its claim is given back). */
  async stop(): Promise<void> {
    clearTimeout(this.timer)
    this.abort.abort()
    await this.running
  }

  /** Looks once: takes today's backup if it is due and no process has claimed it. */
  async check(): Promise<void> {
    if (this.running || this.abort.signal.aborted) return
    const now = this.now()
    const day = now.toISOString().slice(0, 10)
    const dueAt = Date.parse(`${day}T00:00:00Z`) + this.options.backup.hourUtc * hour
    if (now.getTime() < dueAt || !(await this.claim(day, now.getTime()))) return
    this.running = this.take(day).finally(() => {
      this.running = undefined
    })
    await this.running
  }

  private async claim(day: string, now: number): Promise<boolean> {
    const { db } = this.options
    const inserted = await db
      .insertInto('backup_runs')
      .values({ day, claimed_at: now, finished_at: null, file: null })
      .onConflict((conflict) => conflict.column('day').doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true
    const reclaimed = await db
      .updateTable('backup_runs')
      .set({ claimed_at: now })
      .where('day', '=', day)
      .where('finished_at', 'is', null)
      .where('claimed_at', '<', now - abandonedAfterMs)
      .executeTakeFirst()
    return Number(reclaimed.numUpdatedRows) > 0
  }

  private async take(day: string) {
    const { db, logger } = this.options
    try {
      const result = await this.runBackup(this.abort.signal)
      const file = result.file.split(/[\\/]/).at(-1) ?? result.file
      await db
        .updateTable('backup_runs')
        .set({ finished_at: this.now().getTime(), file })
        .where('day', '=', day)
        .execute()
      logger.info(
        { file, bytes: result.bytes, ms: result.ms, pruned: result.pruned },
        'backup taken',
      )
    } catch (error) {
      logger.error({ err: error }, 'backup failed')
      await db
        .deleteFrom('backup_runs')
        .where('day', '=', day)
        .where('finished_at', 'is', null)
        .execute()
    }
  }
}

/** Runs the built `backup-cli.js` beside this bundle, with the same environment. */
export function runBackupProcess(signal: AbortSignal): Promise<BackupResult> {
  const cli = fileURLToPath(new URL('./backup-cli.js', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli], { signal, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    let errors = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      errors += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(errors.trim() || `backup exited with ${code}`))
      resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as BackupResult)
    })
  })
}
