import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { createTestDatabase, describeEachDatabase } from '../support/databases.js'
import { savePerson } from '../support/ratings.js'

// `npm run backup` and `npm run restore` as built: what they print and their exit codes.

const run = promisify(execFile)
const cli = (name: string) =>
  fileURLToPath(new URL(`../../dist/server/${name}-cli.js`, import.meta.url))

async function node(name: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout } = await run(process.execPath, [cli(name), ...args], {
      env: { PATH: process.env.PATH, ...env },
    })
    return { code: 0, stdout, stderr: '' }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'mymovie-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describeEachDatabase('backup and restore commands', (database, dialect) => {
  it('back up, refuse a database with data, and replace it when told', async () => {
    await savePerson(database().db, 'Kept by the command')
    const backupDir = join(dir, dialect)
    const backup = await node('backup', [], { DATABASE_URL: database().url, BACKUP_DIR: backupDir })
    expect(backup.code).toBe(0)
    const { file } = JSON.parse(backup.stdout)
    expect(readdirSync(backupDir)).toEqual([file.split('/').at(-1)])

    const target = await createTestDatabase(dialect)
    try {
      const env = { DATABASE_URL: target.url }
      const first = await node('restore', [file], env)
      expect(first.code).toBe(0)
      expect(JSON.parse(first.stdout).rowCounts.users).toBe(1)

      const again = await node('restore', [file], env)
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/already holds data.*--replace/)

      expect((await node('restore', [file, '--replace'], env)).code).toBe(0)
      expect((await node('restore', [], env)).stderr).toMatch(/usage/)
      const names = await target.db.selectFrom('users').select('display_name').execute()
      expect(names).toEqual([{ display_name: 'Kept by the command' }])
    } finally {
      await target.close()
    }
  })
})
