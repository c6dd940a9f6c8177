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
    const locale = localeOf(
      getCookie(c, localeCookie),
      c.get('user')?.locale ?? null,
      c.req.header('accept-language'),
    )
    c.set('locale', locale)
    c.set('t', translator(locale))
    c.header('Content-Language', locale)
    c.header('Vary', 'Accept-Language, Cookie', { append: true })
    await next()
  }
}

/** The language from the switcher's cookie, the person's setting and the header, in that order. */
export function localeOf(
  chosen: string | undefined,
  personal: Locale | null,
  acceptLanguage: string | undefined,
): Locale {
  return (
    (isLocale(chosen) ? chosen : null) ??
    personal ??
    negotiateLocale(acceptLanguage) ??
    defaultLocale
  )
}

export function rememberLocale(c: Parameters<MiddlewareHandler<AppEnv>>[0], locale: Locale) {
  setCookie(c, localeCookie, locale, {
    path: '/',
    sameSite: 'Lax',
    secure: c.get('isSecure'),
    maxAge: 365 * 24 * 60 * 60,
  })
}
