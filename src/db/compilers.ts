import {
  type LimitNode,
  PostgresDialect,
  PostgresQueryCompiler,
  type QueryCompiler,
  SqliteDialect,
  SqliteQueryCompiler,
  ValueNode,
} from 'kysely'

/**
 * Kysely's dialects, writing a query's row limit into its text instead of binding it.
 *
 * SQLite's planner looks at a bound LIMIT, and a statement whose plan looked at a
 * parameter is prepared again every time that parameter is bound: every list query,
 * every time. Written into the text, the limit is part of the kept statement (page
 * sizes are a handful of numbers). PostgreSQL plans a named statement for any value
 * after its first few runs; with the limit in the text, that plan knows it.
 *
 * Only whole numbers the app passes in are written; anything else is bound as before.
 */
export class SqliteInlineLimits extends SqliteDialect {
  override createQueryCompiler(): QueryCompiler {
    return new SqliteCompiler()
  }
}

export class PostgresInlineLimits extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new PostgresCompiler()
  }
}

class SqliteCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const limit = literalLimit(node)
    if (limit === undefined) super.visitLimit(node)
    else this.append(limit)
  }
}

class PostgresCompiler extends PostgresQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const limit = literalLimit(node)
    if (limit === undefined) super.visitLimit(node)
    else this.append(limit)
  }
}

function literalLimit(node: LimitNode): string | undefined {
  const { limit } = node
  return ValueNode.is(limit) && Number.isSafeInteger(limit.value) && Number(limit.value) >= 0
    ? `limit ${limit.value}`
    : undefined
}
