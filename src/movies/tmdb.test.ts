import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type FakeTmdb, startFakeTmdb } from '../../test/support/fake-tmdb.js'
import { CatalogUnavailableError } from '../domain/errors.js'
import { TmdbCatalog } from './tmdb-catalog.js'
import { retryAfterMs, TmdbClient } from './tmdb-client.js'

let fake: FakeTmdb
const waits: number[] = []

function catalogWith(options: { token?: string; timeoutMs?: number } = {}) {
  const client = new TmdbClient({
    token: options.token ?? fake.token,
    baseUrl: fake.apiUrl,
    timeoutMs: options.timeoutMs ?? 2000,
    sleep: async (ms) => {
      waits.push(ms)
    },
  })
  return new TmdbCatalog(client, { searchCacheSize: 100, searchCacheMs: 60_000 })
}

/** The error a call fails with, checked to be a catalog failure. */
async function failureOf(call: Promise<unknown>): Promise<CatalogUnavailableError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(CatalogUnavailableError)
  return error as CatalogUnavailableError
}

beforeAll(async () => {
  fake = await startFakeTmdb()
})
afterAll(() => fake.stop())
beforeEach(() => {
  fake.reset()
  waits.length = 0
})

describe('TMDB catalog', () => {
  it('searches in the viewer’s language with the token as a bearer and no adult films', async () => {
    const results = await catalogWith().search('matrix', 'ja', 1)

    expect(results.page).toBe(1)
    expect(results.totalPages).toBe(1)
    expect(results.items[0]).toEqual({
      id: 'tmdb-603',
      title: 'マトリックス',
      originalTitle: 'The Matrix',
      releaseDate: '1999-03-31',
      posterPath: '/poster-603.svg',
      overview: 'ネオはある日、この世界が仮想現実であることを知る。',
    })
    const [request] = fake.requests
    expect(request?.path).toBe('/3/search/movie')
    expect(request?.params).toMatchObject({
      query: 'matrix',
      language: 'ja-JP',
      include_adult: 'false',
      page: '1',
    })
    expect(request?.authorization).toBe(`Bearer ${fake.token}`)
  })

  it('answers repeated searches from its cache', async () => {
    const catalog = catalogWith()
    await catalog.search('matrix', 'en', 1)
    await catalog.search('Matrix', 'en', 1)
    await Promise.all([catalog.search('spirited', 'en', 1), catalog.search('spirited', 'en', 1)])
    expect(fake.requests).toHaveLength(2)
    await catalog.search('matrix', 'ja', 1)
    expect(fake.requests).toHaveLength(3)
  })

  it('handles missing release date, poster, original title and overview', async () => {
    const catalog = catalogWith()
    const { items } = await catalog.search('nothing', 'en', 1)
    expect(items[0]).toEqual({
      id: 'tmdb-999',
      title: 'Matrix of Nothing',
      originalTitle: null,
      releaseDate: null,
      posterPath: null,
      overview: null,
    })
    const details = await catalog.details('tmdb-999', 'ja')
    expect(details).toMatchObject({
      titles: { ja: 'Matrix of Nothing', en: 'Matrix of Nothing' },
      releaseDate: null,
      posterPath: null,
      overviews: { ja: null, en: null },
    })
  })

  it('gets a film’s details in both languages in one request', async () => {
    const matrix = await catalogWith().details('tmdb-603', 'en')
    expect(matrix).toEqual({
      id: 'tmdb-603',
      titles: { ja: 'マトリックス', en: 'The Matrix' },
      originalTitle: 'The Matrix',
      releaseDate: '1999-03-31',
      posterPath: '/poster-603.svg',
      overviews: {
        ja: 'ネオはある日、この世界が仮想現実であることを知る。',
        en: 'A computer hacker learns about the true nature of reality.',
      },
    })
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.params.append_to_response).toBe('translations')

    // A Japanese film has no Japanese translation: its original title is the Japanese one.
    const spirited = await catalogWith().details('tmdb-129', 'en')
    expect(spirited?.titles).toEqual({ ja: '千と千尋の神隠し', en: 'Spirited Away' })
  })

  it('gives null for a film TMDB does not have, and for an id of another source', async () => {
    const catalog = catalogWith()
    expect(await catalog.details('tmdb-424242', 'en')).toBeNull()
    expect(await catalog.get('tmdb-424242', 'en')).toBeNull()
    expect(await catalog.get('vega-0123456789', 'en')).toBeNull()
    expect(fake.requests).toHaveLength(2)
  })

  it('reports a bad token as a bad gateway, without the token in the cause', async () => {
    const error = await failureOf(catalogWith({ token: 'wrong-token' }).search('x', 'en', 1))
    expect(error.failure).toBe('bad-gateway')
    expect(String((error.cause as Error).message)).toMatch(/401/)
    expect(JSON.stringify(error.cause, Object.getOwnPropertyNames(error.cause))).not.toMatch(
      /wrong-token/,
    )
  })

  it('retries once after a 429, waiting as Retry-After says', async () => {
    fake.failNext({ status: 429, retryAfter: '2' })
    const results = await catalogWith().search('matrix', 'en', 1)
    expect(results.items.length).toBeGreaterThan(0)
    expect(waits).toEqual([2000])
    expect(fake.requests).toHaveLength(2)
  })

  it('gives up with 503 when TMDB is still limiting after the retry', async () => {
    fake.failNext({ status: 429, retryAfter: '1' }, { status: 429, retryAfter: '1' })
    const error = await failureOf(catalogWith().search('matrix', 'en', 1))
    expect(error.failure).toBe('unavailable')
    expect(error.retryAfterSeconds).toBe(1)
    expect(fake.requests).toHaveLength(2)
  })

  it('does not wait for a Retry-After longer than it allows', async () => {
    fake.failNext({ status: 429, retryAfter: '120' })
    const error = await failureOf(catalogWith().search('matrix', 'en', 1))
    expect(error.failure).toBe('unavailable')
    expect(error.retryAfterSeconds).toBe(120)
    expect(waits).toEqual([])
    expect(fake.requests).toHaveLength(1)
  })

  it('retries a 500 once and then reports a bad gateway', async () => {
    fake.failNext({ status: 500 })
    expect((await catalogWith().details('tmdb-603', 'en'))?.id).toBe('tmdb-603')

    fake.reset()
    fake.failNext({ status: 500 }, { status: 502 })
    const error = await failureOf(catalogWith().details('tmdb-603', 'en'))
    expect(error.failure).toBe('bad-gateway')
    expect(fake.requests).toHaveLength(2)
  })

  it('reports an answer slower than the timeout as a timeout', async () => {
    fake.failNext({ delayMs: 1000 })
    const started = performance.now()
    const error = await failureOf(catalogWith({ timeoutMs: 150 }).search('matrix', 'en', 1))
    expect(error.failure).toBe('timeout')
    expect(performance.now() - started).toBeLessThan(900)
  })

  it('reports malformed JSON and an unexpected shape as a bad gateway', async () => {
    fake.failNext({ malformed: true })
    expect((await failureOf(catalogWith().search('matrix', 'en', 1))).failure).toBe('bad-gateway')
    fake.failNext({ status: 200, body: '{"results": "none"}' })
    expect((await failureOf(catalogWith().search('matrix', 'en', 1))).failure).toBe('bad-gateway')
  })

  it('reports an unreachable server as unavailable', async () => {
    const client = new TmdbClient({ token: 't', baseUrl: 'http://127.0.0.1:9/3', timeoutMs: 2000 })
    const catalog = new TmdbCatalog(client, { searchCacheSize: 1, searchCacheMs: 1 })
    expect((await failureOf(catalog.search('matrix', 'en', 1))).failure).toBe('unavailable')
  })
})

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs('3', now)).toBe(3000)
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000)
    expect(retryAfterMs('soon', now)).toBeNull()
    expect(retryAfterMs(null, now)).toBeNull()
  })
})
