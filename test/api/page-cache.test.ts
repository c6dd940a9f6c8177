import { gunzipSync } from 'node:zlib'
import { beforeAll, expect, it } from 'vitest'
import type { OfflineMovie } from '../../src/movies/vega-import.js'
import { VersionedMovieRepository } from '../../src/page-cache/movie-versions.js'
import {
  createTestApp,
  signedUpClient,
  signedUpRater,
  type TestApp,
  TestClient,
} from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'
import { offlineFilms } from '../support/ratings.js'

// Cached list pages are never stale: whatever changes what a list shows shows on the
// very next request, also when another app process over the same database made it.

describeEachDatabase('list page cache', (database) => {
  let app: TestApp
  let other: TestApp
  let films: OfflineMovie[]
  const visitor = () => new TestClient(app, { 'accept-language': 'en' })
  const score = (n: number) => `${n}<span class="score-max">/100`
  const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;')

  beforeAll(async () => {
    app = createTestApp(database().db, { SIGNUP_LIMIT_PER_ADDRESS: '1000' })
    other = createTestApp(database().db, { SIGNUP_LIMIT_PER_ADDRESS: '1000' })
    films = await offlineFilms(10, 700)
  })

  async function ownerWithOneFilm() {
    const film = films.shift() as OfflineMovie
    return { ...(await signedUpRater(other, film.id, 61)), film }
  }

  it('shows each change on the very next request, whichever process made it', async () => {
    const { client, account, film, ratingId } = await ownerWithOneFilm()
    const path = `/users/${account.handle}`
    const first = await visitor().get(path)
    expect(await first.text()).toContain(score(61))
    const again = await visitor().get(path)
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'))

    await client.json('PATCH', `/api/v1/ratings/${ratingId}`, { score: 88 })
    expect(await (await visitor().get(path)).text()).toContain(score(88))

    const second = films.shift() as OfflineMovie
    await client.json('POST', '/api/v1/ratings', { movieId: second.id, score: 42 })
    expect(await (await visitor().get(path)).text()).toContain(score(42))

    await client.json('PATCH', '/api/v1/me', { displayName: 'Renamed Person' })
    expect(await (await visitor().get(path)).text()).toContain('Renamed Person')

    const fan = await signedUpClient(other)
    await fan.client.request(`/api/v1/me/following/${account.handle}`, { method: 'PUT' })
    const followed = await (await visitor().get(path)).text()
    expect(followed).toMatch(
      /profile-stat-value">1<\/span><span class="profile-stat-label">[^<]*ollower/,
    )

    await client.request(`/api/v1/ratings/${ratingId}`, { method: 'DELETE' })
    expect(await (await visitor().get(path)).text()).not.toContain(escaped(film.title))
  })

  it('shows a film refreshed with a new title on the lists of everyone who rated it', async () => {
    const { account, film } = await ownerWithOneFilm()
    const path = `/users/${account.handle}`
    expect(await (await visitor().get(path)).text()).toContain(escaped(film.title))
    const movies = new VersionedMovieRepository(database().db)
    const stored = await movies.find(film.id)
    if (!stored) throw new Error('the rated film is not stored')
    await movies.save({ ...stored, titles: { ja: null, en: 'A Retitled Film' } })
    expect(await (await visitor().get(path)).text()).toContain('A Retitled Film')
  })

  it('answers If-None-Match with 304 until the list changes', async () => {
    const { client, account, ratingId } = await ownerWithOneFilm()
    const path = `/users/${account.handle}?sort=score`
    const first = await visitor().get(path)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\//)
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const unchanged = await visitor().get(path, { 'if-none-match': etag })
    expect(unchanged.status).toBe(304)
    expect(await unchanged.text()).toBe('')

    await client.json('PATCH', `/api/v1/ratings/${ratingId}`, { score: 12 })
    const changed = await visitor().get(path, { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('answers from the cache with the headers of the rendered page and a request id of its own', async () => {
    const { account } = await ownerWithOneFilm()
    const path = `/users/${account.handle}?sort=release`
    const rendered = await visitor().get(path)
    const cached = await visitor().get(path, { 'x-request-id': 'cached-visit-1' })
    expect(cached.status).toBe(200)
    expect(await cached.text()).toBe(await rendered.text())
    for (const name of [
      'content-security-policy',
      'x-frame-options',
      'x-content-type-options',
      'referrer-policy',
      'content-type',
      'content-language',
      'vary',
      'etag',
    ]) {
      expect(cached.headers.get(name), name).toBe(rendered.headers.get(name))
    }
    expect(cached.headers.get('x-request-id')).toBe('cached-visit-1')
    expect(rendered.headers.get('x-request-id')).not.toBe('cached-visit-1')
  })

  it('answers a handle no account can have with the not-found page', async () => {
    for (const path of ['/users/%00', '/users/a%25b', `/users/${'x'.repeat(300)}`]) {
      const response = await visitor().get(path)
      expect(response.status, path).toBe(404)
    }
  })

  it('renders every time for a logged-in viewer, and per language for visitors', async () => {
    const { account } = await ownerWithOneFilm()
    const path = `/users/${account.handle}`
    const viewer = await signedUpClient(app)
    const page = await viewer.client.get(path)
    expect(page.headers.get('etag')).toBeNull()
    expect(await page.text()).toContain(`/users/${account.handle}/follow`)
    const japanese = await new TestClient(app, { 'accept-language': 'ja' }).get(path)
    expect(japanese.headers.get('content-language')).toBe('ja')
    expect(japanese.headers.get('etag')).not.toBe((await visitor().get(path)).headers.get('etag'))
  })

  it('compresses pages and large JSON, never tiny answers', async () => {
    const { account } = await ownerWithOneFilm()
    const gzip = { 'accept-encoding': 'gzip' }
    for (let i = 0; i < 2; i++) {
      const page = await visitor().get(`/users/${account.handle}`, gzip)
      expect(page.headers.get('content-encoding')).toBe('gzip')
      const html = gunzipSync(Buffer.from(await page.arrayBuffer())).toString()
      expect(html).toContain(`@${account.handle}`)
    }
    const brotli = await visitor().get('/users', { 'accept-encoding': 'br, gzip' })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('vary')).toMatch(/Accept-Encoding/)
    const small = await visitor().get(`/api/v1/users/${account.handle}`, gzip)
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(((await small.json()) as { handle: string }).handle).toBe(account.handle)
  })
})
