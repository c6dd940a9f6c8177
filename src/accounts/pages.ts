import { type Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../http/context.js'
import { formFailure, parseForm, readForm } from '../http/forms.js'
import { renderPage, safeNext } from '../http/render.js'
import { rememberLocale } from '../i18n/middleware.js'
import {
  accountDeletionSchema,
  loginSchema,
  passwordChangeSchema,
  profileSchema,
  signupSchema,
} from './schemas.js'
import type { AccountService } from './service.js'
import { clearSessionCookie, setSessionCookie } from './session-cookie.js'
import type { User } from './users.js'
import {
  loginView,
  type SettingsSection,
  type SettingsState,
  settingsView,
  signupView,
} from './views.js'

/** The account pages: sign up, log in and out, settings. */
export function accountPages(accounts: AccountService) {
  const app = new Hono<AppEnv>()

  app.get('/signup', (c) => {
    if (c.get('user')) return c.redirect('/', 303)
    return renderPage(c, { title: c.get('t')('accounts.signup.title') }, (page) =>
      signupView(page, {}),
    )
  })

  app.post('/signup', async (c) => {
    const form = await readForm(c)
    try {
      const input = parseForm(signupSchema, form)
      const { session } = await accounts.signup(input, c.get('clientAddress'), c.get('locale'))
      setSessionCookie(c, session.token, session.expiresAt)
      return c.redirect('/', 303)
    } catch (error) {
      const failure = formFailure(c, error)
      const title = c.get('t')('accounts.signup.title')
      return renderPage(c, { title }, (page) => signupView(page, form, failure), failure.status)
    }
  })

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'))
    if (c.get('user')) return c.redirect(next, 303)
    const t = c.get('t')
    const notice = next !== '/' ? t('accounts.login.required') : undefined
    return renderPage(c, { title: t('accounts.login.title') }, (page) =>
      loginView(page, {}, next, undefined, notice),
    )
  })

  app.post('/login', async (c) => {
    const next = safeNext(c.req.query('next'))
    const form = await readForm(c)
    try {
      const input = parseForm(loginSchema, form)
      const previous = c.get('sessionHash')
      const { session } = await accounts.login(input, c.get('clientAddress'))
      if (previous) await accounts.logout(previous)
      setSessionCookie(c, session.token, session.expiresAt)
      return c.redirect(next, 303)
    } catch (error) {
      const failure = formFailure(c, error)
      const title = c.get('t')('accounts.login.title')
      const values = { login: form.login }
      return renderPage(
        c,
        { title },
        (page) => loginView(page, values, next, failure),
        failure.status,
      )
    }
  })

  app.post('/logout', async (c) => {
    const session = c.get('sessionHash')
    if (session) await accounts.logout(session)
    clearSessionCookie(c)
    return c.redirect('/', 303)
  })

  app.get('/settings', async (c) => {
    const user = await currentAccount(c, accounts)
    if (!user) return redirectToLogin(c)
    const done = c.req.query('done')
    const t = c.get('t')
    const notice =
      done === 'password'
        ? t('accounts.settings.passwordChanged')
        : done === 'profile'
          ? t('accounts.settings.saved')
          : undefined
    const section: SettingsSection | undefined =
      done === 'password' || done === 'profile' ? done : undefined
    return showSettings(c, user, { section, notice })
  })

  app.post('/settings/profile', async (c) => {
    const user = await currentAccount(c, accounts)
    if (!user) return redirectToLogin(c)
    const form = await readForm(c)
    try {
      const input = parseForm(profileSchema, { ...form, showAge: '' })
      const changes = {
        ...input,
        showAge: form.showAge === 'on',
        profileUrl: input.profileUrl ?? null,
        birthdate: input.birthdate ?? null,
        locale: input.locale ?? null,
      }
      await accounts.updateProfile(user.id, changes)
      if (changes.locale) rememberLocale(c, changes.locale)
      return c.redirect('/settings?done=profile', 303)
    } catch (error) {
      const failure = formFailure(c, error)
      return showSettings(c, user, { section: 'profile', failure, values: form }, failure.status)
    }
  })

  app.post('/settings/password', async (c) => {
    const user = await currentAccount(c, accounts)
    if (!user) return redirectToLogin(c)
    const form = await readForm(c)
    try {
      const input = parseForm(passwordChangeSchema, form)
      await accounts.changePassword(user, input, c.get('sessionHash'))
      return c.redirect('/settings?done=password', 303)
    } catch (error) {
      const failure = formFailure(c, error)
      return showSettings(c, user, { section: 'password', failure }, failure.status)
    }
  })

  app.post('/settings/delete', async (c) => {
    const user = await currentAccount(c, accounts)
    if (!user) return redirectToLogin(c)
    const form = await readForm(c)
    try {
      const { password } = parseForm(accountDeletionSchema, form)
      await accounts.deleteAccount(user.id, password)
      clearSessionCookie(c)
      return c.redirect('/?deleted=1', 303)
    } catch (error) {
      const failure = formFailure(c, error)
      return showSettings(c, user, { section: 'delete', failure }, failure.status)
    }
  })

  return app
}

async function currentAccount(c: Context<AppEnv>, accounts: AccountService): Promise<User | null> {
  const current = c.get('user')
  return current ? accounts.requireUser(current.id) : null
}

function redirectToLogin(c: Context<AppEnv>) {
  const url = new URL(c.req.url)
  const next = c.req.method === 'GET' ? url.pathname + url.search : '/settings'
  return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303)
}

function showSettings(
  c: Context<AppEnv>,
  user: User,
  state: SettingsState,
  status: ContentfulStatusCode = 200,
) {
  const title = c.get('t')('accounts.settings.title')
  return renderPage(c, { title, noindex: true }, (page) => settingsView(page, user, state), status)
}
