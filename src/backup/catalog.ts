import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { DialectName } from '../db/dialect.js'

/** A table as a backup sees it: its columns, its key, and the tables it refers to. */
export interface TableInfo {
  name: string
  columns: string[]
  primaryKey: string[]
  parents: string[]
}

/** Kysely's own bookkeeping: a restore rebuilds it by migrating, never copies it. */
export const isMigrationTable = (name: string) => name.startsWith('kysely_migration')

/**
 * The app's tables in the database (or, on PostgreSQL, the current schema), parents
 * before the tables that refer to them, so that loading in this order satisfies every
 * foreign key and dropping in reverse order never breaks one.
 */
export async function listTables(db: Db, dialect: DialectName): Promise<TableInfo[]> {
  const tables = dialect === 'postgres' ? await postgresTables(db) : await sqliteTables(db)
  return dependencyOrder(tables.filter((table) => !isMigrationTable(table.name)))
}

async function sqliteTables(db: Db): Promise<TableInfo[]> {
  const names = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
    order by name`.execute(db)
  const tables: TableInfo[] = []
  for (const { name } of names.rows) {
    const columns = await sql<{ name: string; pk: number }>`
      select name, pk from pragma_table_info(${name}) order by cid`.execute(db)
    const keys = await sql<{ table: string }>`
      select "table" from pragma_foreign_key_list(${name})`.execute(db)
    tables.push({
      name,
      columns: columns.rows.map((c) => c.name),
      primaryKey: columns.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      parents: keys.rows.map((k) => k.table),
    })
  }
  return tables
}

async function postgresTables(db: Db): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema()
    order by table_name, ordinal_position`.execute(db)
  const keys = await sql<{ table_name: string; column_name: string }>`
    select c.relname as table_name, a.attname as column_name
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indisprimary and c.relnamespace = current_schema()::regnamespace
    order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db)
  const references = await sql<{ child: string; parent: string }>`
    select child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid
    join pg_class parent on parent.oid = k.confrelid
    where k.contype = 'f' and child.relnamespace = current_schema()::regnamespace`.execute(db)

  const tables = new Map<string, TableInfo>()
  for (const row of columns.rows) {
    const table = tables.get(row.table_name) ?? {
      name: row.table_name,
      columns: [],
      primaryKey: [],
      parents: [],
    }
    table.columns.push(row.column_name)
    tables.set(row.table_name, table)
  }
  for (const row of keys.rows) tables.get(row.table_name)?.primaryKey.push(row.column_name)
  for (const row of references.rows) tables.get(row.child)?.parents.push(row.parent)
  return [...tables.values()]
}

/** Parents first; among tables that do not depend on each other, by name. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]))
  const ordered: TableInfo[] = []
  const placed = new Set<string>()
  const visiting = new Set<string>()
  const place = (table: TableInfo) => {
    if (placed.has(table.name)) return
    if (visiting.has(table.name)) throw new Error(`foreign keys form a cycle at ${table.name}`)
    visiting.add(table.name)
    for (const parent of table.parents) {
      const found = byName.get(parent)
      if (found && found !== table) place(found)
    }
    visiting.delete(table.name)
    placed.add(table.name)
    ordered.push(table)
  }
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) place(table)
  return ordered
}

/** The migrations applied to a database, in order. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(db)
  return result.rows.map((row) => row.name)
}
