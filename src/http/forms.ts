import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodType } from 'zod'
import { DomainError, RateLimitedError, ValidationError } from '../domain/errors.js'
import { parseOrThrow } from '../domain/validation.js'
import type { FieldMessages } from '../views/forms.js'
import type { AppEnv } from './context.js'
import { statusOf } from './problem.js'

/** A submitted form's text fields. Files and repeated names are not expected. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value
  }
  return fields
}

/** Parses form fields, an empty optional field counting as absent. */
export function parseForm<T>(schema: ZodType<T>, fields: Record<string, string>): T {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''))
  return parseOrThrow(schema, present)
}

export interface FormFailure {
  status: ContentfulStatusCode
  summary: string
  fields: FieldMessages
}

/**
 * What to show again on a form after a domain error: the message beside each bad
 * field and a summary on top. Anything else is not the form's business: rethrown.
 */
export function formFailure(c: Context<AppEnv>, error: unknown): FormFailure {
  if (!(error instanceof DomainError)) throw error
  const t = c.get('t')
  const fields: FieldMessages = {}
  if (error instanceof ValidationError) {
    for (const field of error.fields) fields[field.field] = t(field.messageKey, field.params)
  }
  if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds))
  const summary =
    error instanceof ValidationError ? t('form.errorSummary') : t(error.messageKey, error.params)
  return { status: statusOf(error), summary, fields }
}
