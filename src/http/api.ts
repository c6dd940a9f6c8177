import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { UnauthorizedError, ValidationError } from '../domain/errors.js'
import { fieldErrorsOf } from '../domain/validation.js'
import type { AppEnv, CurrentUser } from './context.js'

/** A router for one feature's part of `/api/v1`; failed validation becomes a problem. */
export function apiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(fieldErrorsOf(result.error.issues))
    },
  })
}

/** The logged-in caller, or a 401. */
export function requireCaller(c: Context<AppEnv>): CurrentUser {
  const user = c.get('user')
  if (!user) throw new UnauthorizedError()
  return user
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem')

/** The problem responses an operation can give, for its OpenAPI description. */
export function problems(...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  const descriptions = {
    400: 'The request is not valid; `errors` lists each bad field.',
    401: 'No live session, or the log-in failed.',
    403: 'A write from another site.',
    404: 'Not found, or not yours.',
    409: 'It already exists.',
    429: 'Too many attempts; see `Retry-After`.',
  }
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status],
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    ]),
  )
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true }
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}
