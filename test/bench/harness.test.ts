import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, it } from 'vitest'
import { createTestDatabase, dialects } from '../support/databases.js'

// A tiny run of `npm run bench` (the built server, a few seconds of load), so that the
// harness keeps working. Its figures mean nothing: benchmarks report, they never fail.

const dir = mkdtempSync(join(tmpdir(), 'mymovie-bench-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('seeds, starts the server, loads every scenario and writes its figures', async () => {
  const script = new URL('../../scripts/bench/run.mjs', import.meta.url).pathname
  const { stdout } = await promisify(execFile)(process.execPath, [script, '--tiny'], {
    env: { ...process.env, DATABASE_URL: join(dir, 'bench.sqlite') },
  })
  const file = /written to (.+\.json)/.exec(stdout)?.[1] ?? ''
  const report = JSON.parse(readFileSync(file, 'utf8'))
  rmSync(file)
  const names = report.results.map((row: { scenario: string }) => row.scenario)
  expect(names).toEqual([
    'ceiling',
    'list cold',
    'list warm',
    'list warm, brotli',
    'list warm, revalidated',
    'list JSON',
    'film page',
    'people search',
    'home feed',
    'list cold + writes',
  ])
  for (const row of report.results) {
    expect(row.rps, row.scenario).toBeGreaterThan(0)
    expect(row.errors, row.scenario).toBe(0)
    // The server's CPU time per answer, read from the kernel over the run.
    expect(row.cpuUs, row.scenario).toBeGreaterThan(0)
  }
  expect(report.startMs).toBeGreaterThan(0)
}, 120_000)

it('refuses an unknown scenario before seeding, naming those it has', async () => {
  const script = new URL('../../scripts/bench/run.mjs', import.meta.url).pathname
  const database = join(dir, 'never-made.sqlite')
  const run = promisify(execFile)(
    process.execPath,
    [script, '--tiny', '--only', 'list cold;lists'],
    {
      env: { ...process.env, DATABASE_URL: database },
    },
  )
  await expect(run).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('no scenario named lists; there are: ceiling; list cold;'),
  })
  expect(existsSync(database)).toBe(false)
})

it('runs the bare floor server beside the app, each against both ceilings', async () => {
  const script = new URL('../../scripts/bench/floor.mjs', import.meta.url).pathname
  const { stdout } = await promisify(execFile)(process.execPath, [script, '--tiny'], {
    env: { ...process.env, DATABASE_URL: join(dir, 'floor.sqlite') },
  })
  const file = /written to (.+\.json)/.exec(stdout)?.[1] ?? ''
  const report = JSON.parse(readFileSync(file, 'utf8'))
  rmSync(file)
  const rows = new Map<string, FloorRow>(report.results.map((row: FloorRow) => [row.scenario, row]))
  expect([...rows.keys()]).toEqual([
    'app: ceiling',
    'app: list cold',
    'floor: ceiling',
    'floor: reads and bytes',
    'floor: bytes alone',
  ])
  for (const row of rows.values()) {
    expect(row.rps, row.scenario).toBeGreaterThan(0)
    expect(row.errors, row.scenario).toBe(0)
  }
  // The floor sends the bytes of a list page the app rendered, not a stand-in.
  expect(report.pageBytes).toBeGreaterThan(10_000)
  const floorCeiling = rows.get('floor: ceiling')?.rps ?? 0
  const reads = rows.get('floor: reads and bytes')
  expect(reads?.percentOfOwnCeiling).toBeCloseTo((100 * (reads?.rps ?? 0)) / floorCeiling, 0)
}, 120_000)

it('refuses to measure the floor on PostgreSQL', async () => {
  const script = new URL('../../scripts/bench/floor.mjs', import.meta.url).pathname
  const run = promisify(execFile)(process.execPath, [script, '--tiny'], {
    env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/never' },
  })
  await expect(run).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('bench:floor reads SQLite itself'),
  })
})

interface FloorRow {
  scenario: string
  rps: number
  errors: number
  percentOfOwnCeiling: number
}

it.runIf(dialects.includes('postgres'))(
  'runs every scenario on a second database too, and reports the ratio to the first',
  async () => {
    const script = new URL('../../scripts/bench/run.mjs', import.meta.url).pathname
    const postgres = await createTestDatabase('postgres')
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [script, '--tiny', '--only', 'list cold', '--against', postgres.url],
        { env: { ...process.env, DATABASE_URL: join(dir, 'against.sqlite') } },
      )
      const file = /written to (.+\.json)/.exec(stdout)?.[1] ?? ''
      const report = JSON.parse(readFileSync(file, 'utf8'))
      rmSync(file)
      expect(report.database).toBe('sqlite')
      expect(report.against.database).toBe('postgres')
      const names = (rows: { scenario: string }[]) => rows.map((row) => row.scenario)
      expect(names(report.results)).toEqual(['ceiling', 'list cold'])
      expect(names(report.against.results)).toEqual(['ceiling', 'list cold'])
      for (const row of report.against.results) {
        expect(row.errors, row.scenario).toBe(0)
        const first = report.results.find((other: { scenario: string }) => {
          return other.scenario === row.scenario
        })
        expect(row.ratioToFirst).toBeCloseTo(row.rps / first.rps, 1)
      }
    } finally {
      await postgres.close()
    }
  },
  120_000,
)
