import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { finished } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import type { DialectName } from '../db/dialect.js'
import type { RowBatch } from './read-tables.js'

// The logical backup format: gzipped JSON lines. A manifest first, then for each
// table a header line and one JSON array per row, and last a line with every table's
// row count, without which the file counts as incomplete. Any database the app runs
// on can load it.
//
//   {"format":"mymovie-backup","version":1,"source":"postgres","createdAt":…,"migrations":[…]}
//   {"table":"users","columns":["id","handle",…]}
//   ["x2Jk…","ann",…]
//   {"end":true,"rowCounts":{"users":1,…}}

export const formatName = 'mymovie-backup'

export interface Manifest {
  format: typeof formatName
  version: 1
  /** The database the backup was taken from. */
  source: DialectName
  createdAt: string
  /** The migrations the database had: a restore loads the rows at this level. */
  migrations: string[]
}

export type RowCounts = Record<string, number>

/** Writes a logical backup to `path` from the batches given; answers the row counts. */
export async function writeBackupFile(
  path: string,
  manifest: Manifest,
  batches: AsyncIterable<RowBatch>,
): Promise<RowCounts> {
  const gzip = createGzip({ level: 6 })
  const done = finished(gzip.pipe(createWriteStream(path)))
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain')
  }

  const counts: RowCounts = {}
  await write(`${JSON.stringify(manifest)}\n`)
  for await (const batch of batches) {
    if (!(batch.table in counts)) {
      counts[batch.table] = 0
      await write(`${JSON.stringify({ table: batch.table, columns: batch.columns })}\n`)
    }
    if (batch.rows.length === 0) continue
    await write(`${batch.rows.map((row) => JSON.stringify(row.map(plainValue))).join('\n')}\n`)
    counts[batch.table] = (counts[batch.table] ?? 0) + batch.rows.length
  }
  await write(`${JSON.stringify({ end: true, rowCounts: counts })}\n`)
  gzip.end()
  await done
  return counts
}

/** Our columns hold text, numbers and nulls; anything else would not survive JSON. */
function plainValue(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  throw new Error(`a value of type ${typeof value} cannot be backed up`)
}

export class IncompleteBackupError extends Error {}

/** Reads a logical backup: its manifest, then its rows in batches, checked for completeness. */
export async function openBackupFile(path: string) {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()) })
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next()
  const manifest = first.done ? undefined : (JSON.parse(first.value) as Manifest)
  if (manifest?.format !== formatName || manifest.version !== 1) {
    lines.close()
    throw new IncompleteBackupError(`${path} is not a MyMovie backup`)
  }

  async function* batches(): AsyncGenerator<RowBatch> {
    let current: RowBatch | undefined
    const counts: RowCounts = {}
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line: unknown = JSON.parse(next.value)
      if (Array.isArray(line) && current) {
        current.rows.push(line)
        counts[current.table] = (counts[current.table] ?? 0) + 1
        if (current.rows.length >= 1000) {
          yield current
          current = { ...current, rows: [] }
        }
        continue
      }
      if (current) yield current
      const header = line as {
        table?: string
        columns?: string[]
        end?: boolean
        rowCounts?: RowCounts
      }
      if (header.end) return checkCounts(header.rowCounts ?? {}, counts)
      if (!header.table || !header.columns) throw new IncompleteBackupError('malformed line')
      current = { table: header.table, columns: header.columns, rows: [] }
      counts[header.table] = 0
    }
    throw new IncompleteBackupError(`${path} ends before its last line: it is incomplete`)
  }

  return { manifest, batches: batches(), close: () => lines.close() }
}

function checkCounts(expected: RowCounts, actual: RowCounts) {
  for (const [table, count] of Object.entries(expected)) {
    if (actual[table] !== count) {
      throw new IncompleteBackupError(`${table}: ${actual[table] ?? 0} rows of ${count}`)
    }
  }
}
