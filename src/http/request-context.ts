import { randomUUID } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { type Logger, requestLogger } from '../logging/logger.js'
import type { AppEnv } from './context.js'

export interface RequestContextOptions {
  logger: Logger
  /** Set when the public URL is https: every request is then taken as secure. */
  isPublicUrlSecure: boolean
  /** Take the client's address and scheme from the proxy's forwarded headers. */
  trustProxy: boolean
}

const validRequestId = /^[\w.-]{1,64}$/

/**
 * Gives each request an id, a child logger, its client address and scheme, and logs
 * one line when it ends: 5xx at error level, everything else at info.
 */
export function requestContext(options: RequestContextOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const requestId = requestIdOf(c)
    const log = options.logger.child({ reqId: requestId })
    c.set('requestId', requestId)
    c.set('log', log)
    c.set('clientAddress', clientAddress(c, options.trustProxy))
    c.set(
      'isSecure',
      isSecureRequest((name) => c.req.header(name), options),
    )

    await next()

    // On the response itself: `c.header` on a finished response first copies it whole
    // into a new one, which cost a sixth of a cached page's time.
    c.res.headers.set('X-Request-Id', requestId)
    const status = c.res.status
    const line = {
      reqId: requestId,
      ...requestLine(c.req.method, answeringRoute(c), status, started),
    }
    const out = requestLogger(options.logger)
    if (status >= 500) out.error(line, 'request failed')
    else out.info(line, 'request')
  }
}

/**
 * The pattern of the route a request was for: the first handler its path matched,
 * which is the one that answers it, or would have had a middleware not refused it
 * first (a 403, 413 or 429). The last route matched can be another: `/movies/search`
 * also matches `/movies/:id`, registered after it. Middleware is registered for every
 * method (`ALL`); a request no handler matched has the pattern of the last one, `/*`.
 */
export function answeringRoute(c: Context): string {
  const routes = matchedRoutes(c)
  return (routes.find((route) => route.method !== 'ALL') ?? routes.at(-1))?.path ?? ''
}

/** The caller's request id when it is a sensible one, else a new one. */
export function requestIdOf(c: Context): string {
  return requestIdFrom(c.req.header('x-request-id'))
}

/** The request id a caller sent (`X-Request-Id`) when it is a sensible one, else a new one. */
export function requestIdFrom(incoming: string | undefined): string {
  return incoming && validRequestId.test(incoming) ? incoming : randomUUID()
}

/** What the log line of a finished request says. */
export function requestLine(method: string, route: string, status: number, started: number) {
  return { method, route, status, ms: Math.round((performance.now() - started) * 100) / 100 }
}

/** A request's header by its lower-case name, whichever server it came through. */
export type HeaderOf = (name: string) => string | undefined

export function isSecureRequest(
  header: HeaderOf,
  options: Pick<RequestContextOptions, 'isPublicUrlSecure' | 'trustProxy'>,
): boolean {
  return options.isPublicUrlSecure || isForwardedSecure(header, options.trustProxy)
}

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw: the last entry is the one we can trust.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function isForwardedSecure(header: HeaderOf, trustProxy: boolean): boolean {
  return trustProxy && header('x-forwarded-proto')?.split(',').at(-1)?.trim() === 'https'
}
