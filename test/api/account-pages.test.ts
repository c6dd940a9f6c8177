import { beforeAll, expect, it } from 'vitest'
import {
  createTestApp,
  newAccount,
  signedUpClient,
  type TestApp,
  TestClient,
} from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

describeEachDatabase('account pages', (database) => {
  let app: TestApp

  beforeAll(() => {
    app = createTestApp(database().db)
  })

  it('shows the sign-up form again with each message beside its field', async () => {
    const client = new TestClient(app, { 'accept-language': 'en' })
    const response = await client.form('/signup', {
      handle: 'no spaces',
      displayName: 'Ann',
      email: 'ann@example.com',
      password: 'short',
      birthdate: '',
    })
    expect(response.status).toBe(400)
    const page = await response.text()
    expect(page).toMatch(/id="handle"[^>]*aria-invalid="true"/)
    expect(page).toMatch(/id="handle-error">Use 3–20 letters/)
    expect(page).toMatch(/id="password-error">Use at least 8 characters/)
    expect(page).not.toMatch(/id="birthdate-error"/)
    // What was typed is kept, except the password.
    expect(page).toMatch(/name="displayName"[^>]*value="Ann"/)
    expect(page).not.toMatch(/value="short"/)
  })

  it('signs up through the form, lands home logged in, and logs out', async () => {
    const client = new TestClient(app, { 'accept-language': 'en' })
    const account = newAccount()
    const response = await client.form('/signup', { ...account, birthdate: '' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/')
    const home = await (await client.get('/')).text()
    expect(home).toContain(`@${account.handle}`)

    const out = await client.form('/logout', {})
    expect(out.status).toBe(303)
    expect(await (await client.get('/')).text()).not.toContain(`@${account.handle}`)
  })

  it('escapes what people write wherever it is shown', async () => {
    const name = '<script>alert(1)</script>"&'
    const { client } = await signedUpClient(app, { displayName: name })
    const page = await (await client.get('/settings')).text()
    expect(page).not.toContain('<script>alert(1)</script>')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;')
  })

  it('sends a logged-out visitor from settings to log in and back', async () => {
    const client = new TestClient(app)
    const settings = await client.get('/settings')
    expect(settings.status).toBe(303)
    expect(settings.headers.get('location')).toBe('/login?next=%2Fsettings')

    const { account } = await signedUpClient(app)
    const login = await client.form('/login?next=%2Fsettings', {
      login: account.handle,
      password: account.password,
    })
    expect(login.headers.get('location')).toBe('/settings')
  })

  it('only redirects to paths on this site after log-in', async () => {
    const { account } = await signedUpClient(app)
    for (const next of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:x',
    ]) {
      const response = await new TestClient(app).form(`/login?next=${encodeURIComponent(next)}`, {
        login: account.handle,
        password: account.password,
      })
      expect(response.headers.get('location')).toBe('/')
    }
  })

  it('shows a failed log-in with a message and a 401', async () => {
    const client = new TestClient(app, { 'accept-language': 'ja' })
    const response = await client.form('/login', { login: 'nobody_at_all', password: 'x' })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain('パスワードが正しくありません')
  })

  it('saves settings and shows them, refusing a javascript: URL', async () => {
    const { client } = await signedUpClient(app)
    const bad = await client.form('/settings/profile', {
      displayName: 'Ann',
      profileUrl: 'javascript:alert(1)',
      birthdate: '',
      locale: '',
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/id="profileUrl-error"/)

    const good = await client.form('/settings/profile', {
      displayName: 'Ann Lee',
      profileUrl: 'https://ann.example',
      birthdate: '1991-02-03',
      showAge: 'on',
      locale: 'en',
    })
    expect(good.status).toBe(303)
    const page = await (await client.get(good.headers.get('location') ?? '')).text()
    expect(page).toContain('Your changes were saved.')
    expect(page).toMatch(/name="displayName"[^>]*value="Ann Lee"/)
    expect(page).toMatch(/id="showAge" name="showAge" checked/)
  })

  it('switches language with the switcher and remembers it', async () => {
    const client = new TestClient(app, { 'accept-language': 'ja' })
    expect(await (await client.get('/login')).text()).toContain('<html lang="ja"')
    const switched = await client.form('/language', { locale: 'en', next: '/login' })
    expect(switched.headers.get('location')).toBe('/login')
    expect(await (await client.get('/login')).text()).toContain('<html lang="en"')
  })

  it('answers an unknown page with a 404 page in the visitor’s language', async () => {
    const response = await new TestClient(app, { 'accept-language': 'en' }).get('/no/such/page')
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('Page not found')
  })

  it('sends a strict Content-Security-Policy with no inline script', async () => {
    const response = await new TestClient(app).get('/')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBeTruthy()
    expect(await response.text()).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
  })
})
