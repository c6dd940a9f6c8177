import { beforeAll, expect, it } from 'vitest'
import { createTestApp, signedUpClient, type TestApp, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

// What people type comes back on many pages. Each payload goes in through every user
// text field (display name, profile link, search boxes) and is looked for on every
// page that shows it: it must come back escaped, never as markup.

export const xssCorpus = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</title><script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '" autofocus onfocus="alert(1)',
  "' onmouseover='alert(1)",
  '</textarea><script>alert(1)</script>',
  '<style>*{display:none}</style>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<ＳＣＲＩＰＴ>alert(1)</ＳＣＲＩＰＴ>',
  '{{constructor.constructor("alert(1)")()}}',
  '<!--<script>-->',
]

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

async function pageText(client: TestClient, path: string) {
  const response = await client.get(path)
  expect(response.status, path).toBe(200)
  return response.text()
}

function expectEscaped(page: string, payload: string, where: string) {
  expect(page, `${where} shows it raw`).not.toContain(payload)
  expect(page, `${where} does not show it`).toContain(escapeHtml(payload))
}

describeEachDatabase('cross-site scripting', (database) => {
  let app: TestApp
  let subject: Awaited<ReturnType<typeof signedUpClient>>
  let viewer: Awaited<ReturnType<typeof signedUpClient>>
  let movieId: string

  beforeAll(async () => {
    app = createTestApp(database().db)
    subject = await signedUpClient(app)
    viewer = await signedUpClient(app)
    await viewer.client.json('PUT', `/api/v1/me/following/${subject.account.handle}`)
    const found = await (await subject.client.get('/api/v1/movies/search?q=star')).json()
    movieId = String(found.items[0].id)
    const rated = await subject.client.json('POST', '/api/v1/ratings', { movieId, score: 77 })
    expect(rated.status).toBe(201)
  })

  it('escapes a display name on every page that shows it', async () => {
    const { handle } = subject.account
    for (const payload of xssCorpus) {
      const changed = await subject.client.json('PATCH', '/api/v1/me', { displayName: payload })
      expect(changed.status, payload).toBe(200)
      const pages = {
        settings: [subject.client, '/settings'],
        'people search': [viewer.client, `/users?q=${handle}`],
        profile: [viewer.client, `/users/${handle}`],
        'following list': [viewer.client, `/users/${viewer.account.handle}/following`],
        'film raters': [viewer.client, `/movies/${movieId}`],
      } as const
      for (const [where, [client, path]] of Object.entries(pages)) {
        expectEscaped(await pageText(client, path), payload, where)
      }
      // The home page may or may not show the people one follows; never raw.
      expect(await pageText(viewer.client, '/')).not.toContain(payload)
    }
  })

  it('escapes a profile link in its attribute', async () => {
    for (const tail of [
      '"><script>alert(1)</script>',
      "' onclick='alert(1)",
      '"onmouseover="alert(1)',
    ]) {
      const profileUrl = `https://example.com/?q=${tail}`
      const changed = await subject.client.json('PATCH', '/api/v1/me', { profileUrl })
      expect(changed.status, profileUrl).toBe(200)
      const profile = await pageText(new TestClient(app), `/users/${subject.account.handle}`)
      expectEscaped(profile, profileUrl, 'profile')
      expect(profile).toMatch(/rel="nofollow ugc noopener"/)
      expectEscaped(await pageText(subject.client, '/settings'), profileUrl, 'settings')
    }
  })

  it('escapes search queries echoed on the search pages', async () => {
    for (const payload of xssCorpus) {
      const q = encodeURIComponent(payload)
      expectEscaped(await pageText(viewer.client, `/users?q=${q}`), payload, 'people search')
      expectEscaped(await pageText(viewer.client, `/movies/search?q=${q}`), payload, 'film search')
    }
  })

  it('answers the API with JSON that no browser renders as a page', async () => {
    const response = await viewer.client.get(`/api/v1/users/${subject.account.handle}`)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
