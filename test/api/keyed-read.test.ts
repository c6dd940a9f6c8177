import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely'
import { expect, it } from 'vitest'
import { keyedRead } from '../../src/db/database.js'
import { describeEachDatabase } from '../support/databases.js'
import { savePerson } from '../support/ratings.js'

// The read every list page request makes first: by a unique key, synchronous on
// SQLite, and on PostgreSQL one query for all the reads that arrive together.

describeEachDatabase('keyed reads', (database, dialect) => {
  it('answers each key with its row, or nothing for an unknown key', async () => {
    const { db } = database()
    const people = [await savePerson(db, 'Ann'), await savePerson(db, 'Bo')]
    const rows = await db.selectFrom('users').select(['id', 'handle_key']).execute()
    const read = keyedRead(db, (keys) =>
      db.selectFrom('users').select(['handle_key as key', 'id']).where('handle_key', 'in', keys),
    )
    for (const person of people) {
      const key = rows.find((row) => row.id === person.id)?.handle_key ?? ''
      expect(await read(key)).toEqual({ key, id: person.id })
    }
    expect(await read('nobody_at_all')).toBeUndefined()
    const answer = read('nobody_at_all')
    expect(answer instanceof Promise).toBe(dialect === 'postgres')
  })

  // PostgreSQL always; SQLite when the reads go through Kysely (a database wrapped in a
  // plugin has no read connection of its own).
  it('reads the keys asked for together in one query when each read is a query', async () => {
    const { db } = database()
    let queries = 0
    const counting: KyselyPlugin = {
      transformQuery: (args: PluginTransformQueryArgs) => {
        queries += 1
        return args.node
      },
      transformResult: async (args: PluginTransformResultArgs) => args.result,
    }
    const counted = db.withPlugin(counting)
    const people = await Promise.all([1, 2, 3, 4, 5].map((n) => savePerson(db, `P${n}`)))
    const keys = await db
      .selectFrom('users')
      .select(['handle_key', 'id'])
      .where(
        'id',
        'in',
        people.map((p) => p.id),
      )
      .execute()
    const read = keyedRead(counted, (asked) =>
      counted
        .selectFrom('users')
        .select(['handle_key as key', 'id'])
        .where('handle_key', 'in', asked),
    )
    queries = 0
    const found = await Promise.all([...keys.map((k) => k.handle_key), 'missing_one'].map(read))
    expect(found.map((row) => row?.id)).toEqual([...keys.map((k) => k.id), undefined])
    expect(queries).toBe(1)
  })
})
