import { type InsertObject, PostgresAdapter, SqliteAdapter, sql } from 'kysely'
import { searchText } from '../accounts/users.js'
import type { Db } from '../db/database.js'
import { newId } from '../db/ids.js'
import type { Database } from '../db/schema.js'
import { importVegaMovies, type OfflineMovie, readVegaMovies } from '../movies/vega-import.js'
import { displayNameFor } from './names.js'
import { apportion, Random, weightedSample } from './random.js'

export interface SeedOptions {
  people: number
  ratings: number
  /** The one password hash every seeded person shares (hashing 10,000 would take minutes). */
  passwordHash: string
  seed?: number
  now?: number
  onProgress?: (message: string) => void
}

export interface SeedSummary {
  people: number
  ratings: number
  follows: number
  movies: number
  /** The person with the longest list, and the one who follows the most people. */
  heaviest: { handle: string; ratings: number }
  busiestFollower: { handle: string; following: number }
  /** Everyone whose list fills a first page (48 films): what a benchmark asks for. */
  fullListHandles: string[]
  ms: number
}

const day = 24 * 60 * 60 * 1000
const rowsPerInsert = 500
const insertsPerTransaction = 40

interface Person {
  id: string
  handle: string
  createdAt: number
  lastActiveAt: number
  ratingCount: number
  following: number
  followers: number
}

/**
 * Fills an empty, migrated database with synthetic people, films, ratings and follows
 * that read exactly like data made through the app: ids from `newId()`, the kept
 * counts, last activity and search text as the repositories keep them, films stored as
 * the film service stores offline films, `release_key` copied from the film.
 * Written in bulk: multi-row inserts inside transactions.
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now()
  const now = options.now ?? Date.now()
  const log = options.onProgress ?? (() => {})
  await refuseNonEmpty(db)
  await fastWrites(db, true)
  const { people, follows, films } = await writeAll(db, options, now, log).finally(() =>
    fastWrites(db, false),
  )

  const heaviest = people.reduce((a, b) => (b.ratingCount > a.ratingCount ? b : a))
  const busiest = people.reduce((a, b) => (b.following > a.following ? b : a))
  return {
    people: people.length,
    ratings: people.reduce((sum, person) => sum + person.ratingCount, 0),
    follows: follows.length,
    movies: films.length,
    heaviest: { handle: heaviest.handle, ratings: heaviest.ratingCount },
    busiestFollower: { handle: busiest.handle, following: busiest.following },
    fullListHandles: people.filter((p) => p.ratingCount >= 48).map((p) => p.handle),
    ms: Date.now() - started,
  }
}

async function writeAll(db: Db, options: SeedOptions, now: number, log: (message: string) => void) {
  const random = new Random(options.seed ?? 1)
  const films = importVegaMovies(await readVegaMovies())
  const people = planPeople(random, options, films.length, now)
  const follows = planFollows(random, people, now)
  log(`planned ${people.length} people, ${follows.length} follows`)

  await insertFilms(db, films, now)
  await insertPeople(db, random, people, options.passwordHash)
  await insertRows(db, 'follows', follows)
  log('people, films and follows written')
  const totals = await insertRatings(db, random, people, films, log)
  await updateFilmTotals(db, films, totals)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`analyze`.execute(db)
  }
  return { people, follows, films }
}

async function refuseNonEmpty(db: Db) {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (row) throw new Error('the database already has people: seed an empty one')
}

/**
 * SQLite while seeding: no fsync per commit, no foreign-key probes (the data is whole)
 * and a large page cache; back to the app's settings after.
 */
async function fastWrites(db: Db, isOn: boolean) {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
  await sql.raw(`pragma synchronous = ${isOn ? 'off' : 'full'}`).execute(db)
  await sql.raw(`pragma foreign_keys = ${isOn ? 'off' : 'on'}`).execute(db)
  // Index pages of a million rows stay in memory instead of being read back again and again.
  await sql.raw(`pragma cache_size = ${isOn ? -256_000 : -2000}`).execute(db)
}

/**
 * People signed up over three years; list sizes follow a heavy tail (most people a
 * few dozen films, a few thousands: user1 the most), capped at the catalog's size.
 */
function planPeople(random: Random, options: SeedOptions, filmCount: number, now: number) {
  const weights = Array.from({ length: options.people }, () => random.pareto(1.1))
  const counts = apportion(weights, options.ratings, filmCount)
  const top = counts.indexOf(Math.max(...counts))
  ;[counts[0], counts[top]] = [counts[top] ?? 0, counts[0] ?? 0]
  return counts.map((ratingCount, index): Person => {
    const createdAt = now - Math.floor(random.next() * 3 * 365 * day)
    const lastActiveAt =
      ratingCount > 0
        ? createdAt + Math.floor((now - createdAt) * (0.5 + random.next() / 2))
        : createdAt
    const handle = `user${index + 1}`
    return { id: newId(), handle, createdAt, lastActiveAt, ratingCount, following: 0, followers: 0 }
  })
}

/**
 * Who follows whom: most people follow a handful, user2 follows a thousand (the home
 * feed's hard case); followers gather on a few popular people.
 */
function planFollows(random: Random, people: Person[], now: number) {
  const popularity = Float64Array.from(people, () => random.pareto(1.2))
  const cumulative = new Float64Array(people.length)
  popularity.reduce((sum, weight, index) => {
    cumulative[index] = sum + weight
    return sum + weight
  }, 0)
  const rows: { follower_id: string; followee_id: string; created_at: number }[] = []
  people.forEach((follower, index) => {
    const wanted = index === 1 ? 1000 : Math.min(500, Math.floor(random.pareto(1.3) * 3) - 1)
    const count = Math.min(people.length - 1, Math.max(0, wanted))
    const picks = weightedSample(random, cumulative, popularity, Math.min(people.length, count + 1))
    for (const pick of picks.filter((p) => p !== index).slice(0, count)) {
      const followee = people[pick] as Person
      const since = Math.max(follower.createdAt, followee.createdAt)
      const createdAt = since + Math.floor(random.next() * (now - since))
      rows.push({ follower_id: follower.id, followee_id: followee.id, created_at: createdAt })
      follower.following += 1
      followee.followers += 1
    }
  })
  return rows
}

/** Every film of the offline catalog, as the film service stores one it fetched. */
async function insertFilms(db: Db, films: OfflineMovie[], now: number) {
  const rows = films.map((film) => ({
    id: film.id,
    title_ja: null,
    title_en: film.title,
    original_title: null,
    release_date: film.releaseDate,
    poster_path: null,
    overview_ja: null,
    overview_en: null,
    fetched_at: now,
  }))
  await insertRows(db, 'movies', rows)
}

async function insertPeople(db: Db, random: Random, people: Person[], passwordHash: string) {
  const rows = people.map((person, index) => {
    const displayName = displayNameFor(random, index + 1)
    const hasBirthdate = random.next() < 0.3
    const localeDraw = random.next()
    return {
      id: person.id,
      handle: person.handle,
      handle_key: person.handle,
      email: `${person.handle}@example.com`,
      email_key: `${person.handle}@example.com`,
      display_name: displayName,
      password_hash: passwordHash,
      birthdate: hasBirthdate
        ? `${random.int(1960, 2005)}-0${random.int(1, 9)}-1${random.int(0, 9)}`
        : null,
      show_age: hasBirthdate && random.next() < 0.5 ? 1 : 0,
      profile_url: random.next() < 0.1 ? `https://example.com/${person.handle}` : null,
      locale: localeDraw < 0.5 ? null : localeDraw < 0.85 ? 'ja' : 'en',
      rating_count: person.ratingCount,
      following_count: person.following,
      follower_count: person.followers,
      search_text: searchText(person.handle, displayName),
      last_active_at: person.lastActiveAt,
      created_at: person.createdAt,
      updated_at: person.createdAt,
    }
  })
  await insertRows(db, 'users', rows)
}

interface FilmTotals {
  count: Int32Array
  sum: Float64Array
}

/**
 * Each person's films, drawn by popularity without repeats; scores around the high
 * sixties with a person's own leniency and a film's own quality, often rounded to 5 or
 * 10 as people do; times between sign-up and last activity, the newest at it; one in
 * twelve re-scored later.
 */
async function insertRatings(
  db: Db,
  random: Random,
  people: Person[],
  films: OfflineMovie[],
  log: (message: string) => void,
): Promise<FilmTotals> {
  const weights = Float64Array.from(films, (film) => Math.sqrt(film.votes) + 5)
  const cumulative = new Float64Array(films.length)
  weights.reduce((sum, weight, index) => {
    cumulative[index] = sum + weight
    return sum + weight
  }, 0)
  const quality = Float64Array.from(films, () => random.normal() * 8)
  const totals: FilmTotals = {
    count: new Int32Array(films.length),
    sum: new Float64Array(films.length),
  }

  let batch: InsertObject<Database, 'ratings'>[] = []
  let written = 0
  const flush = async () => {
    if (batch.length === 0) return
    const rows = batch
    batch = []
    await insertRows(db, 'ratings', rows)
    written += rows.length
    log(`${written} ratings`)
  }
  for (const person of people) {
    const picks = weightedSample(random, cumulative, weights, person.ratingCount)
    const leniency = random.normal() * 6
    const span = person.lastActiveAt - person.createdAt
    picks.forEach((filmIndex, order) => {
      const film = films[filmIndex] as OfflineMovie
      const score = scoreFor(random, 68 + leniency + (quality[filmIndex] ?? 0))
      const createdAt =
        order === 0 ? person.lastActiveAt : person.createdAt + Math.floor(random.next() * span)
      const updatedAt =
        random.next() < 1 / 12
          ? createdAt + Math.floor(random.next() * (person.lastActiveAt - createdAt))
          : createdAt
      totals.count[filmIndex] = (totals.count[filmIndex] ?? 0) + 1
      totals.sum[filmIndex] = (totals.sum[filmIndex] ?? 0) + score
      batch.push({
        id: newId(),
        user_id: person.id,
        movie_id: film.id,
        score,
        release_key: film.releaseDate ?? '',
        created_at: createdAt,
        updated_at: updatedAt,
      })
    })
    if (batch.length >= rowsPerInsert * insertsPerTransaction) await flush()
  }
  await flush()
  return totals
}

function scoreFor(random: Random, mean: number): number {
  const raw = mean + random.normal() * 12
  const draw = random.next()
  const rounded =
    draw < 0.35 ? Math.round(raw / 10) * 10 : draw < 0.6 ? Math.round(raw / 5) * 5 : Math.round(raw)
  return Math.min(100, Math.max(0, rounded))
}

async function updateFilmTotals(db: Db, films: OfflineMovie[], totals: FilmTotals) {
  await db.transaction().execute(async (trx) => {
    for (const [index, film] of films.entries()) {
      const count = totals.count[index] ?? 0
      if (count === 0) continue
      await trx
        .updateTable('movies')
        .set({ rating_count: count, rating_sum: totals.sum[index] ?? 0 })
        .where('id', '=', film.id)
        .execute()
    }
  })
}

type TableName = 'users' | 'movies' | 'ratings' | 'follows'

/** Multi-row inserts, `insertsPerTransaction` of them to a transaction. */
async function insertRows<T extends TableName>(
  db: Db,
  table: T,
  rows: InsertObject<Database, T>[],
) {
  const size = rowsPerInsert * insertsPerTransaction
  for (let start = 0; start < rows.length; start += size) {
    const slice = rows.slice(start, start + size)
    await db.transaction().execute(async (trx) => {
      for (let at = 0; at < slice.length; at += rowsPerInsert) {
        await trx
          .insertInto(table)
          .values(slice.slice(at, at + rowsPerInsert))
          .execute()
      }
    })
  }
}
