import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { today } from '../accounts/present.js'
import { apiRouter, jsonResponse, problems, requireCaller } from '../http/api.js'
import type { AppEnv } from '../http/context.js'
import { personSchema, presentPerson } from './present.js'
import type { PeopleService, PersonPage } from './service.js'

const tags = ['People']
const handleParam = z.object({ handle: z.string().min(1).max(64) })
const cursorQuery = z.object({ cursor: z.string().max(512).optional() })
const personList = z
  .object({ items: z.array(personSchema), nextCursor: z.string().nullable() })
  .openapi('PersonList')

const searchPeople = createRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'Everyone, or those whose handle or name contains `q` (case and width ignored)',
  request: { query: cursorQuery.extend({ q: z.string().max(100).optional() }) },
  responses: { 200: jsonResponse(personList, 'A page of people.'), ...problems(400) },
})

const getPerson = createRoute({
  method: 'get',
  path: '/users/{handle}',
  tags,
  summary: 'One person',
  request: { params: handleParam },
  responses: { 200: jsonResponse(personSchema, 'The person.'), ...problems(404) },
})

const followList = (direction: 'following' | 'followers') =>
  createRoute({
    method: 'get',
    path: `/users/{handle}/${direction}`,
    tags,
    summary:
      direction === 'following' ? 'The people this person follows' : 'The people following them',
    request: { params: handleParam, query: cursorQuery },
    responses: {
      200: jsonResponse(personList, 'A page of people, newest first.'),
      ...problems(400, 404),
    },
  })

const followRoute = (method: 'put' | 'delete') =>
  createRoute({
    method,
    path: '/me/following/{handle}',
    tags,
    summary: method === 'put' ? 'Follow someone (idempotent)' : 'Unfollow someone (idempotent)',
    request: { params: handleParam },
    responses: { 204: { description: 'Done.' }, ...problems(400, 401, 403, 404) },
  })

export function peopleApi(people: PeopleService) {
  const list = (c: Context<AppEnv>, page: PersonPage) => {
    const viewer = viewerOf(c, page.followed)
    const items = page.items.map((person) => presentPerson(person, today(), viewer))
    return { items, nextCursor: page.nextCursor }
  }

  return apiRouter()
    .openapi(searchPeople, async (c) => {
      const { q = '', cursor } = c.req.valid('query')
      const page = await people.search(q, cursor, c.get('user')?.id ?? null)
      return c.json(list(c, page), 200)
    })
    .openapi(getPerson, async (c) => {
      const person = await people.require(c.req.valid('param').handle)
      const viewerId = c.get('user')?.id
      const followed = new Set<string>()
      if (viewerId && (await people.isFollowing(viewerId, person.id))) followed.add(person.id)
      return c.json(presentPerson(person, today(), viewerOf(c, followed)), 200)
    })
    .openapi(followList('following'), async (c) => {
      const { handle } = c.req.valid('param')
      const viewerId = c.get('user')?.id ?? null
      const page = await people.follows('following', handle, c.req.valid('query').cursor, viewerId)
      return c.json(list(c, page), 200)
    })
    .openapi(followList('followers'), async (c) => {
      const { handle } = c.req.valid('param')
      const viewerId = c.get('user')?.id ?? null
      const page = await people.follows('followers', handle, c.req.valid('query').cursor, viewerId)
      return c.json(list(c, page), 200)
    })
    .openapi(followRoute('put'), async (c) => {
      await people.follow(requireCaller(c).id, c.req.valid('param').handle)
      return c.body(null, 204)
    })
    .openapi(followRoute('delete'), async (c) => {
      await people.unfollow(requireCaller(c).id, c.req.valid('param').handle)
      return c.body(null, 204)
    })
}

function viewerOf(c: Context<AppEnv>, following: Set<string>) {
  const user = c.get('user')
  return user ? { id: user.id, following } : null
}
