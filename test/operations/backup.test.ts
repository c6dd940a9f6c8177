import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { readTables } from '../../src/backup/read-tables.js'
import { openBackup, RestoreRefusedError, restoreBackup } from '../../src/backup/restore.js'
import { takeBackup } from '../../src/backup/take-backup.js'
import type { Db } from '../../src/db/database.js'
import { PeopleRepository } from '../../src/people/repository.js'
import { RatingRepository } from '../../src/ratings/repository.js'
import { createTestApp, TestClient } from '../support/app.js'
import { keptCountMismatches } from '../support/consistency.js'
import { createTestDatabase, describeEachDatabase, dialects } from '../support/databases.js'
import { saveMovie, savePerson } from '../support/ratings.js'

type Dump = Record<string, string[]>

/** Every table's rows as sorted JSON: what two databases must agree on. */
async function dump(db: Db, dialect: 'sqlite' | 'postgres'): Promise<Dump> {
  return collect(readTables(db, dialect))
}

async function collect(
  batches: AsyncIterable<{ table: string; columns: string[]; rows: unknown[][] }>,
) {
  const tables: Dump = {}
  for await (const batch of batches) {
    const rows = batch.rows.map((row) =>
      JSON.stringify(Object.fromEntries(batch.columns.map((c, i) => [c, row[i]]))),
    )
    tables[batch.table] = [...(tables[batch.table] ?? []), ...rows]
  }
  for (const rows of Object.values(tables)) rows.sort()
  return tables
}

/** People, films, ratings with their kept counts, follows and sessions. */
async function populate(db: Db) {
  const people = await Promise.all(
    Array.from({ length: 12 }, (_, i) => savePerson(db, `Person ${i} «名前» "quoted"`)),
  )
  const films = await Promise.all(Array.from({ length: 20 }, () => saveMovie(db)))
  const ratings = new RatingRepository(db)
  for (const [p, person] of people.entries()) {
    for (const film of films.slice(0, 10 + p)) {
      await ratings.insert(person.id, film, (p * 7 + film.id.length) % 101, Date.now())
    }
  }
  const follows = new PeopleRepository(db)
  const [followed, ...followers] = people
  for (const person of followers) await follows.follow(person.id, followed?.id ?? '', Date.now())
  return { people, films }
}

const backupDir = mkdtempSync(join(tmpdir(), 'mymovie-backups-'))
afterAll(() => rmSync(backupDir, { recursive: true, force: true }))

describeEachDatabase('backup and restore', (database, dialect) => {
  const dir = join(backupDir, dialect)
  const config = () => ({
    databaseUrl: database().url,
    backup: { dir, isEnabled: false, hourUtc: 3, keep: 3 },
  })

  it('backs up while writes go on, and restores every table into either database', async () => {
    const { db } = database()
    const { films } = await populate(db)
    const before = await dump(db, dialect)

    // Ratings keep arriving, each a transaction with its kept counts, during the backup.
    const writer = await savePerson(db, 'Busy writer')
    const ratings = new RatingRepository(db)
    let isWriting = true
    let written = 0
    const writes = (async () => {
      for (const film of films) {
        if (!isWriting) break
        await ratings.insert(writer.id, film, 50, Date.now())
        written += 1
      }
    })()
    const backup = await takeBackup(config())
    isWriting = false
    await writes
    expect(backup.file).toMatch(dialect === 'sqlite' ? /\.sqlite$/ : /\.jsonl\.gz$/)
    expect(backup.bytes).toBeGreaterThan(0)
    expect(written).toBeGreaterThan(0)

    const contents = await openBackup(backup.file)
    const snapshot = await collect(contents.batches)
    await contents.close()
    // Everything there before the backup began is in it.
    // (Films' kept totals move with the new ratings, so films are matched by id.)
    for (const table of ['users', 'ratings', 'follows', 'sessions']) {
      expect(snapshot[table], table).toEqual(expect.arrayContaining(before[table] ?? []))
    }
    const ids = (rows: string[] = []) => rows.map((row) => JSON.parse(row).id)
    expect(ids(snapshot.movies)).toEqual(ids(before.movies))

    for (const into of dialects) {
      const target = await createTestDatabase(into)
      try {
        const source = await openBackup(backup.file)
        const result = await restoreBackup(target, source, {})
        await source.close()
        expect(result.rowCounts.ratings).toBe(snapshot.ratings?.length)
        // Every table, every row, every value; and the kept counts agree with the rows.
        expect(await dump(target.db, into)).toEqual(snapshot)
        expect(await keptCountMismatches(target.db)).toEqual([])

        // The app runs on the restored database.
        const app = createTestApp(target.db)
        expect((await app.request('/readyz')).status).toBe(200)
        const person = await new TestClient(app).get('/api/v1/users?q=Person%200')
        expect((await person.json()).items).toHaveLength(1)
      } finally {
        await target.close()
      }
    }
  })

  it('refuses a database that holds data unless told to replace it', async () => {
    const backup = await takeBackup(config())
    const target = await createTestDatabase(dialect)
    try {
      await savePerson(target.db, 'Already here')
      const refused = await openBackup(backup.file)
      await expect(restoreBackup(target, refused)).rejects.toThrow(RestoreRefusedError)
      await refused.close()
      expect((await dump(target.db, dialect)).users).toHaveLength(1)

      const replacing = await openBackup(backup.file)
      await restoreBackup(target, replacing, { replace: true })
      await replacing.close()
      expect(await dump(target.db, dialect)).toEqual(await dump(database().db, dialect))
    } finally {
      await target.close()
    }
  })

  it('keeps only the newest backups and never lists a partial one', async () => {
    for (let i = 0; i < 4; i += 1) {
      await takeBackup(config(), new Date(Date.UTC(2100, 0, 1 + i, 3)))
    }
    writeFileSync(join(dir, 'notes.txt'), 'not a backup')
    const latest = await takeBackup(config(), new Date(Date.UTC(2100, 0, 9, 3)))
    expect(latest.pruned.length).toBeGreaterThan(0)
    const names = readdirSync(dir).filter((name) => name.startsWith('mymovie-'))
    expect(names).toHaveLength(3)
    expect(names.sort().at(-1)).toBe(latest.file.split('/').at(-1))
    expect(names.some((name) => name.endsWith('.partial'))).toBe(false)
    expect(readdirSync(dir)).toContain('notes.txt')
  })

  it('refuses a truncated logical backup', async () => {
    const target = await createTestDatabase(dialect)
    const file = join(backupDir, `truncated-${dialect}.jsonl.gz`)
    const { gzipSync } = await import('node:zlib')
    const manifest = {
      format: 'mymovie-backup',
      version: 1,
      source: 'postgres',
      createdAt: '',
      migrations: ['0001-foundation'],
    }
    writeFileSync(
      file,
      gzipSync(`${JSON.stringify(manifest)}\n{"table":"users","columns":["id"]}\n`),
    )
    try {
      const truncated = await openBackup(file)
      await expect(restoreBackup(target, truncated)).rejects.toThrow(/incomplete/)
      await truncated.close()
    } finally {
      await target.close()
    }
  })
})

it('never mistakes another kind of file for a backup', async () => {
  await expect(openBackup('backup.tar')).rejects.toThrow(/\.sqlite or \.jsonl\.gz/)
  expect(RestoreRefusedError).toBeDefined()
})
