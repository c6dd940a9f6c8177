import { z } from '@hono/zod-openapi'
import type { Locale } from '../i18n/locale.js'
import type { StoredMovie } from '../movies/movie.js'
import { movieSchema, presentMovie } from '../movies/present.js'
import type { RatingRecord } from './repository.js'

const iso = (epochMs: number) => new Date(epochMs).toISOString()

export const raterSchema = z
  .object({ handle: z.string(), displayName: z.string() })
  .openapi('Rater')

export const ratingSchema = z
  .object({
    id: z.string().openapi({ example: 'q3k9XcVb2m0aLs7d' }),
    score: z.number().int().min(0).max(100).openapi({ example: 87 }),
    createdAt: z.string().openapi({ description: 'When the film was rated (ISO 8601).' }),
    updatedAt: z.string().openapi({ description: 'When the score last changed (ISO 8601).' }),
    movie: movieSchema,
    user: raterSchema,
  })
  .openapi('Rating')

export type RatingJson = z.infer<typeof ratingSchema>

export const ratingPageSchema = z
  .object({
    items: z.array(ratingSchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('RatingPage')

export const movieStatsSchema = z
  .object({
    average: z
      .number()
      .nullable()
      .openapi({ description: 'Mean score to one decimal; null before the first rating.' }),
    count: z.number().int(),
  })
  .openapi('MovieStats')

/** What presenting needs from the request: its language and where posters are. */
export interface Presentation {
  locale: Locale
  posterBase: string
}

export function presentRating(
  rating: RatingRecord & { movie: StoredMovie },
  user: { handle: string; displayName: string },
  how: Presentation,
): RatingJson {
  return {
    id: rating.id,
    score: rating.score,
    createdAt: iso(rating.createdAt),
    updatedAt: iso(rating.updatedAt),
    movie: presentMovie(rating.movie, how.locale, how.posterBase),
    user: { handle: user.handle, displayName: user.displayName },
  }
}

/** The caller's own rating on a film's page data: the film and the person are known. */
export const ownRatingSchema = z
  .object({
    id: z.string(),
    score: z.number().int().min(0).max(100),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('OwnRating')

export function presentOwnRating(rating: RatingRecord): z.infer<typeof ownRatingSchema> {
  return {
    id: rating.id,
    score: rating.score,
    createdAt: iso(rating.createdAt),
    updatedAt: iso(rating.updatedAt),
  }
}
