import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../http/context.js'
import type { SessionStore } from './sessions.js'

// `__Host-` binds the cookie to this exact origin, over TLS only.
export const sessionCookieName = (isSecure: boolean) => (isSecure ? '__Host-session' : 'session')
const cookieName = (c: Context<AppEnv>) => sessionCookieName(c.get('isSecure'))

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number) {
  setCookie(c, cookieName(c), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('isSecure'),
    maxAge: Math.floor((expiresAt - Date.now()) / 1000),
  })
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, cookieName(c), { path: '/', secure: c.get('isSecure') })
}

export function hasSessionCookie(c: Context<AppEnv>): boolean {
  return getCookie(c, cookieName(c)) !== undefined
}

/** Finds the live session behind the cookie, if any, and the person it belongs to. */
export function sessionMiddleware(sessions: SessionStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null)
    c.set('sessionHash', null)
    const token = getCookie(c, cookieName(c))
    if (token) {
      const session = await sessions.resolve(token, Date.now())
      if (session) {
        const { user } = session
        c.set('user', {
          id: user.id,
          handle: user.handle,
          displayName: user.displayName,
          locale: user.locale,
        })
        c.set('sessionHash', session.hash)
        if (session.isRenewed) setSessionCookie(c, token, session.expiresAt)
      } else {
        clearSessionCookie(c)
      }
    }
    await next()
  }
}
