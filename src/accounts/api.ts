import { createRoute, z } from '@hono/zod-openapi'
import { apiRouter, jsonBody, jsonResponse, problems, requireCaller } from '../http/api.js'
import { rememberLocale } from '../i18n/middleware.js'
import { ownAccountSchema, presentOwnAccount, today } from './present.js'
import {
  accountDeletionSchema,
  loginSchema,
  passwordChangeSchema,
  profileSchema,
  signupSchema,
} from './schemas.js'
import type { AccountService } from './service.js'
import { clearSessionCookie, setSessionCookie } from './session-cookie.js'

const userEnvelope = z.object({ user: ownAccountSchema })
const tags = ['Accounts']

const signup = createRoute({
  method: 'post',
  path: '/auth/signup',
  tags,
  summary: 'Create an account and start a session',
  request: { body: jsonBody(signupSchema.openapi('Signup')) },
  responses: {
    201: jsonResponse(userEnvelope, 'Created; the session cookie is set.'),
    ...problems(400, 403, 429),
  },
})

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Log in with a handle or an email',
  request: { body: jsonBody(loginSchema.openapi('Login')) },
  responses: {
    200: jsonResponse(userEnvelope, 'Logged in; a new session cookie is set.'),
    ...problems(400, 401, 403, 429),
  },
})

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'End the current session',
  responses: { 204: { description: 'Logged out (also when there was no session).' } },
})

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'The caller’s own account',
  responses: { 200: jsonResponse(userEnvelope, 'The account.'), ...problems(401) },
})

const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags,
  summary: 'Change the caller’s profile; `null` clears a field',
  request: { body: jsonBody(profileSchema.strict().openapi('ProfileChanges')) },
  responses: {
    200: jsonResponse(userEnvelope, 'The changed account.'),
    ...problems(400, 401, 403),
  },
})

const changePassword = createRoute({
  method: 'post',
  path: '/me/password',
  tags,
  summary: 'Change the password; every other session ends',
  request: { body: jsonBody(passwordChangeSchema.openapi('PasswordChange')) },
  responses: { 204: { description: 'Changed.' }, ...problems(400, 401, 403) },
})

const deleteMe = createRoute({
  method: 'delete',
  path: '/me',
  tags,
  summary: 'Delete the account and all its data',
  request: { body: jsonBody(accountDeletionSchema.openapi('AccountDeletion')) },
  responses: { 204: { description: 'Deleted.' }, ...problems(400, 401, 403) },
})

export function accountApi(accounts: AccountService) {
  return apiRouter()
    .openapi(signup, async (c) => {
      const input = c.req.valid('json')
      const { user, session } = await accounts.signup(
        input,
        c.get('clientAddress'),
        c.get('locale'),
      )
      setSessionCookie(c, session.token, session.expiresAt)
      return c.json({ user: presentOwnAccount(user, today()) }, 201)
    })
    .openapi(login, async (c) => {
      const previous = c.get('sessionHash')
      const { user, session } = await accounts.login(c.req.valid('json'), c.get('clientAddress'))
      if (previous) await accounts.logout(previous)
      setSessionCookie(c, session.token, session.expiresAt)
      return c.json({ user: presentOwnAccount(user, today()) }, 200)
    })
    .openapi(logout, async (c) => {
      const session = c.get('sessionHash')
      if (session) await accounts.logout(session)
      clearSessionCookie(c)
      return c.body(null, 204)
    })
    .openapi(getMe, async (c) => {
      const user = await accounts.requireUser(requireCaller(c).id)
      return c.json({ user: presentOwnAccount(user, today()) }, 200)
    })
    .openapi(patchMe, async (c) => {
      const caller = requireCaller(c)
      const user = await accounts.updateProfile(caller.id, c.req.valid('json'))
      if (user.locale) rememberLocale(c, user.locale)
      return c.json({ user: presentOwnAccount(user, today()) }, 200)
    })
    .openapi(changePassword, async (c) => {
      const caller = await accounts.requireUser(requireCaller(c).id)
      await accounts.changePassword(caller, c.req.valid('json'), c.get('sessionHash'))
      return c.body(null, 204)
    })
    .openapi(deleteMe, async (c) => {
      const caller = requireCaller(c)
      await accounts.deleteAccount(caller.id, c.req.valid('json').password)
      clearSessionCookie(c)
      return c.body(null, 204)
    })
}
