import type { KyselyPlugin } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { UserRepository } from '../../src/accounts/users.js'
import { FeedRepository } from '../../src/feed/repository.js'
import { PeopleRepository } from '../../src/people/repository.js'
import { RatingRepository } from '../../src/ratings/repository.js'
import { createTestApp, signedUpClient, type TestApp, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'
import { saveMovie, savePerson } from '../support/ratings.js'

interface FeedJson {
  items: { id: string; score: number; user: { handle: string }; movie: { title: string } }[]
  nextCursor: string | null
}

describeEachDatabase('home feed', (database, dialect) => {
  let app: TestApp

  beforeAll(() => {
    app = createTestApp(database().db, { SIGNUP_LIMIT_PER_ADDRESS: '1000' })
  })

  async function person(displayName: string) {
    const signed = await signedUpClient(app, { displayName })
    const user = await new UserRepository(database().db).findByHandle(signed.account.handle)
    if (!user) throw new Error('the person was not stored')
    return { ...signed, id: user.id }
  }

  async function rate(userId: string, title: string, score: number, at: number) {
    const movie = await saveMovie(database().db, { titles: { ja: null, en: title } })
    return new RatingRepository(database().db).insert(userId, movie, score, at)
  }

  async function readAll(client: TestClient) {
    const seen: FeedJson['items'] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `?cursor=${cursor}` : ''
      const page: FeedJson = await (await client.get(`/api/v1/me/feed${query}`)).json()
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return seen
  }

  it('shows what followed people rated, newest first, and nothing of anyone else', async () => {
    const reader = await person('Reader')
    const ann = await person('Ann')
    const bob = await person('Bob')
    const stranger = await person('Stranger')
    await reader.client.request(`/api/v1/me/following/${ann.account.handle}`, { method: 'PUT' })
    await reader.client.request(`/api/v1/me/following/${bob.account.handle}`, { method: 'PUT' })
    await rate(ann.id, 'Old Ann Film', 70, 1_000)
    await rate(bob.id, 'Bob Film', 91, 2_000)
    await rate(stranger.id, 'Stranger Film', 10, 3_000)
    await rate(ann.id, 'New Ann Film', 55, 4_000)

    const feed: FeedJson = await (await reader.client.get('/api/v1/me/feed')).json()
    expect(feed.items.map((item) => item.movie.title)).toEqual([
      'New Ann Film',
      'Bob Film',
      'Old Ann Film',
    ])
    expect(feed.items[1]).toMatchObject({ score: 91, user: { handle: bob.account.handle } })
    expect(feed.nextCursor).toBeNull()

    const home = await (await reader.client.get('/')).text()
    expect(home).toContain('New Ann Film')
    expect(home).not.toContain('Stranger Film')
  })

  it('pages through every followed rating exactly once, even as new ones arrive', async () => {
    const reader = await person('Pager')
    const followees = [await person('P1'), await person('P2'), await person('P3')]
    for (const followee of followees) {
      await reader.client.request(`/api/v1/me/following/${followee.account.handle}`, {
        method: 'PUT',
      })
    }
    // Interleaved in time, with ties on the same millisecond.
    let expected = 0
    for (let i = 0; i < 45; i += 1) {
      const followee = followees[i % 3]
      if (!followee) continue
      await rate(followee.id, `Paged ${i}`, i, 10_000 + Math.floor(i / 2))
      expected += 1
    }
    const first: FeedJson = await (await reader.client.get('/api/v1/me/feed')).json()
    expect(first.items).toHaveLength(20)
    const top = followees[0]
    if (top) await rate(top.id, 'Arrived later', 99, 99_999)

    let cursor = first.nextCursor
    const seen = [...first.items]
    while (cursor) {
      const page: FeedJson = await (
        await reader.client.get(`/api/v1/me/feed?cursor=${cursor}`)
      ).json()
      seen.push(...page.items)
      cursor = page.nextCursor
    }
    const titles = seen.map((item) => item.movie.title)
    expect(titles).toHaveLength(expected)
    expect(new Set(titles).size).toBe(expected)
    expect(titles).not.toContain('Arrived later')
    expect((await readAll(reader.client))[0]?.movie.title).toBe('Arrived later')
  })

  it('walks far down a long list of followees and leaves out no one', async () => {
    const reader = await person('Walker')
    const people = new PeopleRepository(database().db)
    const expected: { title: string; at: number }[] = []
    // 130 followees: more than one chunk of them, more than one batch of ranges. The
    // busiest rated long ago; everyone else once, at times that fall between.
    const busy = await savePerson(database().db, 'Busy')
    await people.follow(reader.id, busy.id, 1)
    for (let i = 0; i < 30; i += 1) {
      await rate(busy.id, `Busy ${i}`, 50, 1_000 + i)
      expected.push({ title: `Busy ${i}`, at: 1_000 + i })
    }
    for (let i = 0; i < 129; i += 1) {
      const followee = await savePerson(database().db, `Once ${i}`)
      await people.follow(reader.id, followee.id, 1)
      const at = 500 + ((i * 37) % 129) * 10
      await rate(followee.id, `Once ${i}`, 60, at)
      expected.push({ title: `Once ${i}`, at })
    }
    const titles = (await readAll(reader.client)).map((item) => item.movie.title)
    expected.sort((a, b) => b.at - a.at)
    expect(titles).toHaveLength(expected.length)
    expect(new Set(titles).size).toBe(expected.length)
    const times = new Map(expected.map((entry) => [entry.title, entry.at]))
    const shown = titles.map((title) => times.get(title) ?? -1)
    expect(shown).toEqual([...shown].sort((a, b) => b - a))
  })

  it('finds followees by walking everyone for one who follows nearly everyone', async () => {
    const { db } = database()
    const people = new PeopleRepository(db)
    const raters = []
    for (let i = 0; i < 25; i += 1) raters.push(await savePerson(db, `Rater ${i}`))
    const others = await db.selectFrom('users').select('id').execute()
    const dense = await savePerson(db, 'Follows everyone')
    const sparse = await savePerson(db, 'Follows two')
    for (const other of others) await people.follow(dense.id, other.id, 1)
    const rated: { userId: string; title: string }[] = []
    for (const [i, rater] of raters.entries()) {
      await rate(rater.id, `Walked ${i}`, 50, 9_000_000 + i)
      rated.push({ userId: rater.id, title: `Walked ${i}` })
    }
    const followedBySparse = [raters[3]?.id ?? '', raters[7]?.id ?? '']
    for (const id of followedBySparse) await people.follow(sparse.id, id, 1)

    // Which way the followees were read: the walk asks whether each person is followed.
    let walks = 0
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        if (JSON.stringify(args.node).includes('"exists"')) walks += 1
        return args.node
      },
      transformResult: async (args) => args.result,
    }
    const feed = new FeedRepository(db.withPlugin(counter))
    const newestFirst = (entries: typeof rated) => entries.map((entry) => entry.title).reverse()

    const denseItems = await feed.page(dense.id, null, 21)
    expect(denseItems.map((item) => item.movie.titles.en)).toEqual(newestFirst(rated).slice(0, 21))
    // SQLite's plan follows the query's form, so the form is chosen; PostgreSQL chooses.
    expect(walks > 0).toBe(dialect === 'sqlite')

    walks = 0
    const sparseItems = await feed.page(sparse.id, null, 21)
    expect(sparseItems.map((item) => item.movie.titles.en)).toEqual(
      newestFirst(rated.filter((entry) => followedBySparse.includes(entry.userId))),
    )
    expect(walks).toBe(0)
  })

  it('invites someone who follows no one to find people', async () => {
    const loner = await person('Loner')
    expect(await (await loner.client.get('/api/v1/me/feed')).json()).toEqual({
      items: [],
      nextCursor: null,
    })
    const home = await (await loner.client.get('/')).text()
    expect(home).toMatch(/href="\/users"/)
  })

  it('needs a session and a sound cursor', async () => {
    expect((await new TestClient(app).get('/api/v1/me/feed')).status).toBe(401)
    const reader = await person('Cursor')
    expect((await reader.client.get('/api/v1/me/feed?cursor=abc')).status).toBe(400)
  })
})
