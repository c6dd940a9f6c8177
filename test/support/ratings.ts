import { UserRepository } from '../../src/accounts/users.js'
import type { Db } from '../../src/db/database.js'
import type { StoredMovie } from '../../src/movies/movie.js'
import { MovieRepository } from '../../src/movies/repository.js'
import {
  importVegaMovies,
  type OfflineMovie,
  readVegaMovies,
} from '../../src/movies/vega-import.js'
import { RatingRepository } from '../../src/ratings/repository.js'

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

// Japanese titles for some well-known films, so that the Japanese list looks as it
// would with TMDB: the offline catalog has English titles only.
const japaneseTitles: Record<string, string> = {
  'The Matrix': 'マトリックス',
  Inception: 'インセプション',
  'The Dark Knight': 'ダークナイト',
  'Pulp Fiction': 'パルプ・フィクション',
  'Fight Club': 'ファイト・クラブ',
  'Forrest Gump': 'フォレスト・ガンプ／一期一会',
  'The Shawshank Redemption': 'ショーシャンクの空に',
  Gladiator: 'グラディエーター',
  Titanic: 'タイタニック',
  Memento: 'メメント',
  'The Silence of the Lambs': '羊たちの沈黙',
  'Saving Private Ryan': 'プライベート・ライアン',
  'Back to the Future': 'バック・トゥ・ザ・フューチャー',
  'Jurassic Park': 'ジュラシック・パーク',
  'Toy Story': 'トイ・ストーリー',
  'The Departed': 'ディパーテッド',
  'American Beauty': 'アメリカン・ビューティー',
  'Star Wars Ep. V: The Empire Strikes Back': 'スター・ウォーズ 帝国の逆襲',
}

// Silent classics and a film with no known date, for the earliest and the last group.
const oldFilms: StoredMovie[] = [
  ['vega-00000c1926', 'The General', '1926-12-31'],
  ['vega-00000c1927', 'Metropolis', '1927-01-10'],
  ['vega-00000c1922', 'Nosferatu', '1922-03-04'],
  ['vega-00000c0000', 'A Film Without a Date', null],
].map(([id, title, releaseDate]) => ({
  id: id ?? '',
  titles: { ja: null, en: title ?? null },
  originalTitle: null,
  releaseDate: releaseDate ?? null,
  posterPath: null,
  overviews: { ja: null, en: null },
  fetchedAt: Date.now(),
}))

/** A few hundred ratings for one person, written through the repositories. */
export async function seedLongList(db: Db, userId: string, count: number) {
  const movies = new MovieRepository(db)
  const ratings = new RatingRepository(db)
  const films = await offlineFilms(count - oldFilms.length, 100)
  const stored: StoredMovie[] = films.map((film) => ({
    id: film.id,
    titles: { ja: japaneseTitles[film.title] ?? null, en: film.title },
    originalTitle: null,
    releaseDate: film.releaseDate,
    posterPath: null,
    overviews: { ja: null, en: null },
    fetchedAt: Date.now(),
  }))
  const all = [...stored, ...oldFilms]
  const start = Date.now() - all.length * 2 * 86_400_000
  for (const [i, movie] of all.entries()) {
    await movies.save(movie)
    // Scores bunched around the seventies, as people score, with a few at the ends.
    const score = Math.max(0, Math.min(100, Math.round(70 + 22 * Math.sin(i * 2.39) ** 3)))
    await ratings.insert(userId, movie, i % 37 === 0 ? 100 : score, start + i * 2 * 86_400_000)
  }
}
