import { Hono } from 'hono'
import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { AppEnv } from '../http/context.js'

/** `/healthz`: the process is up. `/readyz`: and its database answers. */
export function healthRoutes(db: Db) {
  const app = new Hono<AppEnv>()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(db)
      return c.json({ status: 'ready' })
    } catch (error) {
      c.get('log').warn({ err: error }, 'database not ready')
      return c.json({ status: 'unavailable' }, 503)
    }
  })
  return app
}
