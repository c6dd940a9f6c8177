import { beforeAll, describe, expect, it } from 'vitest'
import type { OfflineMovie } from '../../src/movies/vega-import.js'
import {
  createTestApp,
  generousLimits,
  signedUpClient,
  type TestApp,
  TestClient,
} from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'
import { offlineFilms } from '../support/ratings.js'

interface RatingJson {
  id: string
  score: number
  createdAt: string
  updatedAt: string
  movie: { id: string; title: string; releaseDate: string | null }
  user: { handle: string; displayName: string }
}

describeEachDatabase('ratings API', (database) => {
  let app: TestApp
  let films: OfflineMovie[]
  let nextFilm = 0
  /** A film no other test in this file has rated. */
  const freshFilm = () => {
    const film = films[nextFilm]
    nextFilm += 1
    if (!film) throw new Error('out of test films')
    return film
  }

  beforeAll(async () => {
    app = createTestApp(database().db, generousLimits)
    films = await offlineFilms(200)
  })

  async function rate(client: TestClient, movieId: string, score: unknown) {
    return client.json('POST', '/api/v1/ratings', { movieId, score })
  }

  async function filmPage(client: TestClient, movieId: string) {
    const response = await client.get(`/api/v1/movies/${movieId}`)
    expect(response.status).toBe(200)
    return response.json()
  }

  async function listOf(client: TestClient, handle: string, query = '') {
    const response = await client.get(`/api/v1/users/${handle}/ratings${query}`)
    expect(response.status, await response.clone().text()).toBe(200)
    return (await response.json()) as { items: RatingJson[]; nextCursor: string | null }
  }

  /** Follows `nextCursor` to the end, as a client would. */
  async function readWholeList(client: TestClient, handle: string, query: string) {
    const items: RatingJson[] = []
    let cursor: string | null = null
    for (let pages = 0; pages < 100; pages += 1) {
      const suffix = cursor ? `&cursor=${cursor}` : ''
      const page = await listOf(client, handle, `?${query}${suffix}`)
      items.push(...page.items)
      cursor = page.nextCursor
      if (!cursor) return items
    }
    throw new Error('the list never ended')
  }

  it('rates a film at the server’s time and answers 201 with the rating', async () => {
    const { client, account } = await signedUpClient(app)
    const film = freshFilm()
    const before = Date.now()
    const response = await rate(client, film.id, 87)
    const after = Date.now()

    expect(response.status).toBe(201)
    const rating = (await response.json()) as RatingJson
    expect(rating).toMatchObject({
      score: 87,
      movie: { id: film.id, title: film.title, releaseDate: film.releaseDate },
      user: { handle: account.handle, displayName: account.displayName },
    })
    expect(rating.id).toMatch(/^[\w-]{16}$/)
    expect(Date.parse(rating.createdAt)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(rating.createdAt)).toBeLessThanOrEqual(after)
    expect(rating.updatedAt).toBe(rating.createdAt)
    expect(Object.keys(rating.movie).sort()).toEqual(
      ['id', 'originalTitle', 'overview', 'posterUrl', 'releaseDate', 'title'].sort(),
    )

    const page = await filmPage(client, film.id)
    expect(page.stats).toEqual({ average: 87, count: 1 })
    expect(page.myRating).toMatchObject({ id: rating.id, score: 87 })
    const anonymous = await filmPage(new TestClient(app), film.id)
    expect(anonymous.myRating).toBeNull()

    const person = await (await client.get(`/api/v1/users/${account.handle}`)).json()
    expect(person.ratingCount ?? person.user?.ratingCount).toBe(1)
  })

  it('answers 409 with the existing rating’s id for a second rating of one film', async () => {
    const { client } = await signedUpClient(app)
    const film = freshFilm()
    const first = (await (await rate(client, film.id, 60)).json()) as RatingJson

    const again = await rate(client, film.id, 99)
    expect(again.status).toBe(409)
    expect(again.headers.get('content-type')).toMatch(/problem\+json/)
    expect((await again.json()).ratingId).toBe(first.id)
    expect((await filmPage(client, film.id)).stats).toEqual({ average: 60, count: 1 })
  })

  it('keeps one rating and exact counts when the same person rates at once from many tabs', async () => {
    const { client, account } = await signedUpClient(app)
    const film = freshFilm()
    const others = [freshFilm(), freshFilm(), freshFilm()]
    const responses = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => rate(client, film.id, 50 + i)),
      ...others.map((other) => rate(client, other.id, 10)),
    ])
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(4)
    expect(statuses.filter((status) => status === 409)).toHaveLength(4)
    const created = await Promise.all(
      responses.slice(0, 5).map(async (response) => response.json()),
    )
    const winner = created.find((body) => body.score !== undefined)
    for (const body of created) expect(body.id ?? body.ratingId).toBe(winner.id)

    expect((await filmPage(client, film.id)).stats).toEqual({ average: winner.score, count: 1 })
    const person = await (await client.get(`/api/v1/users/${account.handle}`)).json()
    expect(person.ratingCount).toBe(4)
  })

  it('refuses every bad score, an unknown film and a body that names a person', async () => {
    const { client } = await signedUpClient(app)
    const film = freshFilm()
    for (const score of [-1, 101, 87.5, '87', null, 'high', true]) {
      const response = await rate(client, film.id, score)
      expect(response.status, `score ${JSON.stringify(score)}`).toBe(400)
      const problem = await response.json()
      expect(problem.errors).toEqual([{ field: 'score', message: expect.any(String) }])
    }
    const missing = await client.json('POST', '/api/v1/ratings', { movieId: film.id })
    expect((await missing.json()).errors[0].field).toBe('score')

    for (const movieId of ['vega-0000000000', 'tmdb-abc', 'not a film', '', 'x'.repeat(100)]) {
      const response = await rate(client, movieId, 50)
      expect(response.status, movieId).toBe(400)
      expect((await response.json()).errors[0].field).toBe('movieId')
    }

    const spoof = await client.json('POST', '/api/v1/ratings', {
      movieId: film.id,
      score: 50,
      userId: 'someone-else',
    })
    expect(spoof.status).toBe(400)
    expect((await filmPage(client, film.id)).stats.count).toBe(0)
  })

  it('needs a session and a same-site request to write', async () => {
    const film = freshFilm()
    const anonymous = await rate(new TestClient(app), film.id, 50)
    expect(anonymous.status).toBe(401)
    const { client } = await signedUpClient(app)
    const crossSite = await client.json(
      'POST',
      '/api/v1/ratings',
      { movieId: film.id, score: 50 },
      { origin: 'https://evil.example' },
    )
    expect(crossSite.status).toBe(403)
  })

  it('lets the owner re-score and delete, and answers 404 to anyone else', async () => {
    const owner = await signedUpClient(app)
    const other = await signedUpClient(app)
    const film = freshFilm()
    const rating = (await (await rate(owner.client, film.id, 70)).json()) as RatingJson
    await rate(other.client, film.id, 40)
    const path = `/api/v1/ratings/${rating.id}`

    expect((await other.client.json('PATCH', path, { score: 1 })).status).toBe(404)
    expect((await other.client.json('DELETE', path)).status).toBe(404)
    expect((await new TestClient(app).json('PATCH', path, { score: 1 })).status).toBe(401)
    expect((await filmPage(owner.client, film.id)).stats).toEqual({ average: 55, count: 2 })

    const bad = await owner.client.json('PATCH', path, { score: 100.5 })
    expect(bad.status).toBe(400)
    const renamed = await owner.client.json('PATCH', path, { score: 50, movieId: 'x' })
    expect(renamed.status).toBe(400)

    const patched = await owner.client.json('PATCH', path, { score: 90 })
    expect(patched.status).toBe(200)
    const changed = (await patched.json()) as RatingJson
    expect(changed).toMatchObject({ id: rating.id, score: 90, createdAt: rating.createdAt })
    expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(rating.updatedAt))
    expect((await filmPage(owner.client, film.id)).stats).toEqual({ average: 65, count: 2 })

    expect((await owner.client.json('DELETE', path)).status).toBe(204)
    expect((await owner.client.json('DELETE', path)).status).toBe(404)
    expect((await owner.client.json('PATCH', path, { score: 5 })).status).toBe(404)
    const page = await filmPage(owner.client, film.id)
    expect(page.stats).toEqual({ average: 40, count: 1 })
    expect(page.myRating).toBeNull()
  })

  describe('a person’s list', () => {
    let owner: Awaited<ReturnType<typeof signedUpClient>>
    const scores = [50, 90, 90, 10, 100, 0, 75, 90, 33, 61, 50, 90, 88, 12]

    beforeAll(async () => {
      owner = await signedUpClient(app)
      for (const score of scores) {
        expect((await rate(owner.client, freshFilm().id, score)).status).toBe(201)
      }
    })

    it('pages newest first by default, each rating once, ending with a null cursor', async () => {
      const first = await listOf(owner.client, owner.account.handle, '?limit=5')
      expect(first.items).toHaveLength(5)
      expect(first.nextCursor).toEqual(expect.any(String))
      const all = await readWholeList(new TestClient(app), owner.account.handle, 'limit=5')
      expect(all).toHaveLength(scores.length)
      expect(new Set(all.map((r) => r.id)).size).toBe(scores.length)
      expect(all.map((r) => r.score)).toEqual([...scores].reverse())
      for (const rating of all) expect(rating.user.handle).toBe(owner.account.handle)

      const whole = await listOf(owner.client, owner.account.handle, '?limit=100')
      expect(whole.nextCursor).toBeNull()
    })

    it('sorts by score and by release date in both directions', async () => {
      const handle = owner.account.handle
      const byScore = await readWholeList(owner.client, handle, 'sort=score&limit=4')
      const sortedDown = [...scores].sort((a, b) => b - a)
      expect(byScore.map((r) => r.score)).toEqual(sortedDown)
      const byScoreUp = await readWholeList(owner.client, handle, 'sort=score&order=asc&limit=3')
      expect(byScoreUp.map((r) => r.score)).toEqual([...sortedDown].reverse())

      const releases = (list: RatingJson[]) => list.map((r) => r.movie.releaseDate ?? '')
      const byRelease = await readWholeList(owner.client, handle, 'sort=release&limit=4')
      expect(releases(byRelease)).toEqual([...releases(byRelease)].sort().reverse())
      const byReleaseUp = await readWholeList(owner.client, handle, 'sort=release&order=asc')
      const dated = releases(byReleaseUp).filter(Boolean)
      expect(dated).toEqual([...dated].sort())
      expect(byReleaseUp).toHaveLength(scores.length)
    })

    it('refuses an unknown sort or order, a bad limit and a tampered cursor with 400', async () => {
      const handle = owner.account.handle
      const page = await listOf(owner.client, handle, '?sort=score&limit=2')
      const cursor = page.nextCursor ?? ''
      const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString())
      const forged = Buffer.from(JSON.stringify({ ...decoded, k: ['99', 1] })).toString('base64url')
      for (const query of [
        '?sort=title',
        '?order=up',
        '?limit=0',
        '?limit=1000',
        '?limit=ten',
        `?sort=score&cursor=${cursor.slice(0, -2)}`,
        `?sort=score&cursor=${forged}`,
        `?sort=release&cursor=${cursor}`,
        `?sort=score&order=asc&cursor=${cursor}`,
        '?cursor=%7B%7D',
      ]) {
        const response = await owner.client.get(`/api/v1/users/${handle}/ratings${query}`)
        expect(response.status, query).toBe(400)
        expect((await response.json()).detail).toEqual(expect.any(String))
      }
      const unknown = await owner.client.get('/api/v1/users/nobody_at_all/ratings')
      expect(unknown.status).toBe(404)
    })
  })

  it('lists a film’s ratings newest first, with who gave each, page by page', async () => {
    const film = freshFilm()
    const raters = []
    for (let i = 0; i < 5; i += 1) {
      const rater = await signedUpClient(app)
      await rate(rater.client, film.id, 20 * i)
      raters.push(rater)
    }
    const anonymous = new TestClient(app)
    const first = await anonymous.get(`/api/v1/movies/${film.id}/ratings?limit=3`)
    const page = await first.json()
    expect(page.items.map((r: RatingJson) => r.user.handle)).toEqual(
      raters
        .slice(2)
        .reverse()
        .map((r) => r.account.handle),
    )
    const rest = await anonymous.get(`/api/v1/movies/${film.id}/ratings?cursor=${page.nextCursor}`)
    const second = await rest.json()
    expect(second.items).toHaveLength(2)
    expect(second.nextCursor).toBeNull()

    const unrated = freshFilm()
    const empty = await anonymous.get(`/api/v1/movies/${unrated.id}/ratings`)
    expect(await empty.json()).toEqual({ items: [], nextCursor: null })
    expect((await anonymous.get('/api/v1/movies/vega-0000000000/ratings')).status).toBe(404)
    const tampered = await anonymous.get(`/api/v1/movies/${film.id}/ratings?cursor=abc`)
    expect(tampered.status).toBe(400)
  })

  it('takes a deleted account’s ratings out of the films’ counts', async () => {
    const leaving = await signedUpClient(app)
    const staying = await signedUpClient(app)
    const [a, b] = [freshFilm(), freshFilm()]
    await rate(leaving.client, a.id, 100)
    await rate(leaving.client, b.id, 20)
    await rate(staying.client, a.id, 50)

    const deleted = await leaving.client.json('DELETE', '/api/v1/me', {
      password: leaving.account.password,
    })
    expect(deleted.status).toBe(204)
    const reader = new TestClient(app)
    expect((await filmPage(reader, a.id)).stats).toEqual({ average: 50, count: 1 })
    expect((await filmPage(reader, b.id)).stats).toEqual({ average: null, count: 0 })
    const raters = await (await reader.get(`/api/v1/movies/${a.id}/ratings`)).json()
    expect(raters.items.map((r: RatingJson) => r.user.handle)).toEqual([staying.account.handle])
  })

  it('describes the ratings operations in the OpenAPI document', async () => {
    const doc = await (await new TestClient(app).get('/api/v1/openapi.json')).json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/ratings',
        '/ratings/{id}',
        '/users/{handle}/ratings',
        '/movies/{id}/ratings',
      ]),
    )
    expect(doc.components.schemas.Rating.required).toEqual(
      expect.arrayContaining(['id', 'score', 'createdAt', 'updatedAt', 'movie', 'user']),
    )
  })
})
