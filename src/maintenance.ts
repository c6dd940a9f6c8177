import { SessionStore } from './accounts/sessions.js'
import type { Db } from './db/database.js'
import { RateLimiter } from './limits/rate-limiter.js'
import type { Logger } from './logging/logger.js'

const hour = 60 * 60 * 1000
const day = 24 * hour

/**
 * Hourly housekeeping: expired sessions and long-closed rate-limit windows are
 * dropped. Safe to run in every process at once; each delete is idempotent.
 */
export function startMaintenance(db: Db, logger: Logger): () => void {
  const sessions = new SessionStore(db, 1)
  const limiter = new RateLimiter(db)
  const run = async () => {
    try {
      await sessions.pruneExpired(Date.now())
      await limiter.prune(day)
    } catch (error) {
      logger.warn({ err: error }, 'maintenance failed')
    }
  }
  const timer = setInterval(run, hour)
  timer.unref()
  return () => clearInterval(timer)
}
