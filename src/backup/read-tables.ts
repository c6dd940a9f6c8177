import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { DialectName } from '../db/dialect.js'
import { listTables, type TableInfo } from './catalog.js'

/** A run of one table's rows, as arrays in the order of `columns`. */
export interface RowBatch {
  table: string
  columns: string[]
  rows: unknown[][]
}

const batchSize = 2000

/**
 * Every row of every table, parents first, each table in primary-key order, read in
 * keyset batches so that memory stays flat. Run it inside one transaction to read a
 * consistent snapshot. A table with no rows still yields one empty batch.
 */
export async function* readTables(db: Db, dialect: DialectName): AsyncGenerator<RowBatch> {
  for (const table of await listTables(db, dialect)) {
    let after: unknown[] | undefined
    let isFirst = true
    while (true) {
      const rows = await readBatch(db, table, after)
      if (rows.length > 0 || isFirst) {
        yield { table: table.name, columns: table.columns, rows }
      }
      isFirst = false
      const last = rows.at(-1)
      if (rows.length < batchSize || !last || table.primaryKey.length === 0) break
      after = table.primaryKey.map((key) => last[table.columns.indexOf(key)])
    }
  }
}

async function readBatch(db: Db, table: TableInfo, after: unknown[] | undefined) {
  const columns = sql.join(table.columns.map((column) => sql.ref(column)))
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns
  const order = sql.join(key.map((column) => sql.ref(column)))
  const where = after
    ? sql`where (${sql.join(key.map((c) => sql.ref(c)))}) > (${sql.join(after)})`
    : sql``
  // Without a primary key the whole table is read at once.
  const limit = table.primaryKey.length > 0 ? sql`limit ${batchSize}` : sql``
  const result = await sql<Record<string, unknown>>`
    select ${columns} from ${sql.table(table.name)} ${where} order by ${order} ${limit}`.execute(db)
  return result.rows.map((row) => table.columns.map((column) => row[column]))
}
