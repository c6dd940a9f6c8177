import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3'
import DataLoader from 'dataloader'
import { type Compilable, Kysely, PostgresDialect } from 'kysely'
import { SqliteInlineLimits } from './compilers.js'
import { type DialectName, dialectOf, PG_INT8_OID } from './dialect.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>

export interface DatabaseHandle {
  db: Db
  dialect: DialectName
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to work in (tests give each file its own). */
  schema?: string
  poolSize?: number
}

/**
 * Opens SQLite (a file path) or PostgreSQL (a postgres:// URL). Only the driver in
 * use is loaded, which keeps start-up quick.
 */
export async function openDatabase(
  url: string,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  const dialect = dialectOf(url)
  const db = dialect === 'postgres' ? await openPostgres(url, options) : await openSqlite(url)
  const close = async () => {
    await db.destroy()
    readers.get(db)?.close()
  }
  return { db, dialect, close }
}

async function openSqlite(path: string): Promise<Db> {
  const { default: SqliteDatabase } = await import('better-sqlite3')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new SqliteDatabase(path)
  database.pragma('journal_mode = WAL')
  // FULL: a commit is on disk before we acknowledge it, even across a power loss.
  database.pragma('synchronous = FULL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  // Reads come straight from the operating system's cache of the file instead of a
  // system call and a copy per page: a cold list page touches a hundred scattered
  // pages, and was a quarter faster for it. The mapped pages count in the process's
  // resident memory but belong to that shared cache.
  database.pragma(`mmap_size = ${mmapBytes}`)
  const db = new Kysely<Database>({
    dialect: new SqliteInlineLimits({ database: keepStatements(database) }),
  })
  if (path !== ':memory:') {
    const reader = new SqliteDatabase(path, { readonly: true, fileMustExist: true })
    reader.pragma('busy_timeout = 5000')
    reader.pragma(`mmap_size = ${mmapBytes}`)
    readers.set(db, reader)
  }
  return db
}

/** SQLite's read-only connections, for point reads, by the database they read. */
const readers = new WeakMap<Db, SqliteDatabase>()

/** A read of the row with a unique key: synchronous where the driver allows. */
export type KeyedRead<Row> = (key: string) => Row | undefined | Promise<Row | undefined>

/**
 * A prepared read of rows by a unique key, for the one read that every request of a
 * kind makes before anything else (a kept page's version). `query(keys)` selects the
 * rows whose key is among `keys`, the key itself as `key`.
 *
 * On SQLite it runs synchronously on a connection of its own, read-only: it sees every
 * committed change, whichever process made it, and never waits behind, or reads
 * inside, a transaction of the app's connection. Kysely's way there (a connection lock
 * and a chain of promises) cost more than the read.
 *
 * On PostgreSQL, where each query is a round trip to another process, the keys asked
 * for while the app works through the requests that have arrived go together in one
 * query when it next waits (DataLoader, without its cache: every read asks the
 * database).
 */
export function keyedRead<Row extends { key: string }>(
  db: Db,
  query: (keys: string[]) => Compilable<Row>,
): KeyedRead<Row> {
  const reader = readers.get(db)
  if (reader) {
    let statement: Statement<[string], Row> | undefined
    return (key) => {
      statement ??= reader.prepare<[string], Row>(query(['']).compile().sql)
      return statement.get(key)
    }
  }
  const loader = new DataLoader<string, Row | undefined>(
    async (keys) => {
      const { rows } = await db.executeQuery(query([...keys]).compile())
      const byKey = new Map(rows.map((row) => [row.key, row]))
      return keys.map((key) => byKey.get(key))
    },
    { cache: false, maxBatchSize: 64, batchScheduleFn: (run) => setImmediate(run) },
  )
  return (key) => loader.load(key)
}

const keptStatements = 500
const mmapBytes = 1024 * 1024 * 1024

/**
 * Kysely prepares every query anew, and SQLite parses and plans it each time; the app
 * runs the same few hundred queries again and again, so their prepared statements are
 * kept (the oldest dropped past 500). Safe because no query here is streamed: a
 * statement is never in use by two queries at once.
 *
 * Reading statements hand their rows over as arrays, turned into objects by a function
 * made once per statement: better-sqlite3 builds each row object property by property,
 * which took two fifths of a 49-row list query.
 */
function keepStatements(database: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, Statement>()
  const prepare = database.prepare.bind(database)
  database.prepare = ((source: string) => {
    let statement = statements.get(source)
    if (!statement) {
      statement = withRowObjects(prepare(source))
      if (statements.size >= keptStatements) statements.delete(statements.keys().next().value ?? '')
      statements.set(source, statement)
    }
    return statement
  }) as SqliteDatabase['prepare']
  return database
}

type Row = Record<string, unknown>

function withRowObjects(statement: Statement): Statement {
  if (!statement.reader) return statement
  statement.raw(true)
  const toObject = rowMaker(statement.columns().map((column) => column.name))
  const all = statement.all.bind(statement)
  const iterate = statement.iterate.bind(statement)
  return Object.assign(statement, {
    all: (...parameters: unknown[]) => (all(...parameters) as unknown[][]).map(toObject),
    iterate: function* (...parameters: unknown[]) {
      for (const row of iterate(...parameters) as Iterable<unknown[]>) yield toObject(row)
    },
  })
}

/**
 * A function from a row's array to an object literal of the statement's columns, so
 * that every row of a statement shares one shape. Names are written as JSON strings;
 * a repeated name keeps the last column, as better-sqlite3's own objects do.
 */
function rowMaker(names: string[]): (row: unknown[]) => Row {
  const fields = names.map((name, index) => `${JSON.stringify(name)}: row[${index}]`)
  return new Function('row', `return { ${fields.join(', ')} }`) as (row: unknown[]) => Row
}

async function openPostgres(url: string, options: OpenOptions): Promise<Db> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID
          ? Number
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  pool.on('connect', (client) => nameStatements(client))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

type QueryFunction = (text: unknown, values?: unknown) => unknown

const preparable = /^\s*(select|insert|update|delete|with)\b/i

/**
 * Kysely sends every query unnamed, which PostgreSQL parses and plans anew each time.
 * Named after a digest of their text, queries are parsed once per connection and
 * planned from then on as PostgreSQL sees fit; the app runs the same few hundred again
 * and again. Only plain reads and writes are named: transaction control and schema
 * changes go as they are.
 */
function nameStatements(client: { query: QueryFunction }) {
  const query = client.query.bind(client) as QueryFunction
  client.query = (text, values) =>
    typeof text === 'string' && Array.isArray(values) && preparable.test(text)
      ? query({ name: statementName(text), text, values })
      : query(text, values)
}

const statementNames = new Map<string, string>()

function statementName(text: string): string {
  let name = statementNames.get(text)
  if (!name) {
    name = `q_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`
    if (statementNames.size >= 5000) statementNames.clear()
    statementNames.set(text, name)
  }
  return name
}
