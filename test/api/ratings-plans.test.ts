import {
  CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import type { Db } from '../../src/db/database.js'
import type { DialectName } from '../../src/db/dialect.js'
import { newId } from '../../src/db/ids.js'
import { RatingRepository } from '../../src/ratings/repository.js'
import { ratingSorts, sortOrders } from '../../src/ratings/sorts.js'
import { describeEachDatabase } from '../support/databases.js'
import { aMovie, at, savePerson } from '../support/ratings.js'

// The query plan of every list query, on enough rows (and, on PostgreSQL, fresh
// statistics) for the planner to choose as it would in production: each list page
// must be one range scan of its index, with no sort and no scan of the whole table.
// PRINT_PLANS=1 prints them (ARCHITECTURE.md quotes them).

/** Remembers each query's tree, to explain exactly what the repository ran. */
class QueryCapture implements KyselyPlugin {
  nodes: RootOperationNode[] = []
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push(args.node)
    return args.node
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

// A heavy list (3,000 films) and a popular film (1,000 raters) among many light ones:
// the pages worth planning for, where reading the whole range and sorting would hurt.
const movieCount = 4000
const heavyListSize = 3000
const raterCount = 1000
const base = 1_700_000_000_000

async function seed(db: Db) {
  const movies = Array.from({ length: movieCount }, (_, i) =>
    aMovie({ releaseDate: i % 10 === 0 ? null : `${1920 + (i % 100)}-0${1 + (i % 9)}-15` }),
  )
  for (let i = 0; i < movies.length; i += 500) {
    const rows = movies.slice(i, i + 500).map((movie) => ({
      id: movie.id,
      title_en: movie.titles.en,
      release_date: movie.releaseDate,
      fetched_at: 0,
    }))
    await db.insertInto('movies').values(rows).execute()
  }
  const rating = (userId: string, movieIndex: number, n: number) => {
    const movie = at(movies, movieIndex % movieCount)
    return {
      id: newId(),
      user_id: userId,
      movie_id: movie.id,
      score: (n * 31) % 101,
      release_key: movie.releaseDate ?? '',
      created_at: base + n * 60_000,
      updated_at: base + n * 60_000,
    }
  }

  const heavy = await savePerson(db)
  const heavyRatings = Array.from({ length: heavyListSize }, (_, i) => rating(heavy.id, i, i))
  for (let i = 0; i < heavyRatings.length; i += 500) {
    await db
      .insertInto('ratings')
      .values(heavyRatings.slice(i, i + 500))
      .execute()
  }

  const popular = at(movies, movieCount - 1)
  for (let batch = 0; batch < raterCount; batch += 100) {
    const users = []
    for (let i = 0; i < 100; i += 1) users.push(await savePerson(db))
    const rows = users.flatMap((user, i) => [
      rating(user.id, movieCount - 1, batch + i),
      ...[1, 2, 3, 4, 5].map((k) => rating(user.id, ((batch + i) * 5 + k) % (movieCount - 1), k)),
    ])
    await db.insertInto('ratings').values(rows).execute()
  }
  return { person: heavy, movie: popular }
}

async function explain(db: Db, dialect: DialectName, node: RootOperationNode): Promise<string> {
  const compiled = db.getExecutor().compileQuery(node, { queryId: 'plan' })
  const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain '
  const result = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]),
  )
  return result.rows
    .map((row) => (dialect === 'sqlite' ? String(row.detail) : String(row['QUERY PLAN'])))
    .join('\n')
}

describeEachDatabase('ratings query plans', (database, dialect) => {
  let db: Db
  let capture: QueryCapture
  let ratings: RatingRepository
  let personId: string
  let movieId: string

  beforeAll(async () => {
    db = database().db
    const seeded = await seed(db)
    personId = seeded.person.id
    movieId = seeded.movie.id
    await db.executeQuery(CompiledQuery.raw('analyze'))
    capture = new QueryCapture()
    ratings = new RatingRepository(db.withPlugin(capture))
  }, 120_000)

  /** The plans of the queries `run` makes, each checked for a range scan of `index`. */
  async function plansOf(index: string, run: () => Promise<unknown>, isIndexOnly = false) {
    capture.nodes = []
    await run()
    const plans = []
    for (const node of capture.nodes) {
      const plan = await explain(db, dialect, node)
      if (process.env.PRINT_PLANS) console.log(`--- ${dialect} ${index}\n${plan}`)
      expect(plan).toContain(index)
      if (dialect === 'sqlite') {
        expect(plan).toMatch(new RegExp(`SEARCH r USING (COVERING )?INDEX ${index} \\(`))
        expect(plan).not.toMatch(/SCAN r|TEMP B-TREE/)
        if (isIndexOnly) {
          // Neither table is read: the list index and the films' card index hold it all.
          expect(plan).toMatch(new RegExp(`SEARCH r USING COVERING INDEX ${index} \\(`))
          expect(plan).toMatch(/SEARCH m USING COVERING INDEX movies_card \(id=\?\)/)
        }
      } else {
        expect(plan).toMatch(
          new RegExp(`Index (Only )?Scan( Backward)? using ${index} on ratings r`),
        )
        expect(plan).not.toMatch(/Seq Scan on ratings|Sort/)
      }
      plans.push(plan)
    }
    return plans
  }

  for (const sort of ratingSorts) {
    for (const order of sortOrders) {
      it(`reads a page of a person’s list by ${sort} ${order} as one index range`, async () => {
        const index = `ratings_user_${sort === 'registered' ? 'created' : sort}`
        const first = await ratings.listByUser(personId, sort, order, null, 49)
        const last = at(first, 47)
        const after = {
          key:
            sort === 'registered'
              ? [last.createdAt]
              : sort === 'score'
                ? [last.score, last.createdAt]
                : [last.releaseKey, last.createdAt],
          id: last.id,
        }
        await plansOf(index, () => ratings.listByUser(personId, sort, order, null, 49))
        await plansOf(index, () => ratings.listByUser(personId, sort, order, after, 49))
        const cards = (from: typeof after | null) => () =>
          ratings.cardsByUser(personId, sort, order, from, 49)
        await plansOf(index, cards(null), true)
        await plansOf(index, cards(after), true)
      })
    }
  }

  it('reads a page of a film’s raters as one index range', async () => {
    const first = await ratings.listByMovie(movieId, null, 3)
    const last = at(first, -1)
    await plansOf('ratings_movie_created', () => ratings.listByMovie(movieId, null, 21))
    await plansOf('ratings_movie_created', () =>
      ratings.listByMovie(movieId, { key: [last.createdAt], id: last.id }, 21),
    )
  })
})
