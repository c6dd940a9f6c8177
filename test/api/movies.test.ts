import pino from 'pino'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/env.js'
import type { Db } from '../../src/db/database.js'
import { readAssetManifest } from '../../src/http/assets.js'
import { MovieRepository } from '../../src/movies/repository.js'
import { createTestApp, publicDir, type TestApp, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'
import { type FakeTmdb, startFakeTmdb } from '../support/fake-tmdb.js'

/** The app with a logger whose lines the test can read. */
function appWithLog(db: Db, env: Record<string, string>) {
  const lines: Record<string, unknown>[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) })
  const config = loadConfig({ NODE_ENV: 'test', ...env })
  const app = createApp({ config, db, logger, publicDir, assets: readAssetManifest(publicDir) })
  return { app, lines }
}

const japanese = { 'accept-language': 'ja' }
const english = { 'accept-language': 'en' }

describeEachDatabase('films, offline catalog', (database) => {
  let app: TestApp
  let client: TestClient

  beforeAll(() => {
    app = createTestApp(database().db)
    client = new TestClient(app, english)
  })

  it('finds The Matrix (1999) for "matrix" in the API', async () => {
    const response = await client.get('/api/v1/movies/search?q=matrix')
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ page: 1, totalPages: 1 })
    expect(body.items[0]).toEqual({
      id: expect.stringMatching(/^vega-[0-9a-f]{10}$/),
      title: 'The Matrix',
      originalTitle: null,
      releaseDate: '1999-03-31',
      posterUrl: null,
      overview: null,
    })
  })

  it('answers an empty query with no results and a bad page with a 400', async () => {
    const empty = await client.get('/api/v1/movies/search?q=')
    expect(await empty.json()).toEqual({ items: [], page: 1, totalPages: 0 })
    const japaneseQuery = await client.get(`/api/v1/movies/search?q=${encodeURI('マトリックス')}`)
    expect((await japaneseQuery.json()).items).toEqual([])

    const badPage = await client.get('/api/v1/movies/search?q=matrix&page=0')
    expect(badPage.status).toBe(400)
    expect((await badPage.json()).errors[0].field).toBe('page')
    const tooLong = await client.get(`/api/v1/movies/search?q=${'a'.repeat(101)}`)
    expect(tooLong.status).toBe(400)
  })

  it('shows a film by id and stores it on first view', async () => {
    const search = await (await client.get('/api/v1/movies/search?q=matrix')).json()
    const id: string = search.items[0].id
    const repository = new MovieRepository(database().db)
    expect(await repository.find(id)).toBeUndefined()

    const response = await client.get(`/api/v1/movies/${id}`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      movie: { ...search.items[0] },
      stats: { average: null, count: 0 },
      myRating: null,
    })
    const stored = await repository.find(id)
    expect(stored).toMatchObject({ titles: { ja: null, en: 'The Matrix' } })
  })

  it('answers 404 for a malformed or unknown id', async () => {
    for (const id of ['nope', 'vega-0000000000', 'tmdb-603', 'tmdb-0', "vega-'--"]) {
      const response = await client.get(`/api/v1/movies/${encodeURIComponent(id)}`)
      expect(response.status, id).toBe(404)
      expect(response.headers.get('content-type')).toMatch(/problem\+json/)
    }
  })

  it('finds The Matrix (1999) on the search page, without script, and opens its page', async () => {
    const page = await client.get('/movies/search?q=matrix')
    expect(page.status).toBe(200)
    const body = await page.text()
    expect(body).toMatch(/<input[^>]+name="q"[^>]+value="matrix"/)
    const match = /<a class="movie-result" href="\/movies\/(vega-[0-9a-f]{10})">/.exec(body)
    expect(match).not.toBeNull()
    expect(body).toContain('The Matrix')
    expect(body).toContain('1999')
    expect(body).toContain('poster-placeholder')

    const film = await client.get(`/movies/${match?.[1]}`)
    expect(film.status).toBe(200)
    const html = await film.text()
    expect(html).toMatch(/<h1 class="film-title" id="film-title">The Matrix<\/h1>/)
    expect(html).toContain('<time datetime="1999-03-31">March 31, 1999</time>')
    expect(html).toContain('id="film-rating-heading"')
  })

  it('gives the live search a fragment and a 404 page for an unknown film', async () => {
    const fragment = await client.get('/movies/search/results?q=matrix')
    const text = await fragment.text()
    expect(text).not.toMatch(/<html/)
    expect(text).toContain('data-search-status')
    expect(text).toContain('The Matrix')

    const missing = await new TestClient(app, japanese).get('/movies/vega-0000000000')
    expect(missing.status).toBe(404)
  })
})

describeEachDatabase('films, TMDB catalog', (database) => {
  let fake: FakeTmdb
  let app: TestApp

  beforeAll(async () => {
    fake = await startFakeTmdb()
    app = createTestApp(database().db, fake.env({ TMDB_TIMEOUT_MS: '300' }))
  })
  afterAll(() => fake?.stop())
  beforeEach(() => fake.reset())

  it('searches TMDB in the caller’s language, with poster URLs on the image server', async () => {
    const response = await new TestClient(app, japanese).get('/api/v1/movies/search?q=matrix')
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.items[0]).toEqual({
      id: 'tmdb-603',
      title: 'マトリックス',
      originalTitle: 'The Matrix',
      releaseDate: '1999-03-31',
      posterUrl: `${fake.imageUrl}/w342/poster-603.svg`,
      overview: 'ネオはある日、この世界が仮想現実であることを知る。',
    })
    expect(fake.requests[0]?.params.language).toBe('ja-JP')
  })

  it('stores a film in both languages when first viewed and serves it while TMDB is down', async () => {
    const en = new TestClient(app, english)
    const first = await en.get('/api/v1/movies/tmdb-129')
    expect((await first.json()).movie).toMatchObject({
      title: 'Spirited Away',
      originalTitle: '千と千尋の神隠し',
      posterUrl: `${fake.imageUrl}/w342/poster-129.svg`,
    })
    const stored = await new MovieRepository(database().db).find('tmdb-129')
    expect(stored?.titles).toEqual({ ja: '千と千尋の神隠し', en: 'Spirited Away' })

    fake.failNext({ status: 500 }, { status: 500 })
    const ja = await new TestClient(app, japanese).get('/api/v1/movies/tmdb-129')
    expect(ja.status).toBe(200)
    expect((await ja.json()).movie.title).toBe('千と千尋の神隠し')
    expect(fake.requests).toHaveLength(1)
  })

  it('serves a stale stored film when a refresh fails, and says so on the page', async () => {
    const repository = new MovieRepository(database().db)
    await new TestClient(app, english).get('/api/v1/movies/tmdb-604')
    const stored = await repository.find('tmdb-604')
    if (!stored) throw new Error('tmdb-604 was not stored')
    await repository.save({ ...stored, fetchedAt: 0 })

    fake.failNext({ delayMs: 1000 })
    const page = await new TestClient(app, english).get('/movies/tmdb-604')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('The Matrix Reloaded')
    expect(html).toContain('the film catalog is not answering')
  })

  it('answers each TMDB fault with a problem in the API and a message on the page', async () => {
    const faults = [
      { fault: [{ status: 401 }], status: 502, type: 'catalog-bad-gateway' },
      {
        fault: [
          { status: 429, retryAfter: '0' },
          { status: 429, retryAfter: '0' },
        ],
        status: 503,
        type: 'catalog-unavailable',
      },
      { fault: [{ status: 503 }, { status: 503 }], status: 503, type: 'catalog-unavailable' },
      { fault: [{ status: 500 }, { status: 500 }], status: 502, type: 'catalog-bad-gateway' },
      { fault: [{ delayMs: 1000 }], status: 504, type: 'catalog-timeout' },
      { fault: [{ malformed: true as const }], status: 502, type: 'catalog-bad-gateway' },
    ]
    const client = new TestClient(app, english)
    for (const [index, { fault, status, type }] of faults.entries()) {
      const query = `fault${index}`
      fake.failNext(...fault)
      const api = await client.get(`/api/v1/movies/search?q=${query}`)
      expect(api.status, type).toBe(status)
      expect(api.headers.get('content-type')).toMatch(/problem\+json/)
      const problem = await api.json()
      expect(problem.type).toBe(`urn:mymovie:problem:${type}`)
      expect(problem.detail).toMatch(/film catalog/)
      expect(JSON.stringify(problem)).not.toContain(fake.token)

      fake.failNext(...fault)
      const page = await client.get(`/movies/search?q=${query}`)
      expect(page.status, type).toBe(status)
      expect(await page.text()).toMatch(
        /class="alert alert-warning" role="alert"[^>]*>The film catalog/,
      )
    }
  })

  it('answers a film TMDB cannot give with a friendly error page, not a 500', async () => {
    // Longer than the client waits: no retry, the wait is passed on.
    fake.failNext({ status: 503, retryAfter: '30' })
    const page = await new TestClient(app, japanese).get('/movies/tmdb-603')
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('30')
    expect(await page.text()).toContain('映画カタログが応答していません')

    const missing = await new TestClient(app, english).get('/api/v1/movies/tmdb-424242')
    expect(missing.status).toBe(404)
  })

  it('lets the page load posters from the image server', async () => {
    const response = await new TestClient(app, english).get('/movies/search?q=matrix')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(new RegExp(`img-src [^;]*${new URL(fake.imageUrl).origin}`))
    const html = await response.text()
    expect(html).toContain(`src="${fake.imageUrl}/w92/poster-603.svg"`)
    expect(html).toContain(
      'This product uses the TMDB API but is not endorsed or certified by TMDB.',
    )
  })

  it('logs a TMDB fault once, with its cause and without the token', async () => {
    const { app: logged, lines } = appWithLog(database().db, fake.env())
    fake.failNext({ status: 401 })
    const response = await new TestClient(logged, english).get('/api/v1/movies/search?q=logged')
    expect(response.status).toBe(502)

    const failures = lines.filter((line) => line.msg === 'film catalog failed')
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatchObject({ level: 50, failure: 'bad-gateway' })
    expect(JSON.stringify(failures[0])).toMatch(/TMDB answered 401 for \/search\/movie/)
    expect(JSON.stringify(lines)).not.toContain(fake.token)
  })

  it('describes the films API in the OpenAPI document', async () => {
    const response = await new TestClient(app).get('/api/v1/openapi.json')
    const document = await response.json()
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/movies/search', '/movies/{id}']),
    )
    expect(document.components.schemas.Movie.required).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'originalTitle',
        'releaseDate',
        'posterUrl',
        'overview',
      ]),
    )
  })
})
