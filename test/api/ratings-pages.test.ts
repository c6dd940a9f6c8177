import { beforeAll, expect, it } from 'vitest'
import type { OfflineMovie } from '../../src/movies/vega-import.js'
import { createTestApp, signedUpClient, type TestApp, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'
import { offlineFilms } from '../support/ratings.js'

// The rating pages through plain forms, as a browser without JavaScript uses them.

describeEachDatabase('ratings pages', (database) => {
  let app: TestApp
  let films: OfflineMovie[]
  let nextFilm = 0
  const freshFilm = () => {
    const film = films[nextFilm]
    nextFilm += 1
    if (!film) throw new Error('out of test films')
    return film
  }

  beforeAll(async () => {
    app = createTestApp(database().db, { SIGNUP_LIMIT_PER_ADDRESS: '1000' })
    films = await offlineFilms(40, 500)
  })

  const location = (response: Response) => response.headers.get('location') ?? ''

  /** A signed-up person reading the pages in English. */
  async function englishReader(overrides: Partial<Record<string, string>> = {}) {
    const reader = await signedUpClient(app, overrides)
    reader.client.cookies.set('lang', 'en')
    return reader
  }

  it('rates through the form, lands on the film page, and a second rating goes to editing', async () => {
    const { client } = await englishReader()
    const film = freshFilm()
    const newPage = await client.get(`/ratings/new?movieId=${film.id}`)
    expect(newPage.status).toBe(200)
    const form = await newPage.text()
    expect(form).toContain('name="score"')
    expect(form).toContain('type="range"')

    const rated = await client.form('/ratings', { movieId: film.id, score: '87' })
    expect(rated.status).toBe(303)
    expect(location(rated)).toBe(`/movies/${film.id}?rated=1#your-rating`)
    const filmPage = await (await client.get(`/movies/${film.id}?rated=1`)).text()
    expect(filmPage).toContain('Saved: 87/100.')
    expect(filmPage).toContain('aria-label="87 out of 100"')

    const again = await client.form('/ratings', { movieId: film.id, score: '10' })
    expect(location(again)).toMatch(/^\/ratings\/[\w-]+\/edit\?notice=exists$/)
    const edit = await (await client.get(location(again))).text()
    expect(edit).toContain('already rated this film')
    expect((await client.get(`/ratings/new?movieId=${film.id}`)).headers.get('location')).toBe(
      location(again),
    )
  })

  it('shows the form again with a message for a bad score', async () => {
    const { client } = await signedUpClient(app)
    const film = freshFilm()
    for (const score of ['', '101', '7.5', 'abc', '-3']) {
      const response = await client.form('/ratings', { movieId: film.id, score })
      expect(response.status, score).toBe(400)
      const page = await response.text()
      expect(page).toContain('aria-invalid="true"')
      expect(page).toContain('class="alert alert-danger')
    }
    const unknown = await client.form('/ratings', { movieId: 'vega-0000000000', score: '50' })
    expect(unknown.status).toBe(400)
  })

  it('sends a visitor to log in first, and brings them back', async () => {
    const film = freshFilm()
    const visitor = new TestClient(app)
    const response = await visitor.get(`/ratings/new?movieId=${film.id}`)
    expect(response.status).toBe(303)
    expect(location(response)).toBe(
      `/login?next=${encodeURIComponent(`/ratings/new?movieId=${film.id}`)}`,
    )
    const posted = await visitor.form('/ratings', { movieId: film.id, score: '50' })
    expect(location(posted)).toMatch(/^\/login\?next=/)
  })

  it('re-scores, asks before deleting without a script, then deletes', async () => {
    const { client, account } = await englishReader()
    const film = freshFilm()
    await client.form('/ratings', { movieId: film.id, score: '40' })
    const list = await (await client.get(`/users/${account.handle}`)).text()
    const id = /\/ratings\/([\w-]+)\/edit/.exec(list)?.[1] ?? ''
    expect(id).not.toBe('')

    const next = `/users/${account.handle}?sort=score`
    const saved = await client.form(`/ratings/${id}`, { score: '95', next })
    expect(location(saved)).toBe(`/users/${account.handle}?sort=score&done=saved`)
    expect(await (await client.get(location(saved))).text()).toContain('95')

    const unconfirmed = await client.form(`/ratings/${id}/delete`, { next })
    expect(location(unconfirmed)).toMatch(new RegExp(`^/ratings/${id}/edit\\?delete=1`))
    const ask = await (await client.get(location(unconfirmed))).text()
    expect(ask).toContain('name="confirmed" value="yes"')
    expect((await client.get(`/users/${account.handle}`)).status).toBe(200)

    const deleted = await client.form(`/ratings/${id}/delete`, { confirmed: 'yes', next })
    expect(location(deleted)).toBe(`/users/${account.handle}?sort=score&done=deleted`)
    const after = await (await client.get(location(deleted))).text()
    expect(after).toContain('Your rating was deleted.')
    expect(after).toContain('Your list is empty')
    expect(after).toContain('href="/movies/search"')
  })

  it('answers 404 to anyone but the owner of a rating', async () => {
    const owner = await signedUpClient(app)
    const other = await signedUpClient(app)
    const film = freshFilm()
    const rated = await owner.client.json('POST', '/api/v1/ratings', {
      movieId: film.id,
      score: 70,
    })
    const { id } = await rated.json()
    expect((await other.client.get(`/ratings/${id}/edit`)).status).toBe(404)
    expect((await other.client.form(`/ratings/${id}`, { score: '1' })).status).toBe(404)
    const deletion = await other.client.form(`/ratings/${id}/delete`, { confirmed: 'yes' })
    expect(deletion.status).toBe(404)
    const film404 = await (await owner.client.get(`/api/v1/movies/${film.id}`)).json()
    expect(film404.stats).toEqual({ average: 70, count: 1 })
  })

  it('shows anyone’s list without an account, sorted and grouped, and refuses bad sorts', async () => {
    const { client, account } = await signedUpClient(app, { displayName: 'Kurosawa <Fan>' })
    await client.json('PATCH', '/api/v1/me', {
      profileUrl: 'https://example.com/me?a=1&b=2',
      birthdate: '1990-04-01',
      showAge: true,
    })
    for (const [i, score] of [95, 91, 85, 12].entries()) {
      await client.json('POST', '/api/v1/ratings', { movieId: freshFilm().id, score })
      expect(i).toBeGreaterThanOrEqual(0)
    }
    const visitor = new TestClient(app, { 'accept-language': 'en' })
    const response = await visitor.get(`/users/${account.handle}?sort=score`)
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('Kurosawa &lt;Fan&gt;')
    expect(page).toContain(`@${account.handle}`)
    expect(page).toMatch(/Age \d+/)
    expect(page).toContain('href="https://example.com/me?a=1&amp;b=2" rel="nofollow ugc noopener"')
    expect(page).toContain('>90–100</h2>')
    expect(page).toContain('>80–89</h2>')
    expect(page).toContain('>10–19</h2>')
    expect(page).not.toContain('/edit')
    expect(page).not.toMatch(/style=/)

    const ja = await new TestClient(app, { 'accept-language': 'ja' }).get(
      `/users/${account.handle}?sort=score`,
    )
    expect(await ja.text()).toContain('90〜100点')

    for (const query of ['?sort=title', '?order=sideways', '?cursor=garbage!']) {
      const bad = await visitor.get(`/users/${account.handle}${query}`)
      expect(bad.status, query).toBe(400)
    }
    expect((await visitor.get('/users/nobody_here_at_all')).status).toBe(404)
  })

  it('pages through a long list with a plain “more” link', async () => {
    const { client, account } = await signedUpClient(app)
    const many = await offlineFilms(50, 1000)
    for (const film of many) {
      await client.json('POST', '/api/v1/ratings', { movieId: film.id, score: 50 })
    }
    const first = await (await new TestClient(app).get(`/users/${account.handle}`)).text()
    expect(first.match(/class="rating-card"/g)).toHaveLength(48)
    const more = /href="([^"]+)" rel="next" data-list-more/.exec(first)?.[1] ?? ''
    expect(more).toMatch(/^\/users\/\w+\?cursor=[\w-]+$/)
    const second = await (await new TestClient(app).get(more.replaceAll('&amp;', '&'))).text()
    expect(second.match(/class="rating-card"/g)).toHaveLength(2)
    expect(second).not.toContain('data-list-more')
  })
})
