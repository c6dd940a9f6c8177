import { z } from '@hono/zod-openapi'
import { messageKey } from '../i18n/translate.js'

export const minScore = 0
export const maxScore = 100

const outOfRange = { error: messageKey('ratings.score.invalid') }

/** A score in JSON: a whole number from 0 to 100, never text or a fraction. */
export const scoreSchema = z
  .number(outOfRange)
  .int(outOfRange)
  .min(minScore, outOfRange)
  .max(maxScore, outOfRange)
  .openapi({ example: 87 })

/** A score typed into a form: digits only, then the same rule. */
export const formScoreSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, outOfRange)
  .transform(Number)
  .pipe(z.number().max(maxScore, outOfRange))

export const starCount = 5
export const pointsPerStar = maxScore / starCount
