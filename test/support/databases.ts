import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import type { DialectName } from '../../src/db/dialect.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { testConfig } from './test-config.js'

let postgresAvailable: Promise<boolean> | undefined

/** Whether PostgreSQL answers; throws when it is required and does not. */
export function isPostgresAvailable(): Promise<boolean> {
  postgresAvailable ??= (async () => {
    const client = new pg.Client({
      connectionString: testConfig.postgresUrl,
      connectionTimeoutMillis: 3000,
    })
    try {
      await client.connect()
      await client.query('select 1')
      return true
    } catch (error) {
      const message = `PostgreSQL is not reachable at ${testConfig.postgresUrl}: ${String(error)}`
      if (testConfig.requirePostgres) throw new Error(`${message} (REQUIRE_POSTGRES is set)`)
      console.warn(`\n*** SKIPPING PostgreSQL suites: ${message}\n`)
      return false
    } finally {
      await client.end().catch(() => {})
    }
  })()
  return postgresAvailable
}

export interface TestDatabase extends DatabaseHandle {
  /** A DATABASE_URL that names this database (on PostgreSQL, its schema too). */
  url: string
}

/** A fresh, migrated database of one dialect that no other test file sees. */
export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'mymovie-test-'))
    const url = join(dir, 'test.sqlite')
    const handle = await openDatabase(url)
    await migrateToLatest(handle.db)
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }

  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: testConfig.postgresUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const handle = await openDatabase(testConfig.postgresUrl, { schema, poolSize: 4 })
  await migrateToLatest(handle.db)
  const url = new URL(testConfig.postgresUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: testConfig.postgresUrl })
      await cleanup.connect()
      await cleanup.query(`drop schema ${schema} cascade`)
      await cleanup.end()
    },
  }
}

const postgresReady = await isPostgresAvailable()
export const dialects: DialectName[] = postgresReady ? ['sqlite', 'postgres'] : ['sqlite']

/**
 * Runs a suite once per database: SQLite always, PostgreSQL when it answers. Each run
 * gets its own database, made before the suite and dropped after it.
 */
export function describeEachDatabase(
  name: string,
  suite: (database: () => TestDatabase, dialect: DialectName) => void,
) {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let handle: TestDatabase | undefined
      beforeAll(async () => {
        handle = await createTestDatabase(dialect)
      })
      afterAll(async () => {
        await handle?.close()
      })
      suite(() => {
        if (!handle) throw new Error('the test database is not ready yet')
        return handle
      }, dialect)
    })
  }
}
