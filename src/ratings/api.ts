import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { apiRouter, jsonBody, jsonResponse, problems, requireCaller } from '../http/api.js'
import type { AppEnv } from '../http/context.js'
import { type Presentation, presentRating, ratingPageSchema, ratingSchema } from './present.js'
import { listQuerySchema, newRatingSchema, ratersQuerySchema, rescoreSchema } from './schemas.js'
import type { RatingService } from './service.js'

const tags = ['Ratings']
const ratingParams = z.object({ id: z.string().min(1).max(64) })

const rate = createRoute({
  method: 'post',
  path: '/ratings',
  tags,
  summary: 'Rate a film as the caller',
  description:
    'One rating per person per film. Rating a film again answers 409 with the existing rating’s id in `ratingId`: change it with PATCH instead.',
  request: { body: jsonBody(newRatingSchema.openapi('NewRating')) },
  responses: {
    201: jsonResponse(ratingSchema, 'The new rating.'),
    ...problems(400, 401, 403, 409),
  },
})

const rescore = createRoute({
  method: 'patch',
  path: '/ratings/{id}',
  tags,
  summary: 'Change the score of one of the caller’s ratings',
  request: { params: ratingParams, body: jsonBody(rescoreSchema.openapi('Rescore')) },
  responses: {
    200: jsonResponse(ratingSchema, 'The rating with its new score.'),
    ...problems(400, 401, 403, 404),
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/ratings/{id}',
  tags,
  summary: 'Delete one of the caller’s ratings',
  request: { params: ratingParams },
  responses: { 204: { description: 'Deleted.' }, ...problems(401, 403, 404) },
})

const personList = createRoute({
  method: 'get',
  path: '/users/{handle}/ratings',
  tags,
  summary: 'A person’s films, sorted and paginated',
  request: { params: z.object({ handle: z.string().max(40) }), query: listQuerySchema },
  responses: {
    200: jsonResponse(ratingPageSchema, 'One page of the list.'),
    ...problems(400, 404),
  },
})

const movieRaters = createRoute({
  method: 'get',
  path: '/movies/{id}/ratings',
  tags,
  summary: 'Everyone who rated a film, newest first',
  request: { params: z.object({ id: z.string().max(40) }), query: ratersQuerySchema },
  responses: { 200: jsonResponse(ratingPageSchema, 'One page of ratings.'), ...problems(400, 404) },
})

const presentation = (c: Context<AppEnv>): Presentation => ({
  locale: c.get('locale'),
  posterBase: c.get('catalog').posterBase,
})

export function ratingApi(ratings: RatingService) {
  return apiRouter()
    .openapi(rate, async (c) => {
      const caller = requireCaller(c)
      const { movieId, score } = c.req.valid('json')
      const rating = await ratings.rate(caller.id, movieId, score, c.get('locale'))
      return c.json(presentRating(rating, caller, presentation(c)), 201)
    })
    .openapi(rescore, async (c) => {
      const caller = requireCaller(c)
      const { score } = c.req.valid('json')
      const rating = await ratings.rescore(caller.id, c.req.valid('param').id, score)
      return c.json(presentRating(rating, caller, presentation(c)), 200)
    })
    .openapi(remove, async (c) => {
      const caller = requireCaller(c)
      await ratings.delete(caller.id, c.req.valid('param').id)
      return c.body(null, 204)
    })
    .openapi(personList, async (c) => {
      const { sort, order, cursor, limit } = c.req.valid('query')
      const { handle } = c.req.valid('param')
      const page = await ratings.listOf(handle, sort, order, cursor, limit)
      const how = presentation(c)
      const items = page.items.map((rating) => presentRating(rating, page.owner, how))
      return c.json({ items, nextCursor: page.nextCursor }, 200)
    })
    .openapi(movieRaters, async (c) => {
      const { cursor, limit } = c.req.valid('query')
      const { id } = c.req.valid('param')
      const page = await ratings.ratersOfFilm(id, c.get('locale'), cursor, limit)
      const how = presentation(c)
      const items = page.items.map((rating) => presentRating(rating, rating.user, how))
      return c.json({ items, nextCursor: page.nextCursor }, 200)
    })
}
