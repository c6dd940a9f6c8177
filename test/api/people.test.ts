import { beforeAll, expect, it } from 'vitest'
import { createTestApp, signedUpClient, type TestApp, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

interface Person {
  handle: string
  displayName: string
  followerCount: number
  followingCount: number
  isFollowing?: boolean
  age?: number
}

describeEachDatabase('people API', (database) => {
  let app: TestApp

  beforeAll(() => {
    app = createTestApp(database().db, { SIGNUP_LIMIT_PER_ADDRESS: '1000' })
  })

  const person = async (client: TestClient, handle: string): Promise<Person> =>
    (await client.get(`/api/v1/users/${handle}`)).json()

  it('finds people by part of a name, ignoring case and width', async () => {
    const { account } = await signedUpClient(app, { displayName: 'Carol Danvers' })
    const visitor = new TestClient(app)
    for (const q of ['ＤＡＮＶ', 'danv', 'CAROL D', 'rol']) {
      const response = await visitor.get(`/api/v1/users?q=${encodeURIComponent(q)}`)
      expect(response.status).toBe(200)
      const { items } = await response.json()
      expect(items.map((p: Person) => p.handle)).toContain(account.handle)
    }
    const none = await (await visitor.get('/api/v1/users?q=zzzz_nobody')).json()
    expect(none).toEqual({ items: [], nextCursor: null })
    // Wildcards are plain characters in a query.
    const percent = await (await visitor.get('/api/v1/users?q=%25')).json()
    expect(percent.items).toEqual([])
  })

  it('ranks the exact handle first, then handle prefixes', async () => {
    const { account: exact } = await signedUpClient(app, { handle: 'rank_me', displayName: 'Zed' })
    const { account: prefix } = await signedUpClient(app, {
      handle: 'rank_me_too',
      displayName: 'Y',
    })
    const { account: inside } = await signedUpClient(app, {
      handle: 'xx_rank_me',
      displayName: 'X',
    })
    const { items } = await (await new TestClient(app).get('/api/v1/users?q=RANK_ME')).json()
    expect(items.map((p: Person) => p.handle)).toEqual([exact.handle, prefix.handle, inside.handle])
  })

  it('pages through everyone exactly once', async () => {
    for (let i = 0; i < 30; i += 1) await signedUpClient(app, { displayName: `Pager Person ${i}` })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const page = await (await new TestClient(app).get(`/api/v1/users?q=pager${query}`)).json()
      seen.push(...page.items.map((p: Person) => p.handle))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(30)
    expect(new Set(seen).size).toBe(30)
  })

  it('refuses a tampered cursor with a 400', async () => {
    const response = await new TestClient(app).get('/api/v1/users?cursor=not-a-cursor')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toMatch(/problem\+json/)
  })

  it('follows idempotently, moves both counts once, and unfollows', async () => {
    const { client: ann, account: annAccount } = await signedUpClient(app)
    const { account: bob } = await signedUpClient(app)
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await ann.request(`/api/v1/me/following/${bob.handle}`, { method: 'PUT' })).status,
      ).toBe(204)
    }
    expect(await person(ann, bob.handle)).toMatchObject({ followerCount: 1, isFollowing: true })
    expect(await person(ann, annAccount.handle)).toMatchObject({ followingCount: 1 })

    const followers = await (await ann.get(`/api/v1/users/${bob.handle}/followers`)).json()
    expect(followers.items.map((p: Person) => p.handle)).toEqual([annAccount.handle])
    const following = await (
      await new TestClient(app).get(`/api/v1/users/${annAccount.handle}/following`)
    ).json()
    expect(following.items[0]).toMatchObject({ handle: bob.handle })
    expect(following.items[0]).not.toHaveProperty('isFollowing')

    for (let i = 0; i < 2; i += 1) {
      const response = await ann.request(`/api/v1/me/following/${bob.handle.toUpperCase()}`, {
        method: 'DELETE',
      })
      expect(response.status).toBe(204)
    }
    expect(await person(ann, bob.handle)).toMatchObject({ followerCount: 0, isFollowing: false })
    expect(await person(ann, annAccount.handle)).toMatchObject({ followingCount: 0 })
  })

  it('refuses following oneself, an unknown handle, a visitor and another site', async () => {
    const { client, account } = await signedUpClient(app)
    const self = await client.request(`/api/v1/me/following/${account.handle}`, { method: 'PUT' })
    expect(self.status).toBe(400)
    const unknown = await client.request('/api/v1/me/following/no_such_person', { method: 'PUT' })
    expect(unknown.status).toBe(404)
    const visitor = await new TestClient(app).request(`/api/v1/me/following/${account.handle}`, {
      method: 'PUT',
    })
    expect(visitor.status).toBe(401)
    const { account: other } = await signedUpClient(app)
    const crossSite = await client.request(`/api/v1/me/following/${other.handle}`, {
      method: 'PUT',
      headers: { origin: 'https://evil.example' },
    })
    expect(crossSite.status).toBe(403)
  })

  it('shows the age only when the person chose to, and never the birthdate', async () => {
    const { client, account } = await signedUpClient(app, { birthdate: '1990-04-01' })
    const hidden = await person(new TestClient(app), account.handle)
    expect(hidden).not.toHaveProperty('age')
    expect(JSON.stringify(hidden)).not.toContain('1990')
    await client.json('PATCH', '/api/v1/me', { showAge: true })
    const shown = await person(new TestClient(app), account.handle)
    expect(shown.age).toBeGreaterThanOrEqual(36)
    expect(JSON.stringify(shown)).not.toContain('1990-04-01')
    expect((await new TestClient(app).get('/api/v1/users/no_such_person')).status).toBe(404)
  })

  it('corrects the follow counts of others when an account is deleted', async () => {
    const { client: ann, account: annAccount } = await signedUpClient(app)
    const { client: bob, account: bobAccount } = await signedUpClient(app)
    await ann.request(`/api/v1/me/following/${bobAccount.handle}`, { method: 'PUT' })
    await bob.request(`/api/v1/me/following/${annAccount.handle}`, { method: 'PUT' })
    await ann.json('DELETE', '/api/v1/me', { password: annAccount.password })
    expect(await person(bob, bobAccount.handle)).toMatchObject({
      followerCount: 0,
      followingCount: 0,
    })
  })
})

describeEachDatabase('people pages', (database) => {
  let app: TestApp

  beforeAll(() => {
    app = createTestApp(database().db, { SIGNUP_LIMIT_PER_ADDRESS: '1000' })
  })

  it('follows with a form that comes back, and shows the new state', async () => {
    const { client } = await signedUpClient(app)
    const { account: bob } = await signedUpClient(app, { displayName: 'Bob <b>Builder</b>' })
    const search = await (await client.get(`/users?q=${bob.handle}`)).text()
    expect(search).toContain('Bob &lt;b&gt;Builder&lt;/b&gt;')
    expect(search).toContain(`action="/users/${bob.handle}/follow"`)

    const followed = await client.form(`/users/${bob.handle}/follow`, {
      next: `/users?q=${bob.handle}`,
    })
    expect(followed.status).toBe(303)
    expect(followed.headers.get('location')).toBe(`/users?q=${bob.handle}`)
    const after = await (await client.get(`/users?q=${bob.handle}`)).text()
    expect(after).toContain(`action="/users/${bob.handle}/unfollow"`)
  })

  it('sends a visitor who wants to follow to log in first', async () => {
    const { account } = await signedUpClient(app)
    const visitor = new TestClient(app)
    const page = await (await visitor.get(`/users?q=${account.handle}`)).text()
    expect(page).toContain(`/login?next=${encodeURIComponent(`/users/${account.handle}`)}`)
    const posted = await visitor.form(`/users/${account.handle}/follow`, {})
    expect(posted.headers.get('location')).toMatch(/^\/login\?next=/)
  })

  it('lists followers with a link for the next page', async () => {
    const { account: star } = await signedUpClient(app, { displayName: 'Star' })
    for (let i = 0; i < 26; i += 1) {
      const { client } = await signedUpClient(app)
      await client.request(`/api/v1/me/following/${star.handle}`, { method: 'PUT' })
    }
    const first = await (await new TestClient(app).get(`/users/${star.handle}/followers`)).text()
    expect(first).toContain('26')
    const next = first.match(/href="(\/users\/[^"]+\/followers\?cursor=[^"]+)"/)?.[1]
    expect(next).toBeTruthy()
    const second = await new TestClient(app).get((next ?? '').replaceAll('&amp;', '&'))
    expect(second.status).toBe(200)
    expect((await new TestClient(app).get('/users/nobody_here/followers')).status).toBe(404)
  })
})
