import { createRoute, z } from '@hono/zod-openapi'
import { apiRouter, jsonResponse, problems, requireCaller } from '../http/api.js'
import { presentMovie } from '../movies/present.js'
import { ratingPageSchema } from '../ratings/present.js'
import type { FeedService } from './service.js'

const getFeed = createRoute({
  method: 'get',
  path: '/me/feed',
  tags: ['People'],
  summary: 'The latest ratings by the people the caller follows, newest first',
  request: { query: z.object({ cursor: z.string().max(512).optional() }) },
  responses: { 200: jsonResponse(ratingPageSchema, 'A page of ratings.'), ...problems(400, 401) },
})

export function feedApi(feed: FeedService) {
  return apiRouter().openapi(getFeed, async (c) => {
    const caller = requireCaller(c)
    const page = await feed.page(caller.id, c.req.valid('query').cursor)
    const { locale } = c.var
    const posterBase = c.var.catalog.posterBase
    const items = page.items.map((item) => ({
      id: item.id,
      score: item.score,
      createdAt: new Date(item.createdAt).toISOString(),
      updatedAt: new Date(item.updatedAt).toISOString(),
      movie: presentMovie(item.movie, locale, posterBase),
      user: item.user,
    }))
    return c.json({ items, nextCursor: page.nextCursor }, 200)
  })
}
