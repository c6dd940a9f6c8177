import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import type { Metrics } from './metrics.js'

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * `GET /metrics` for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.
 * Without the right token: 401, and no hint of what the metrics hold.
 */
export function metricsRoutes(metrics: Metrics, token: string) {
  const expected = digest(`Bearer ${token}`)
  const app = new Hono()
  app.get('/metrics', async (c) => {
    const given = digest(c.req.header('authorization') ?? '')
    if (!timingSafeEqual(given, expected)) {
      return c.text('unauthorized\n', 401, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
        'Cache-Control': 'no-store',
      })
    }
    const { body, contentType } = await metrics.text()
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' })
  })
  return app
}
