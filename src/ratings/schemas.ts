import { z } from '@hono/zod-openapi'
import { messageKey } from '../i18n/translate.js'
import { formScoreSchema, scoreSchema } from './score.js'
import { ratingSorts, sortOrders } from './sorts.js'

// The rules for rating input, shared by the API and the forms.

export const movieIdSchema = z
  .string({ error: messageKey('ratings.movie.unknown') })
  .trim()
  .min(1)
  .max(40, { error: messageKey('ratings.movie.unknown') })
  .openapi({ example: 'tmdb-603' })

/** A new rating. The rater is the session's person; a body naming anyone is refused. */
export const newRatingSchema = z.object({ movieId: movieIdSchema, score: scoreSchema }).strict()

export const rescoreSchema = z.object({ score: scoreSchema }).strict()

export const ratingFormSchema = z.object({ movieId: movieIdSchema, score: formScoreSchema })
export const rescoreFormSchema = z.object({ score: formScoreSchema })

const cursorSchema = z
  .string()
  .max(512)
  .optional()
  .openapi({ description: 'The `nextCursor` of the previous page.' })

const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: 'Items per page (1–100).' })

export const listQuerySchema = z.object({
  sort: z
    .enum(ratingSorts, { error: messageKey('ratings.sort.invalid') })
    .default('registered')
    .openapi({ description: 'registered (default), score or release.' }),
  order: z
    .enum(sortOrders, { error: messageKey('ratings.order.invalid') })
    .default('desc')
    .openapi({ description: 'desc (default: newest, highest, latest release) or asc.' }),
  cursor: cursorSchema,
  limit: limitSchema,
})

export const ratersQuerySchema = z.object({ cursor: cursorSchema, limit: limitSchema })

export type ListQuery = z.infer<typeof listQuerySchema>
