import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackupSchedule } from '../../src/backup/schedule.js'
import type { BackupResult } from '../../src/backup/take-backup.js'
import { createLogger } from '../../src/logging/logger.js'
import { describeEachDatabase } from '../support/databases.js'
import { startServerProcess } from '../support/server-process.js'

const logger = createLogger({ log: { level: 'silent', pretty: false } })
const backup = { dir: './unused', isEnabled: true, hourUtc: 3, keep: 7 }
const result: BackupResult = {
  file: '/b/mymovie-x.sqlite',
  bytes: 1,
  ms: 1,
  source: 'sqlite',
  pruned: [],
}

describeEachDatabase('daily backup schedule', (database) => {
  const schedule = (now: string, runBackup: () => Promise<BackupResult>) =>
    new BackupSchedule({ db: database().db, backup, logger, runBackup, now: () => new Date(now) })

  const runsOn = (day: string) =>
    database().db.selectFrom('backup_runs').selectAll().where('day', '=', day).execute()

  it('takes one backup a day however many processes look at once', async () => {
    let taken = 0
    const runBackup = async () => {
      taken += 1
      await new Promise((resolve) => setTimeout(resolve, 20))
      return result
    }
    const processes = Array.from({ length: 4 }, () => schedule('2030-01-01T05:00:00Z', runBackup))
    await Promise.all(processes.map((process) => process.check()))
    await Promise.all(processes.map((process) => process.check()))
    expect(taken).toBe(1)
    expect(await runsOn('2030-01-01')).toMatchObject([{ file: 'mymovie-x.sqlite' }])
    expect((await runsOn('2030-01-01'))[0]?.finished_at).toBeGreaterThan(0)
  })

  it('waits for the configured hour, in UTC', async () => {
    let taken = 0
    const runBackup = async () => {
      taken += 1
      return result
    }
    await schedule('2030-01-02T02:59:59Z', runBackup).check()
    expect(taken).toBe(0)
    await schedule('2030-01-02T03:00:00Z', runBackup).check()
    expect(taken).toBe(1)
  })

  it('gives the claim back when a backup fails, so the next look tries again', async () => {
    await schedule('2030-01-03T04:00:00Z', async () => {
      throw new Error('disk full')
    }).check()
    expect(await runsOn('2030-01-03')).toEqual([])
    await schedule('2030-01-03T04:10:00Z', async () => result).check()
    expect(await runsOn('2030-01-03')).toHaveLength(1)
  })

  it('takes over a claim abandoned by a process that died', async () => {
    const day = '2030-01-04'
    const claimedAt = Date.parse(`${day}T03:00:00Z`)
    await database()
      .db.insertInto('backup_runs')
      .values({ day, claimed_at: claimedAt, finished_at: null, file: null })
      .execute()
    let taken = 0
    const runBackup = async () => {
      taken += 1
      return result
    }
    await schedule(`${day}T04:00:00Z`, runBackup).check()
    expect(taken).toBe(0)
    await schedule(`${day}T10:00:00Z`, runBackup).check()
    expect(taken).toBe(1)
  })

  it('stops a backup under way when the process stops', async () => {
    const running = schedule('2030-01-05T03:30:00Z', (signal?: AbortSignal) => {
      return new Promise<BackupResult>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new Error('aborted')))
      })
    })
    const check = running.check()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await running.stop()
    await check
    expect(await runsOn('2030-01-05')).toEqual([])
  })
})

describe('the server’s daily backup', () => {
  it('is taken in a child process soon after start once the hour has passed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mymovie-scheduled-'))
    const server = await startServerProcess({
      DATABASE_URL: join(dir, 'app.sqlite'),
      BACKUP_ENABLED: 'true',
      BACKUP_HOUR: '0',
      BACKUP_DIR: join(dir, 'backups'),
    })
    try {
      const taken = await server.waitForLine('backup taken')
      expect(taken.file).toMatch(/^mymovie-.*\.sqlite$/)
      expect(readdirSync(join(dir, 'backups'))).toEqual([taken.file])
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
