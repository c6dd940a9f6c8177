import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/db/database.js'
import { isUniqueViolation } from '../../src/db/dialect.js'
import { NotFoundError } from '../../src/domain/errors.js'
import type { Catalog, StoredMovie } from '../../src/movies/movie.js'
import { MovieRepository } from '../../src/movies/repository.js'
import { MovieService } from '../../src/movies/service.js'
import {
  type ListedRating,
  RatingRepository,
  takeBackRatingsOf,
} from '../../src/ratings/repository.js'
import {
  type ListPosition,
  positionOf,
  type RatingSort,
  ratingSorts,
  type SortOrder,
  sortOrders,
} from '../../src/ratings/sorts.js'
import { describeEachDatabase } from '../support/databases.js'
import { aMovie, at, saveMovie, savePerson } from '../support/ratings.js'

const base = Date.UTC(2024, 0, 1)

/** Reads a whole list page by page, as a client following `nextCursor` would. */
async function readAll(
  ratings: RatingRepository,
  userId: string,
  sort: RatingSort,
  order: SortOrder,
  pageSize: number,
  between?: (pageNumber: number) => Promise<void>,
) {
  const seen: ListedRating[] = []
  let after: ListPosition | null = null
  for (let pageNumber = 1; pageNumber < 1000; pageNumber += 1) {
    const page = await ratings.listByUser(userId, sort, order, after, pageSize + 1)
    seen.push(...page.slice(0, pageSize))
    const last = page[pageSize - 1]
    if (page.length <= pageSize || !last) return seen
    after = positionOf(sort, last)
    await between?.(pageNumber)
  }
  throw new Error('the list never ended')
}

/** The sort's key without the id, for checking order; ids break ties in the database's collation. */
function keyOf(sort: RatingSort, rating: ListedRating): [string | number, number] {
  if (sort === 'registered') return [rating.createdAt, 0]
  if (sort === 'score') return [rating.score, rating.createdAt]
  return [rating.releaseKey, rating.createdAt]
}

function compareKeys(a: [string | number, number], b: [string | number, number]) {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  return a[1] - b[1]
}

describeEachDatabase('ratings repository', (database) => {
  let db: Db
  let ratings: RatingRepository

  beforeAll(() => {
    db = database().db
    ratings = new RatingRepository(db)
  })

  async function countsOf(userId: string, movieId: string) {
    const user = await db
      .selectFrom('users')
      .select('rating_count')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    const stats = await ratings.movieStats(movieId)
    return { films: user.rating_count, ...stats }
  }

  it('keeps the person’s and the film’s counts with each insert, re-score and delete', async () => {
    const [alice, bob] = [await savePerson(db), await savePerson(db)]
    const movie = await saveMovie(db)

    const mine = await ratings.insert(alice.id, movie, 80, base)
    await ratings.insert(bob.id, movie, 61, base + 1)
    expect(await countsOf(alice.id, movie.id)).toEqual({ films: 1, count: 2, sum: 141 })

    const rescored = await ratings.rescore(mine.id, alice.id, 90, base + 5)
    expect(rescored).toMatchObject({ score: 90, createdAt: base, updatedAt: base + 5 })
    expect(await countsOf(alice.id, movie.id)).toEqual({ films: 1, count: 2, sum: 151 })

    await ratings.delete(mine.id, alice.id)
    expect(await countsOf(alice.id, movie.id)).toEqual({ films: 0, count: 1, sum: 61 })
    expect(await ratings.findOwned(mine.id, alice.id)).toBeUndefined()
  })

  it('lets only the owner change or delete a rating, and changes nothing otherwise', async () => {
    const [owner, other] = [await savePerson(db), await savePerson(db)]
    const movie = await saveMovie(db)
    const rating = await ratings.insert(owner.id, movie, 70, base)

    await expect(ratings.rescore(rating.id, other.id, 1, base)).rejects.toThrow(NotFoundError)
    await expect(ratings.delete(rating.id, other.id)).rejects.toThrow(NotFoundError)
    await expect(ratings.delete('no-such-rating', owner.id)).rejects.toThrow(NotFoundError)
    expect(await ratings.findOwned(rating.id, other.id)).toBeUndefined()

    expect(await countsOf(owner.id, movie.id)).toEqual({ films: 1, count: 1, sum: 70 })
    expect(await countsOf(other.id, movie.id)).toMatchObject({ films: 0 })
    expect((await ratings.findOwned(rating.id, owner.id))?.score).toBe(70)
  })

  it('refuses a second rating of one film by one person and rolls its counts back', async () => {
    const person = await savePerson(db)
    const movie = await saveMovie(db)
    const first = await ratings.insert(person.id, movie, 50, base)

    const again = await ratings.insert(person.id, movie, 99, base + 1).catch((error) => error)
    expect(isUniqueViolation(again)).toBe(true)
    expect(await countsOf(person.id, movie.id)).toEqual({ films: 1, count: 1, sum: 50 })
    expect((await ratings.findByUserAndMovie(person.id, movie.id))?.id).toBe(first.id)
  })

  it('refuses a score the database should never hold', async () => {
    const person = await savePerson(db)
    const movie = await saveMovie(db)
    await expect(ratings.insert(person.id, movie, 101, base)).rejects.toThrow()
    expect(await countsOf(person.id, movie.id)).toEqual({ films: 0, count: 0, sum: 0 })
  })

  describe('a person’s list', () => {
    let personId: string
    let all: ListedRating[]

    beforeAll(async () => {
      const person = await savePerson(db)
      personId = person.id
      // Ties everywhere: shared scores, shared release dates, shared registration times,
      // undated films, and films from before 1930.
      const releases = [
        '1999-03-31',
        '1999-03-31',
        '1925-05-01',
        '',
        '2010-07-16',
        '',
        '1895-12-28',
      ]
      for (let i = 0; i < 40; i += 1) {
        const releaseDate = releases[i % releases.length] || null
        const movie = await saveMovie(db, { releaseDate })
        await ratings.insert(personId, movie, [100, 87, 87, 0, 42][i % 5] ?? 50, base + (i % 9))
      }
      all = await ratings.listByUser(personId, 'registered', 'desc', null, 1000)
      expect(all).toHaveLength(40)
    })

    for (const sort of ratingSorts) {
      for (const order of sortOrders) {
        it(`orders by ${sort} ${order}, stable through pages of every size`, async () => {
          const whole = await ratings.listByUser(personId, sort, order, null, 1000)
          expect(whole).toHaveLength(40)
          const sign = order === 'desc' ? 1 : -1
          const keyed = sort === 'release' ? whole.filter((r) => r.releaseKey !== '') : whole
          for (let i = 1; i < keyed.length; i += 1) {
            const step = compareKeys(keyOf(sort, at(keyed, i - 1)), keyOf(sort, at(keyed, i)))
            expect(step * sign).toBeGreaterThanOrEqual(0)
          }
          if (sort === 'release') {
            // Undated films come last, whichever the direction.
            const undated = whole.filter((r) => r.releaseKey === '').length
            expect(undated).toBe(11)
            expect(whole.slice(-undated).every((r) => r.releaseKey === '')).toBe(true)
          }
          for (const size of [1, 5, 7, 12, 39, 40]) {
            const paged = await readAll(ratings, personId, sort, order, size)
            expect(paged.map((r) => r.id)).toEqual(whole.map((r) => r.id))
          }
          expect(whole[0]?.movie.titles.en).toMatch(/^Film /)
        })

        it(`shows the same cards as the list by ${sort} ${order}, page for page`, async () => {
          const whole = await ratings.listByUser(personId, sort, order, null, 1000)
          const asCards = whole.map((rating) => ({
            id: rating.id,
            score: rating.score,
            releaseKey: rating.releaseKey,
            createdAt: rating.createdAt,
            movie: {
              id: rating.movie.id,
              titles: rating.movie.titles,
              originalTitle: rating.movie.originalTitle,
              releaseDate: rating.movie.releaseDate,
              posterPath: rating.movie.posterPath,
            },
          }))
          expect(await ratings.cardsByUser(personId, sort, order, null, 1000)).toEqual(asCards)
          const middle = at(whole, 16)
          const rest = await ratings.cardsByUser(
            personId,
            sort,
            order,
            positionOf(sort, middle),
            1000,
          )
          expect(rest).toEqual(asCards.slice(17))
        })
      }
    }

    it('shows every rating exactly once even when ratings are added between pages', async () => {
      const person = await savePerson(db)
      const movies: StoredMovie[] = []
      for (let i = 0; i < 30; i += 1) {
        movies.push(await saveMovie(db, { releaseDate: i % 4 === 0 ? null : `19${50 + i}-01-01` }))
      }
      for (const sort of ratingSorts) {
        for (const order of sortOrders) {
          const listName = `${sort} ${order}`
          const owner = await savePerson(db, listName)
          const existing = new Set<string>()
          for (const [i, movie] of movies.slice(0, 20).entries()) {
            existing.add((await ratings.insert(owner.id, movie, (i * 37) % 101, base + i)).id)
          }
          let next = 20
          const seen = await readAll(ratings, owner.id, sort, order, 6, async () => {
            // Films land before, inside and after the page just read.
            for (let k = 0; k < 3 && next < movies.length; k += 1, next += 1) {
              const movie = at(movies, next)
              const score = [100, 50, 0][k] ?? 50
              await ratings.insert(owner.id, movie, score, base + 10 + next)
            }
          })
          const ids = seen.map((r) => r.id)
          expect(new Set(ids).size, listName).toBe(ids.length)
          for (const id of existing) expect(ids, listName).toContain(id)
        }
      }
      expect(person).toBeDefined()
    })
  })

  it('lists a film’s ratings newest first with who gave them, page by page', async () => {
    const movie = await saveMovie(db)
    const people = []
    for (let i = 0; i < 7; i += 1) people.push(await savePerson(db, `Rater ${i}`))
    for (const [i, person] of people.entries()) {
      await ratings.insert(person.id, movie, 10 * i, base + Math.floor(i / 2))
    }
    const whole = await ratings.listByMovie(movie.id, null, 100)
    expect(whole).toHaveLength(7)
    expect(whole[0]?.user.displayName).toMatch(/^Rater 6$/)
    for (let i = 1; i < whole.length; i += 1) {
      expect(at(whole, i - 1).createdAt).toBeGreaterThanOrEqual(at(whole, i).createdAt)
    }
    const first = await ratings.listByMovie(movie.id, null, 3)
    const last = at(first, -1)
    const rest = await ratings.listByMovie(movie.id, { key: [last.createdAt], id: last.id }, 100)
    expect([...first, ...rest].map((r) => r.id)).toEqual(whole.map((r) => r.id))
  })

  it('finds a person’s scores for a set of films', async () => {
    const person = await savePerson(db)
    const [a, b, c] = [await saveMovie(db), await saveMovie(db), await saveMovie(db)]
    await ratings.insert(person.id, a, 12, base)
    await ratings.insert(person.id, c, 99, base)
    const scores = await ratings.scoresOf(person.id, [a.id, b.id, c.id])
    expect([...scores.keys()].sort()).toEqual([a.id, c.id].sort())
    expect(scores.get(c.id)?.score).toBe(99)
    expect((await ratings.scoresOf(person.id, [])).size).toBe(0)
  })

  it('moves a film’s ratings in the release sort when its release date changes', async () => {
    const person = await savePerson(db)
    const movie = await saveMovie(db, { releaseDate: null })
    await ratings.insert(person.id, movie, 50, base)
    await ratings.syncReleaseKey({ id: movie.id, releaseDate: '1977-05-25' })
    const [listed] = await ratings.listByUser(person.id, 'release', 'desc', null, 5)
    expect(listed?.releaseKey).toBe('1977-05-25')
  })

  it('follows a film’s new release date when the films service refreshes it', async () => {
    const person = await savePerson(db)
    const film = aMovie({ id: 'tmdb-987654', releaseDate: null, fetchedAt: 0 })
    const catalog: Catalog = {
      source: 'tmdb',
      search: async () => ({ items: [], page: 1, totalPages: 0 }),
      get: async () => null,
      details: async () => ({ ...film, releaseDate: '1982-06-25' }),
    }
    const movies = new MovieService({
      repository: new MovieRepository(db),
      searchCatalog: catalog,
      catalogs: [catalog],
      refreshAfterMs: 1000,
      onReleaseDateChange: (movie) => ratings.syncReleaseKey(movie),
    })
    await new MovieRepository(db).save(film)
    await ratings.insert(person.id, film, 80, base)

    await movies.ensureStored(film.id, 'en')
    const [listed] = await ratings.listByUser(person.id, 'release', 'desc', null, 5)
    expect(listed?.releaseKey).toBe('1982-06-25')
  })

  it('takes a deleted person’s ratings out of their films’ counts in the same transaction', async () => {
    const [leaving, staying] = [await savePerson(db), await savePerson(db)]
    const [a, b] = [await saveMovie(db), await saveMovie(db)]
    await ratings.insert(leaving.id, a, 90, base)
    await ratings.insert(leaving.id, b, 30, base)
    await ratings.insert(staying.id, a, 70, base)

    await db.transaction().execute(async (trx) => {
      await takeBackRatingsOf(trx, leaving.id)
      await trx.deleteFrom('users').where('id', '=', leaving.id).execute()
    })
    expect(await ratings.movieStats(a.id)).toEqual({ count: 1, sum: 70 })
    expect(await ratings.movieStats(b.id)).toEqual({ count: 0, sum: 0 })
    expect(await ratings.listByMovie(a.id, null, 10)).toHaveLength(1)
  })
})
