import { beforeAll, expect, it } from 'vitest'
import {
  createTestApp,
  newAccount,
  signedUpClient,
  type TestApp,
  TestClient,
} from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

describeEachDatabase('accounts API', (database) => {
  let app: TestApp

  beforeAll(() => {
    app = createTestApp(database().db, {
      LOGIN_LIMIT_PER_ACCOUNT: '3',
      LOGIN_LIMIT_PER_ADDRESS: '1000',
      SIGNUP_LIMIT_PER_ADDRESS: '1000',
    })
  })

  it('signs up, answers with the account and sets an HttpOnly session cookie', async () => {
    const client = new TestClient(app)
    const account = newAccount({ birthdate: '1990-04-01' })
    const response = await client.json('POST', '/api/v1/auth/signup', account)

    expect(response.status).toBe(201)
    const { user } = await response.json()
    expect(user).toMatchObject({
      handle: account.handle,
      displayName: account.displayName,
      email: account.email,
      birthdate: '1990-04-01',
      showAge: false,
      profileUrl: null,
    })
    expect(user).not.toHaveProperty('passwordHash')
    expect(user).not.toHaveProperty('age')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^session=[\w-]{43};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)

    const me = await client.get('/api/v1/me')
    expect(me.status).toBe(200)
    expect((await me.json()).user.handle).toBe(account.handle)
  })

  it('lists every bad field in a problem document', async () => {
    const response = await new TestClient(app).json('POST', '/api/v1/auth/signup', {
      handle: 'a b',
      email: 'not-an-email',
      password: 'short',
      displayName: '',
      birthdate: '2999-01-01',
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = await response.json()
    expect(problem.status).toBe(400)
    const fields = problem.errors.map((e: { field: string }) => e.field).sort()
    expect(fields).toEqual(['birthdate', 'displayName', 'email', 'handle', 'password'])
    for (const error of problem.errors) expect(error.message).toEqual(expect.any(String))
  })

  it('refuses a taken handle whatever its case, and a common password', async () => {
    const { account } = await signedUpClient(app)
    const again = newAccount({ handle: account.handle.toUpperCase() })
    const taken = await new TestClient(app).json('POST', '/api/v1/auth/signup', again)
    expect(taken.status).toBe(400)
    expect((await taken.json()).errors[0].field).toBe('handle')

    const common = newAccount({ password: 'password123' })
    const weak = await new TestClient(app).json('POST', '/api/v1/auth/signup', common)
    expect(weak.status).toBe(400)
    expect((await weak.json()).errors[0].field).toBe('password')
  })

  it('logs in by handle or email in any case and rotates the session id', async () => {
    const { client, account } = await signedUpClient(app)
    const before = [...client.cookies.values()][0]

    const byEmail = await client.json('POST', '/api/v1/auth/login', {
      login: account.email.toUpperCase(),
      password: account.password,
    })
    expect(byEmail.status).toBe(200)
    expect((await byEmail.json()).user.handle).toBe(account.handle)
    const after = [...client.cookies.values()][0]
    expect(after).not.toBe(before)

    const old = new TestClient(app)
    old.cookies.set('session', before ?? '')
    expect((await old.get('/api/v1/me')).status).toBe(401)

    const byHandle = await new TestClient(app).json('POST', '/api/v1/auth/login', {
      login: account.handle.toUpperCase(),
      password: account.password,
    })
    expect(byHandle.status).toBe(200)
  })

  it('answers an unknown login and a wrong password alike', async () => {
    const { account } = await signedUpClient(app)
    const client = new TestClient(app)
    const wrong = await client.json('POST', '/api/v1/auth/login', {
      login: account.handle,
      password: 'not the password',
    })
    const unknown = await client.json('POST', '/api/v1/auth/login', {
      login: 'nobody_here_at_all',
      password: 'not the password',
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const [a, b] = [await wrong.json(), await unknown.json()]
    expect(a.detail).toBe(b.detail)
    expect(a.type).toBe(b.type)
  })

  it('limits failed log-ins per account with 429 and Retry-After', async () => {
    const { account } = await signedUpClient(app)
    const attempt = () =>
      new TestClient(app).json('POST', '/api/v1/auth/login', {
        login: account.handle,
        password: 'wrong password',
      })
    for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401)
    const limited = await attempt()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Even the right password waits until the window has passed.
    const right = await new TestClient(app).json('POST', '/api/v1/auth/login', {
      login: account.handle,
      password: account.password,
    })
    expect(right.status).toBe(429)
  })

  it('logs out with 204 and the session no longer works', async () => {
    const { client } = await signedUpClient(app)
    const token = [...client.cookies.values()][0] ?? ''
    const response = await client.json('POST', '/api/v1/auth/logout')
    expect(response.status).toBe(204)
    const replay = new TestClient(app)
    replay.cookies.set('session', token)
    expect((await replay.get('/api/v1/me')).status).toBe(401)
  })

  it('needs a live session for /me', async () => {
    const response = await new TestClient(app).get('/api/v1/me')
    expect(response.status).toBe(401)
    expect((await response.json()).type).toMatch(/unauthorized/)
  })

  it('updates the profile, clears with null and refuses non-web URLs', async () => {
    const { client } = await signedUpClient(app)
    const changed = await client.json('PATCH', '/api/v1/me', {
      displayName: '  New Name  ',
      profileUrl: 'https://example.com/me',
      birthdate: '2000-01-01',
      showAge: true,
      locale: 'en',
    })
    expect(changed.status).toBe(200)
    const { user } = await changed.json()
    expect(user).toMatchObject({ displayName: 'New Name', profileUrl: 'https://example.com/me' })
    expect(user.age).toBeGreaterThanOrEqual(25)

    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'ftp://a.com']) {
      const refused = await client.json('PATCH', '/api/v1/me', { profileUrl: url })
      expect(refused.status).toBe(400)
      expect((await refused.json()).errors[0].field).toBe('profileUrl')
    }

    const cleared = await client.json('PATCH', '/api/v1/me', { profileUrl: null, birthdate: null })
    expect((await cleared.json()).user).toMatchObject({ profileUrl: null, birthdate: null })

    const unknown = await client.json('PATCH', '/api/v1/me', { handle: 'renamed' })
    expect(unknown.status).toBe(400)
  })

  it('changes the password and ends the other sessions', async () => {
    const { client, account } = await signedUpClient(app)
    const other = new TestClient(app)
    await other.json('POST', '/api/v1/auth/login', {
      login: account.handle,
      password: account.password,
    })
    expect((await other.get('/api/v1/me')).status).toBe(200)

    const wrong = await client.json('POST', '/api/v1/me/password', {
      currentPassword: 'not it',
      newPassword: 'another-fine-secret-7',
    })
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors[0].field).toBe('currentPassword')

    const changed = await client.json('POST', '/api/v1/me/password', {
      currentPassword: account.password,
      newPassword: 'another-fine-secret-7',
    })
    expect(changed.status).toBe(204)
    expect((await client.get('/api/v1/me')).status).toBe(200)
    expect((await other.get('/api/v1/me')).status).toBe(401)
  })

  it('deletes the account after checking the password', async () => {
    const { client, account } = await signedUpClient(app)
    const refused = await client.json('DELETE', '/api/v1/me', { password: 'wrong' })
    expect(refused.status).toBe(400)
    expect((await client.json('DELETE', '/api/v1/me', { password: account.password })).status).toBe(
      204,
    )
    const login = await new TestClient(app).json('POST', '/api/v1/auth/login', {
      login: account.handle,
      password: account.password,
    })
    expect(login.status).toBe(401)
  })

  it('refuses a write from another site that carries the session cookie', async () => {
    const { client } = await signedUpClient(app)
    const viaOrigin = await client.json(
      'PATCH',
      '/api/v1/me',
      { displayName: 'Hacked' },
      {
        origin: 'https://evil.example',
      },
    )
    expect(viaOrigin.status).toBe(403)
    const viaFetchSite = await client.json(
      'PATCH',
      '/api/v1/me',
      { displayName: 'Hacked' },
      {
        'sec-fetch-site': 'cross-site',
      },
    )
    expect(viaFetchSite.status).toBe(403)
    const sameOrigin = await client.json(
      'PATCH',
      '/api/v1/me',
      { displayName: 'Fine' },
      {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
      },
    )
    expect(sameOrigin.status).toBe(200)
  })

  it('answers malformed JSON, a huge body and an unknown route with problems', async () => {
    const client = new TestClient(app)
    const malformed = await client.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"login":',
    })
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/)

    const huge = await client.json('POST', '/api/v1/auth/login', {
      login: 'x',
      password: 'y'.repeat(70 * 1024),
    })
    expect(huge.status).toBe(413)

    const missing = await client.get('/api/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect((await missing.json()).status).toBe(404)
  })
})

describeEachDatabase('accounts limits and cookies', (database) => {
  it('limits sign-ups per address', async () => {
    const app = createTestApp(database().db, { SIGNUP_LIMIT_PER_ADDRESS: '2' })
    const statuses = []
    for (let i = 0; i < 3; i += 1) {
      const response = await new TestClient(app).json('POST', '/api/v1/auth/signup', newAccount())
      statuses.push(response.status)
    }
    expect(statuses).toEqual([201, 201, 429])
  })

  it('marks the cookie Secure and sends HSTS when the public URL is https', async () => {
    const app = createTestApp(database().db, { PUBLIC_URL: 'https://mymovie.example' })
    const response = await new TestClient(app).json('POST', '/api/v1/auth/signup', newAccount())
    expect(response.status).toBe(201)
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-session=.*Secure/)
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  })

  it('reports health without the database and readiness with it', async () => {
    const app = createTestApp(database().db)
    expect((await app.request('/healthz')).status).toBe(200)
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
  })
})
