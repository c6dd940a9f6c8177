import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createNodeServer } from '../../src/http/node-server.js'
import type { OfflineMovie } from '../../src/movies/vega-import.js'
import { createTestApp, signedUpClient, signedUpRater, type TestApp } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'
import { offlineFilms } from '../support/ratings.js'

// Through the Node server as it runs in production: a visitor's kept list page is
// answered before the app is reached, and is never stale.

describeEachDatabase('list page cache in front of the app', (database) => {
  let app: TestApp
  let other: TestApp
  let server: Server
  let base: string
  let films: OfflineMovie[]
  let reached: string[]

  beforeAll(async () => {
    const env = { SIGNUP_LIMIT_PER_ADDRESS: '1000', METRICS_TOKEN: 'a-metrics-token-for-tests' }
    app = createTestApp(database().db, env)
    other = createTestApp(database().db, env)
    films = await offlineFilms(6, 1500)
    reached = []
    const counted = {
      fetch: (request: Request) => {
        reached.push(new URL(request.url).pathname)
        return app.fetch(request)
      },
      withKeptPagesFirst: app.withKeptPagesFirst,
    }
    server = createNodeServer(counted, '127.0.0.1')
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
  })

  const visit = (path: string, headers: Record<string, string> = {}) =>
    fetch(base + path, { headers: { 'accept-language': 'en', ...headers } })

  const ratedOnce = () => signedUpRater(other, (films.shift() as OfflineMovie).id, 73)

  it('keeps a page from its second request on, revalidating the first all the same', async () => {
    const { account } = await ratedOnce()
    const path = `/users/${account.handle}?sort=release`
    const before = reached.length
    const first = await visit(path)
    expect(first.headers.get('etag')).toMatch(/^W\//)
    const revalidated = await visit(path, { 'if-none-match': first.headers.get('etag') ?? '' })
    expect(revalidated.status).toBe(304)
    expect(reached.length).toBe(before + 1)
    const second = await visit(path)
    expect(reached.length).toBe(before + 2)
    const third = await visit(path)
    expect(reached.length).toBe(before + 2)
    expect(await third.text()).toBe(await second.text())
    expect(third.headers.get('etag')).toBe(first.headers.get('etag'))
  })

  it('answers a kept page without the app, the same page with the same headers', async () => {
    const { account } = await ratedOnce()
    const path = `/users/${account.handle}?sort=score`
    await visit(path, { 'accept-encoding': 'identity' })
    const rendered = await visit(path, { 'accept-encoding': 'identity' })
    const renderedBody = await rendered.text()
    expect(renderedBody).toContain('73<span class="score-max">/100')
    const before = reached.length

    const kept = await visit(path, { 'accept-encoding': 'identity', 'x-request-id': 'kept-1' })
    expect(reached.length).toBe(before)
    expect(kept.status).toBe(200)
    expect(await kept.text()).toBe(renderedBody)
    const names = (response: Response) => [...response.headers.keys()].sort()
    expect(names(kept)).toEqual(names(rendered))
    for (const name of names(rendered).filter((n) => !['x-request-id', 'date'].includes(n))) {
      expect(kept.headers.get(name), name).toBe(rendered.headers.get(name))
    }
    expect(kept.headers.get('x-request-id')).toBe('kept-1')
    expect(rendered.headers.get('x-request-id')).not.toBe('kept-1')

    const brotli = await visit(path, { 'accept-encoding': 'br' })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(await brotli.text()).toBe(renderedBody)
    const notModified = await visit(path, { 'if-none-match': rendered.headers.get('etag') ?? '' })
    expect(notModified.status).toBe(304)
    expect(reached.length).toBe(before)
  })

  it('renders afresh on the very next request after a change made by another process', async () => {
    const { account, client, ratingId } = await ratedOnce()
    const path = `/users/${account.handle}`
    for (let i = 0; i < 3; i++) await visit(path)
    const before = reached.length
    const changed = await client.json('PATCH', `/api/v1/ratings/${ratingId}`, { score: 19 })
    expect(changed.status).toBe(200)
    const after = await visit(path)
    expect(await after.text()).toContain('19<span class="score-max">/100')
    expect(reached.length).toBe(before + 1)
  })

  it('leaves logged-in viewers, other pages and unknown people to the app', async () => {
    const { account } = await ratedOnce()
    const path = `/users/${account.handle}`
    await visit(path)
    await visit(path)
    const viewer = await signedUpClient(app)
    const cookie = [...viewer.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const before = reached.length
    const personal = await visit(path, { cookie })
    expect(await personal.text()).toContain(`/users/${account.handle}/follow`)
    expect((await visit(`${path}/followers`)).status).toBe(200)
    expect((await visit('/users/nobody_here_at_all')).status).toBe(404)
    expect(reached.length).toBe(before + 3)
  })

  it('counts the answers it gives in the metrics', async () => {
    const { account } = await ratedOnce()
    const path = `/users/${account.handle}?order=asc`
    await visit(path)
    await visit(path)
    const count = async () => {
      const metrics = await fetch(`${base}/metrics`, {
        headers: { authorization: 'Bearer a-metrics-token-for-tests' },
      })
      const line = (await metrics.text())
        .split('\n')
        .find((l) =>
          l.startsWith('http_requests_total{method="GET",route="/users/:handle",status="200"}'),
        )
      return Number(line?.split(' ').at(-1) ?? 0)
    }
    const before = await count()
    await visit(path)
    await visit(path)
    expect(await count()).toBe(before + 2)
  })

  it('answers odd requests for list pages as the app would, never with a 5xx', async () => {
    const { account } = await ratedOnce()
    const path = `/users/${account.handle}`
    await visit(path)
    await visit(path)
    const odd: [string, Record<string, string>][] = [
      [path, { cookie: '=;;lang=xx;session' }],
      [path, { 'accept-language': '*;q=x, ja-JP;q=2, ,,' }],
      [path, { 'if-none-match': `W/"x", *, ${'"y",'.repeat(200)}` }],
      [path, { 'x-request-id': 'not a valid id!' }],
      [`${path}?sort=nonsense`, {}],
      [`${path}?cursor=%ZZ`, {}],
      [`/users/${account.handle.toUpperCase()}`, {}],
      ['/users/%00', {}],
      [`/users/${'a'.repeat(4000)}`, {}],
    ]
    for (const [target, headers] of odd) {
      const response = await visit(target, headers)
      expect(response.status, `${target} ${JSON.stringify(headers)}`).toBeLessThan(500)
      await response.arrayBuffer()
    }
    const head = await fetch(base + path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
