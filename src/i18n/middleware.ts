import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../http/context.js'
import { defaultLocale, isLocale, type Locale, negotiateLocale } from './locale.js'
import { translator } from './translate.js'

export const localeCookie = 'lang'

/**
 * The language of the request: the switcher's cookie, then the person's setting,
 * then `Accept-Language`, then Japanese.
 */
export function localeMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const chosen = getCookie(c, localeCookie)
    const locale: Locale =
      (isLocale(chosen) ? chosen : null) ??
      c.get('user')?.locale ??
      negotiateLocale(c.req.header('accept-language')) ??
      defaultLocale
    c.set('locale', locale)
    c.set('t', translator(locale))
    c.header('Content-Language', locale)
    c.header('Vary', 'Accept-Language, Cookie', { append: true })
    await next()
  }
}

export function rememberLocale(c: Parameters<MiddlewareHandler<AppEnv>>[0], locale: Locale) {
  setCookie(c, localeCookie, locale, {
    path: '/',
    sameSite: 'Lax',
    secure: c.get('isSecure'),
    maxAge: 365 * 24 * 60 * 60,
  })
}
