import { UserRepository } from '../../src/accounts/users.js'
import type { Db } from '../../src/db/database.js'
import type { StoredMovie } from '../../src/movies/movie.js'
import { MovieRepository } from '../../src/movies/repository.js'
import {
  importVegaMovies,
  type OfflineMovie,
  readVegaMovies,
} from '../../src/movies/vega-import.js'

// Factories for ratings tests: people and films written straight to the database.

let movieCounter = 0
let personCounter = 0

/** A stored film with an offline-catalog id no other test uses. */
export function aMovie(overrides: Partial<StoredMovie> = {}): StoredMovie {
  movieCounter += 1
  const serial = (process.pid * 100_000 + movieCounter).toString(16).padStart(10, '0')
  return {
    id: `vega-${serial.slice(-10)}`,
    titles: { ja: null, en: `Film ${movieCounter}` },
    originalTitle: null,
    releaseDate: '2000-01-01',
    posterPath: null,
    overviews: { ja: null, en: null },
    fetchedAt: 0,
    ...overrides,
  }
}

export async function saveMovie(db: Db, overrides: Partial<StoredMovie> = {}) {
  const movie = aMovie(overrides)
  await new MovieRepository(db).save(movie)
  return movie
}

/** A person with no password anyone knows: for repository tests only. */
export async function savePerson(db: Db, displayName = 'Someone') {
  personCounter += 1
  const handle = `p${process.pid % 10000}_${personCounter}`
  return new UserRepository(db).insert(
    {
      handle,
      email: `${handle}@example.com`,
      displayName,
      passwordHash: 'not-a-hash',
      birthdate: null,
      locale: null,
    },
    Date.now(),
  )
}

/** The item at `index` (negative counts from the end), or a failure saying it is missing. */
export function at<T>(list: readonly T[], index: number): T {
  const item = list.at(index)
  if (item === undefined) throw new Error(`no item at ${index} of ${list.length}`)
  return item
}

let offline: Promise<OfflineMovie[]> | undefined

/**
 * Films of the offline catalog, best known first: real ids the app can fetch, for
 * tests that rate through the API or the pages.
 */
export async function offlineFilms(count: number, skip = 0): Promise<OfflineMovie[]> {
  offline ??= readVegaMovies().then((rows) =>
    importVegaMovies(rows).sort((a, b) => b.votes - a.votes || a.id.localeCompare(b.id)),
  )
  return (await offline).slice(skip, skip + count)
}
