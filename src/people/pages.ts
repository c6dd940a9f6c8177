import { type Context, Hono } from 'hono'
import type { AppEnv } from '../http/context.js'
import { readForm } from '../http/forms.js'
import { renderPage, safeNext } from '../http/render.js'
import type { PeopleService } from './service.js'
import { followListView, searchPeopleView } from './views.js'

/** The people pages, and the follow forms that work without JavaScript. */
export function peoplePages(people: PeopleService) {
  const app = new Hono<AppEnv>()

  app.get('/users', async (c) => {
    const query = (c.req.query('q') ?? '').slice(0, 100)
    const page = await people.search(query, c.req.query('cursor'), c.get('user')?.id ?? null)
    const next = nextHref('/users', page.nextCursor, query ? { q: query } : {})
    return renderPage(c, { title: c.get('t')('people.title') }, (view) =>
      searchPeopleView(view, query, page.items, page.followed, next),
    )
  })

  for (const direction of ['following', 'followers'] as const) {
    app.get(`/users/:handle/${direction}`, async (c) => {
      const viewerId = c.get('user')?.id ?? null
      const cursor = c.req.query('cursor')
      const page = await people.follows(direction, c.req.param('handle'), cursor, viewerId)
      const next = nextHref(`/users/${page.person.handle}/${direction}`, page.nextCursor)
      const t = c.get('t')
      const name = page.person.displayName
      const key = direction === 'following' ? 'people.following.title' : 'people.followers.title'
      return renderPage(c, { title: t(key, { name }) }, (view) =>
        followListView(view, direction, page.person, page.items, page.followed, next),
      )
    })
  }

  app.post('/users/:handle/follow', (c) => changeFollow(c, people, 'follow'))
  app.post('/users/:handle/unfollow', (c) => changeFollow(c, people, 'unfollow'))
  return app
}

async function changeFollow(
  c: Context<AppEnv>,
  people: PeopleService,
  change: 'follow' | 'unfollow',
) {
  const handle = c.req.param('handle') ?? ''
  const user = c.get('user')
  if (!user) return c.redirect(`/login?next=${encodeURIComponent(`/users/${handle}`)}`, 303)
  const form = await readForm(c)
  if (change === 'follow') await people.follow(user.id, handle)
  else await people.unfollow(user.id, handle)
  return c.redirect(safeNext(form.next ?? `/users/${handle}`), 303)
}

function nextHref(path: string, cursor: string | null, params: Record<string, string> = {}) {
  if (!cursor) return null
  return `${path}?${new URLSearchParams({ ...params, cursor }).toString()}`
}
