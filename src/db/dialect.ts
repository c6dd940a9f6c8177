/**
 * Everything that differs between SQLite and PostgreSQL lives here, so that queries
 * elsewhere are written once.
 */
export type DialectName = 'sqlite' | 'postgres'

export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite'
}

/** True when a write failed because a unique index already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { code?: unknown }).code
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  )
}

/**
 * True when the database refused text it cannot store: PostgreSQL takes no NUL
 * character in text. Such text came from the client, so it is the client's error.
 */
export function isUnstorableText(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { code?: unknown }).code
  return code === '22021' || code === '22P05'
}

/** PostgreSQL answers bigint and count() as strings; our values fit a double exactly. */
export const PG_INT8_OID = 20
