import { type ZodType, z } from 'zod'
import { isMessageKey } from '../i18n/translate.js'
import { type FieldError, ValidationError } from './errors.js'

// Schemas carry message keys, not sentences: a missing field is reported as required,
// and the caller's language is applied when the error is shown.
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined ? 'validation.required' : undefined,
})

/** Turns zod's issues into field errors with message keys and their parameters. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const seen = new Set<string>()
  const fields: FieldError[] = []
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'body'
    if (seen.has(field)) continue
    seen.add(field)
    fields.push({ field, ...messageOf(issue) })
  }
  return fields
}

function messageOf(issue: z.core.$ZodIssue): Pick<FieldError, 'messageKey' | 'params'> {
  if (isMessageKey(issue.message)) return { messageKey: issue.message }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return { messageKey: 'validation.tooShort', params: { min: Number(issue.minimum) } }
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return { messageKey: 'validation.tooLong', params: { max: Number(issue.maximum) } }
  }
  return { messageKey: 'validation.invalid' }
}

/** Parses `input` or throws a `ValidationError` that lists every bad field. */
export function parseOrThrow<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input)
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error.issues))
  return result.data
}
