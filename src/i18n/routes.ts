import { Hono } from 'hono'
import type { AppEnv } from '../http/context.js'
import { readForm } from '../http/forms.js'
import { safeNext } from '../http/render.js'
import { isLocale } from './locale.js'
import { rememberLocale } from './middleware.js'

/** The language switcher: remembers the choice in a cookie and goes back. */
export function languageRoutes() {
  const app = new Hono<AppEnv>()
  app.post('/language', async (c) => {
    const form = await readForm(c)
    if (isLocale(form.locale)) rememberLocale(c, form.locale)
    return c.redirect(safeNext(form.next), 303)
  })
  return app
}
