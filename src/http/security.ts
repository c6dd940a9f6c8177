import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { ForbiddenError } from '../domain/errors.js'
import type { AppEnv } from './context.js'

/**
 * A strict Content-Security-Policy (no inline script or style, nothing from other
 * origins but the posters of the configured image server), no framing, no sniffing,
 * and HSTS over https.
 */
export function securityHeaders(imageOrigin = 'https://image.tmdb.org'): MiddlewareHandler<AppEnv> {
  const plain = headers(false, imageOrigin)
  const secure = headers(true, imageOrigin)
  return (c, next) => (c.get('isSecure') ? secure(c, next) : plain(c, next))
}

function headers(isSecure: boolean, imageOrigin: string): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', imageOrigin],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: isSecure ? 'max-age=63072000; includeSubDomains' : false,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  })
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses a write sent from another site, as the browser reports it through
 * `Sec-Fetch-Site` or `Origin`. A request with neither (an older browser, or a
 * client that is not a browser) carries no cross-site signal and goes through.
 * The origin must be the public URL's, or have the host the request was sent to
 * (a proxy in front may have changed the scheme).
 */
export function crossSiteGuard(publicUrl: string | undefined): MiddlewareHandler<AppEnv> {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : null
  return async (c, next) => {
    if (!safeMethods.has(c.req.method) && isCrossSite(c.req.raw, publicOrigin)) {
      throw new ForbiddenError('error.crossSite')
    }
    await next()
  }
}

function isCrossSite(request: Request, publicOrigin: string | null): boolean {
  const fetchSite = request.headers.get('sec-fetch-site')
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true
  const origin = request.headers.get('origin')
  if (!origin) return false
  if (publicOrigin) return origin !== publicOrigin
  try {
    return new URL(origin).host !== new URL(request.url).host
  } catch {
    return true
  }
}
