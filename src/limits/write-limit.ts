import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/context.js'
import type { Limit, RateLimiter } from './rate-limiter.js'

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * A per-address ceiling on writes, pages and API alike, on top of the log-in and
 * sign-up limits. Meant to stop floods, not people: the default is far above what a
 * person clicks. Over it, a 429 with `Retry-After`.
 */
export function writeLimit(limiter: RateLimiter, limit: Limit): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (writeMethods.has(c.req.method)) {
      await limiter.take(`write:address:${c.get('clientAddress')}`, limit)
    }
    await next()
  }
}
