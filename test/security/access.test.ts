import { beforeAll, describe, expect, it } from 'vitest'
import { safeNext } from '../../src/http/render.js'
import { createTestApp, signedUpClient, type TestApp, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

// Who may change what, from where, and where a form may send one afterwards. The API
// variants of log-in rotation, log-out and password change are in
// test/api/accounts.test.ts; these add the forms, every write route and the corpora.

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Every write route the app has, with its parameters filled in. */
function writeRoutes(app: TestApp, params: Record<string, string>) {
  const routes = app.routes
    .filter((route) => writeMethods.has(route.method))
    .map((route) => ({
      method: route.method,
      path: route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? 'x'),
      pattern: route.path,
    }))
  return [...new Map(routes.map((r) => [`${r.method} ${r.pattern}`, r])).values()]
}

const offSiteNext = [
  'https://evil.example/',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/..//evil.example',
  '/%2e%2e//evil.example',
  '/./\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  'javascript:alert(1)',
  ' //evil.example',
  'http:evil.example',
]

/** A Location that a browser resolves on this site. */
function isOnSite(location: string | null) {
  if (location === null) return true
  const resolved = new URL(location, 'http://localhost/some/page')
  return resolved.origin === 'http://localhost'
}

describe('safeNext', () => {
  it('keeps own paths and sends everything else home', () => {
    expect(safeNext('/users/ann?sort=score')).toBe('/users/ann?sort=score')
    for (const next of offSiteNext) {
      const kept = safeNext(next)
      expect(isOnSite(kept), next).toBe(true)
      // And stays on this site when a later step normalises it as a URL.
      const normalised = new URL(kept, 'http://localhost')
      expect(isOnSite(normalised.pathname), next).toBe(true)
    }
  })
})

describeEachDatabase('access', (database) => {
  let app: TestApp
  let owner: Awaited<ReturnType<typeof signedUpClient>>
  let other: Awaited<ReturnType<typeof signedUpClient>>
  let ratingId: string
  let movieId: string

  beforeAll(async () => {
    app = createTestApp(database().db)
    owner = await signedUpClient(app)
    other = await signedUpClient(app)
    const found = await (await owner.client.get('/api/v1/movies/search?q=night')).json()
    movieId = String(found.items[0].id)
    const rated = await owner.client.json('POST', '/api/v1/ratings', { movieId, score: 64 })
    ratingId = (await rated.json()).id
  })

  const ownerRating = async () =>
    (await owner.client.get(`/api/v1/movies/${movieId}`)).json() as Promise<{
      myRating: { id: string; score: number } | null
    }>

  it('refuses a cross-site write on every write route, API and forms', async () => {
    const routes = writeRoutes(app, { handle: other.account.handle, id: ratingId })
    expect(routes.length).toBeGreaterThanOrEqual(20)
    const crossSiteHeaders: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const crossSite of crossSiteHeaders) {
      for (const route of routes) {
        const response = await owner.client.request(route.path, {
          method: route.method,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...crossSite },
          body: new URLSearchParams({
            score: '1',
            confirmed: 'yes',
            password: owner.account.password,
          }).toString(),
        })
        expect(response.status, `${route.method} ${route.path}`).toBe(403)
      }
    }
    expect((await ownerRating()).myRating).toMatchObject({ id: ratingId, score: 64 })
    expect((await owner.client.get('/api/v1/me')).status).toBe(200)
  })

  it('refuses to let anyone change or delete another person’s rating', async () => {
    const routes = writeRoutes(app, { id: ratingId }).filter((r) =>
      r.pattern.includes('/ratings/:id'),
    )
    expect(routes.length).toBeGreaterThanOrEqual(4)
    for (const route of routes) {
      const isApi = route.path.startsWith('/api/')
      const response = isApi
        ? await other.client.json(route.method, route.path, { score: 1 })
        : await other.client.form(route.path, { score: '1', confirmed: 'yes' })
      expect(response.status, `${route.method} ${route.path}`).toBe(404)
    }
    expect((await other.client.get(`/ratings/${ratingId}/edit`)).status).toBe(404)
    expect((await ownerRating()).myRating).toMatchObject({ id: ratingId, score: 64 })
  })

  it('never takes the rater from the request', async () => {
    const forged = await other.client.json('POST', '/api/v1/ratings', {
      movieId,
      score: 1,
      userId: 'someone-else',
    })
    expect(forged.status).toBe(400)
  })

  it('refuses javascript:, data: and vbscript: profile links in any spelling', async () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'javascript://example.com/%0Aalert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example',
      'https:evil',
    ]
    for (const profileUrl of bad) {
      const api = await owner.client.json('PATCH', '/api/v1/me', { profileUrl })
      expect(api.status, profileUrl).toBe(400)
      const form = await owner.client.form('/settings/profile', {
        displayName: 'Owner',
        profileUrl,
        birthdate: '',
        locale: '',
      })
      expect(form.status, profileUrl).toBe(400)
    }
    const me = await (await owner.client.get('/api/v1/me')).json()
    expect(me.user.profileUrl ?? null).toBeNull()
  })

  it('redirects only to paths on this site after a form', async () => {
    const visitor = await signedUpClient(app)
    for (const next of offSiteNext) {
      const encoded = encodeURIComponent(next)
      const responses = [
        await visitor.client.get(`/login?next=${encoded}`),
        await visitor.client.form(`/users/${owner.account.handle}/follow`, { next }),
        await visitor.client.form(`/users/${owner.account.handle}/unfollow`, { next }),
        await owner.client.form(`/ratings/${ratingId}`, { score: '64', next }),
        await owner.client.form(`/ratings/${ratingId}/delete`, { next }),
      ]
      for (const response of responses) {
        expect(
          isOnSite(response.headers.get('location')),
          `${next} → ${response.headers.get('location')}`,
        ).toBe(true)
      }
    }
  })

  it('gives a new session id at log-in through the form, whatever cookie came before', async () => {
    const fixated = `session=${'a'.repeat(43)}`
    const client = new TestClient(app, { cookie: fixated })
    const login = await client.form('/login', {
      login: owner.account.handle,
      password: owner.account.password,
    })
    expect(login.status).toBe(303)
    const issued = client.cookies.get('session')
    expect(issued).toBeDefined()
    expect(issued).not.toBe('a'.repeat(43))

    const before = new TestClient(app)
    before.cookies.set('session', issued ?? '')
    const again = await before.form('/login', {
      login: owner.account.handle,
      password: owner.account.password,
    })
    expect(again.status).toBe(303)
    expect(before.cookies.get('session')).not.toBe(issued)
    const stale = new TestClient(app)
    stale.cookies.set('session', issued ?? '')
    expect((await stale.get('/api/v1/me')).status).toBe(401)
  })

  it('kills a session at log-out through the form', async () => {
    const { client } = await signedUpClient(app)
    const token = client.cookies.get('session') ?? ''
    expect((await client.form('/logout', {})).status).toBe(303)
    const replay = new TestClient(app)
    replay.cookies.set('session', token)
    expect((await replay.get('/api/v1/me')).status).toBe(401)
    expect((await replay.get('/settings')).status).toBe(303)
    expect((await replay.json('PATCH', '/api/v1/me', { displayName: 'Ghost' })).status).toBe(401)
  })

  it('ends the other sessions when the password changes through the form', async () => {
    const { client, account } = await signedUpClient(app)
    const elsewhere = new TestClient(app)
    await elsewhere.json('POST', '/api/v1/auth/login', {
      login: account.handle,
      password: account.password,
    })
    expect((await elsewhere.get('/api/v1/me')).status).toBe(200)
    const changed = await client.form('/settings/password', {
      currentPassword: account.password,
      newPassword: 'a-brand-new-secret-91',
    })
    expect(changed.status).toBe(303)
    expect((await client.get('/api/v1/me')).status).toBe(200)
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401)
  })
})
