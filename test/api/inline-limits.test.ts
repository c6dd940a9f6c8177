import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachDatabase } from '../support/databases.js'
import { savePerson } from '../support/ratings.js'

// On SQLite a query's row limit goes into its text, not among its parameters: SQLite
// prepared a statement with a bound limit again on every run (src/db/compilers.ts).
// PostgreSQL keeps it bound, so that a caller's choice of page size adds no statement.

describeEachDatabase('row limits', (database, dialect) => {
  it('are written into the query on SQLite, bound on PostgreSQL, and limit the rows', async () => {
    const { db } = database()
    for (const name of ['Ann', 'Bo', 'Cy']) await savePerson(db, name)
    const query = db.selectFrom('users').select('id').orderBy('id').limit(2)
    const compiled = query.compile()
    if (dialect === 'sqlite') {
      expect(compiled.sql).toMatch(/ limit 2$/)
      expect(compiled.parameters).toEqual([])
    } else {
      expect(compiled.sql).toMatch(/ limit \$1$/)
      expect(compiled.parameters).toEqual([2])
    }
    expect(await query.execute()).toHaveLength(2)
  })

  it('that are not a whole number the app gave are bound, and still work', async () => {
    const { db } = database()
    const computed = db.selectFrom('users').select('id').limit(sql<number>`cast(${2} as integer)`)
    expect(computed.compile().parameters).toEqual([2])
    expect(await computed.execute()).toHaveLength(2)
    const fraction = db.selectFrom('users').select('id').limit(1.5)
    expect(fraction.compile().parameters).toEqual([1.5])
  })
})
