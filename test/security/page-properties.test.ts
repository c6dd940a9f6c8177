import fc from 'fast-check'
import { beforeAll, expect, it } from 'vitest'
import { SessionStore } from '../../src/accounts/sessions.js'
import { createTestApp, generousLimits, signedUpClient, type TestApp } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

// The pages get the same treatment as the API: every page and form route the app has
// (read from its router, so new ones are covered) with arbitrary path parameters,
// query strings and form fields, logged in or not. Never a 5xx.

const fieldNames = [
  'displayName',
  'profileUrl',
  'birthdate',
  'showAge',
  'locale',
  'currentPassword',
  'newPassword',
  'password',
  'login',
  'handle',
  'email',
  'score',
  'movieId',
  'confirmed',
  'next',
  'q',
  'cursor',
  'sort',
  'order',
  'page',
  'lang',
]

const nasty = ['%', '%ZZ', '%00', '..', '\u0000', '\ud800', '-1', '1e309', 'x'.repeat(3000), '😀']
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...nasty))
const field = fc.oneof(fc.constantFrom(...fieldNames), fc.string())

function encode(raw: string) {
  try {
    return encodeURIComponent(raw)
  } catch {
    return '%ED%A0%80'
  }
}

const pairs = fc.array(fc.tuple(field, text), { maxLength: 5 })
const query = fc.oneof(
  pairs.map((list) => list.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  fc.constantFrom('q=%', 'cursor=%ZZ', 'sort=a&sort=b', 'page=-1', 'next=//evil.example'),
)

describeEachDatabase('pages under arbitrary input', (database) => {
  let app: TestApp
  let routes: { method: string; path: string }[]
  let known: string[]
  let sessionCookie: () => Promise<string>

  beforeAll(async () => {
    app = createTestApp(database().db, generousLimits)
    const pages = app.routes.filter(
      (route) =>
        (route.method === 'GET' || route.method === 'POST') &&
        !route.path.startsWith('/api/') &&
        !route.path.includes('*'),
    )
    routes = [...new Map(pages.map((r) => [`${r.method} ${r.path}`, r])).values()]
    const { client, account } = await signedUpClient(app)
    const found = await (await client.get('/api/v1/movies/search?q=the')).json()
    const movieId = String(found.items?.[0]?.id ?? 'vega-0000000000')
    const rated = await client.json('POST', '/api/v1/ratings', { movieId, score: 50 })
    known = [account.handle, movieId, rated.status === 201 ? (await rated.json()).id : 'x']
    const user = await database()
      .db.selectFrom('users')
      .select('id')
      .where('handle', '=', account.handle)
      .executeTakeFirstOrThrow()
    const sessions = new SessionStore(database().db, 1)
    sessionCookie = async () => `session=${(await sessions.create(user.id, Date.now())).token}`
  })

  it('finds the page and form routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15)
  })

  it('never answers 5xx', async () => {
    const param = fc.oneof(
      text.map(encode),
      fc.constantFrom(...nasty.slice(0, 4)),
      fc.constantFrom(...known),
    )
    const request = fc.record({
      route: fc.constantFrom(...routes),
      params: fc.array(param, { minLength: 3, maxLength: 3 }),
      query,
      form: pairs,
      isLoggedIn: fc.boolean(),
      isForm: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        let index = 0
        const path = input.route.path.replace(/:\w+/g, () => input.params[index++] || 'x')
        const headers = new Headers()
        if (input.isLoggedIn) headers.set('cookie', await sessionCookie())
        let body: string | undefined
        if (input.route.method === 'POST') {
          headers.set(
            'content-type',
            input.isForm ? 'application/x-www-form-urlencoded' : 'text/plain',
          )
          body = input.form.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')
        }
        const url = `http://localhost${path}${input.query ? `?${input.query}` : ''}`
        const response = await app.request(url, { method: input.route.method, headers, body })
        await response.arrayBuffer()
        expect(
          response.status,
          `${input.route.method} ${url} ${JSON.stringify(body)} → ${response.status}`,
        ).toBeLessThan(500)
      }),
      { numRuns: 300 },
    )
  }, 60_000)
})
