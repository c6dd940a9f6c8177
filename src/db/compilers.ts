import {
  type LimitNode,
  type QueryCompiler,
  SqliteDialect,
  SqliteQueryCompiler,
  ValueNode,
} from 'kysely'

/**
 * Kysely's SQLite dialect, writing a query's row limit into its text instead of
 * binding it.
 *
 * SQLite's planner looks at a bound LIMIT, and a statement whose plan looked at a
 * parameter is prepared again every time that parameter is bound: every list query,
 * every time. Written into the text, the limit is part of the kept statement. Page
 * sizes are a handful of numbers; an API caller choosing among its 100 page sizes
 * makes more statements, which the kept-statement bound (500) keeps in check, at
 * worst costing the preparation every run cost before. PostgreSQL keeps binding it:
 * it plans a named statement once for any value, and a statement per limit would stay
 * prepared on every connection.
 *
 * Only whole numbers the app passes in are written; anything else is bound as before.
 */
export class SqliteInlineLimits extends SqliteDialect {
  override createQueryCompiler(): QueryCompiler {
    return new SqliteCompiler()
  }
}

class SqliteCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const { limit } = node
    if (ValueNode.is(limit) && Number.isSafeInteger(limit.value) && Number(limit.value) >= 0) {
      this.append(`limit ${limit.value}`)
    } else {
      super.visitLimit(node)
    }
  }
}
