import { expect, it } from 'vitest'
import { createTestApp, signedUpClient, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

const token = 'test-metrics-token-0123456789'

describeEachDatabase('metrics', (database) => {
  it('are off unless a token is configured', async () => {
    const app = createTestApp(database().db)
    const response = await app.request('/metrics', {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('http_requests_total')
  })

  it('want the bearer token, and give nothing away without it', async () => {
    const app = createTestApp(database().db, { METRICS_TOKEN: token })
    for (const authorization of [undefined, 'Bearer wrong', token, `Bearer ${token}x`]) {
      const headers: Record<string, string> = authorization ? { authorization } : {}
      const response = await app.request('/metrics', { headers })
      expect(response.status).toBe(401)
      expect(await response.text()).not.toContain('http_')
    }
  })

  it('count requests by route pattern and status, time them and the queries', async () => {
    const app = createTestApp(database().db, { METRICS_TOKEN: token })
    const { client, account } = await signedUpClient(app)
    // Refused by the cross-site guard, a middleware, before any handler runs: still
    // counted under the route it asked for.
    const refused = await client.json(
      'POST',
      '/api/v1/ratings',
      { movieId: 'x', score: 50 },
      {
        origin: 'https://evil.example',
      },
    )
    expect(refused.status).toBe(403)
    const visitor = new TestClient(app)
    await visitor.get(`/api/v1/users/${account.handle}`)
    await visitor.get('/api/v1/users/nobody_here')
    // Both match `/movies/:id` too: each is counted under the route that answered it.
    await visitor.get('/api/v1/movies/search?q=alien')
    await visitor.get('/movies/search?q=alien')

    const response = await app.request('/metrics', {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/users\/:handle",status="200"\} 1/,
    )
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/users\/:handle",status="404"\} 1/,
    )
    expect(text).toMatch(
      /http_requests_total\{method="POST",route="\/api\/v1\/auth\/signup",status="201"\} 1/,
    )
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/api\/v1\/movies\/search",status="200"\} 1/,
    )
    expect(text).toMatch(
      /http_requests_total\{method="GET",route="\/movies\/search",status="200"\} 1/,
    )
    expect(text).toMatch(
      /http_requests_total\{method="POST",route="\/api\/v1\/ratings",status="403"\} 1/,
    )
    expect(text).not.toContain('route="/movies/:id"')
    expect(text).not.toContain('route="/api/v1/movies/:id"')
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/v1\/users\/:handle",status="200"\}/,
    )
    expect(text).toMatch(/db_query_duration_seconds_count\{kind="select"\} [1-9]/)
    expect(text).toMatch(/db_query_duration_seconds_count\{kind="insert"\} [1-9]/)
    expect(text).toMatch(/nodejs_eventloop_lag_seconds/)
    expect(text).toMatch(/process_resident_memory_bytes/)
    // Paths never become labels: the handle is not in the text.
    expect(text).not.toContain(account.handle)
  })
})
