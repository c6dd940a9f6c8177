import { createRoute, z } from '@hono/zod-openapi'
import { apiRouter, jsonResponse, problemSchema, problems } from '../http/api.js'
import { messageKey } from '../i18n/translate.js'
import { ownRatingSchema } from '../ratings/present.js'
import type { StoredMovie } from './movie.js'
import { movieSchema, presentCatalogMovie, presentMovie } from './present.js'
import { type MovieService, maxQueryLength, maxSearchPage } from './service.js'

const tags = ['Films']

const searchQuery = z.object({
  q: z
    .string()
    .max(maxQueryLength, { error: messageKey('movies.search.tooLong') })
    .default('')
    .openapi({ description: 'Words of the title; empty finds nothing.', example: 'matrix' }),
  page: z.coerce.number().int().min(1).max(maxSearchPage).default(1),
})

const searchResultsSchema = z
  .object({
    items: z.array(movieSchema),
    page: z.number().int(),
    totalPages: z.number().int(),
  })
  .openapi('MovieSearchResults')

const ratingStatsSchema = z.object({
  average: z.number().nullable().openapi({ description: 'The average score, 0–100.' }),
  count: z.number().int(),
})

/** The ratings part of a film's page data; the ratings feature provides it. */
export interface MovieRatings {
  stats: z.infer<typeof ratingStatsSchema>
  myRating: z.infer<typeof ownRatingSchema> | null
}

/** Loads the ratings part for a film and the caller (null when logged out). */
export type MovieRatingsLoader = (
  movie: StoredMovie,
  callerId: string | null,
) => Promise<MovieRatings>

export const noRatingsYet: MovieRatingsLoader = async () => ({
  stats: { average: null, count: 0 },
  myRating: null,
})

const moviePageSchema = z
  .object({
    movie: movieSchema,
    stats: ratingStatsSchema,
    myRating: ownRatingSchema
      .nullable()
      .openapi({ description: 'The caller’s own rating of the film, or null.' }),
  })
  .openapi('MoviePage')

const catalogProblems = Object.fromEntries(
  (
    [
      [502, 'The film catalog gave an answer that cannot be used.'],
      [503, 'The film catalog is unavailable or limiting us; see `Retry-After`.'],
      [504, 'The film catalog did not answer in time.'],
    ] as const
  ).map(([status, description]) => [
    status,
    { description, content: { 'application/problem+json': { schema: problemSchema } } },
  ]),
)

const search = createRoute({
  method: 'get',
  path: '/movies/search',
  tags,
  summary: 'Search films by title in the caller’s language',
  request: { query: searchQuery },
  responses: {
    200: jsonResponse(searchResultsSchema, 'A page of results.'),
    ...problems(400),
    ...catalogProblems,
  },
})

const getMovie = createRoute({
  method: 'get',
  path: '/movies/{id}',
  tags,
  summary: 'A film, its rating statistics and the caller’s rating',
  request: {
    params: z.object({ id: z.string().max(40).openapi({ example: 'tmdb-603' }) }),
  },
  responses: {
    200: jsonResponse(moviePageSchema, 'The film.'),
    ...problems(404),
    ...catalogProblems,
  },
})

export function movieApi(movies: MovieService, loadRatings: MovieRatingsLoader = noRatingsYet) {
  return apiRouter()
    .openapi(search, async (c) => {
      const { q, page } = c.req.valid('query')
      const results = await movies.search(q, c.get('locale'), page)
      const posterBase = c.get('catalog').posterBase
      const items = results.items.map((movie) => presentCatalogMovie(movie, posterBase))
      return c.json({ items, page: results.page, totalPages: results.totalPages }, 200)
    })
    .openapi(getMovie, async (c) => {
      const locale = c.get('locale')
      const movie = await movies.ensureStored(c.req.valid('param').id, locale)
      const ratings = await loadRatings(movie, c.get('user')?.id ?? null)
      const presented = presentMovie(movie, locale, c.get('catalog').posterBase)
      return c.json({ movie: presented, ...ratings }, 200)
    })
}
