import { type Context, Hono } from 'hono'
import { today } from '../accounts/present.js'
import { BadRequestError, ConflictError, ValidationError } from '../domain/errors.js'
import type { AppEnv } from '../http/context.js'
import { formFailure, parseForm, readForm } from '../http/forms.js'
import { renderPage, safeNext } from '../http/render.js'
import { titleIn } from '../movies/movie.js'
import type { PeopleService } from '../people/service.js'
import { listHref, ratingListView } from './list-view.js'
import { listQuerySchema, ratingFormSchema, rescoreFormSchema } from './schemas.js'
import type { MovieSource, RatingService } from './service.js'
import { editRatingView, newRatingView } from './views.js'

export interface RatingPagesDeps {
  ratings: RatingService
  movies: MovieSource
  people: Pick<PeopleService, 'isFollowing'>
}

/** A person's list, and rating, re-scoring and deleting through forms. */
export function ratingPages({ ratings, movies, people }: RatingPagesDeps) {
  const app = new Hono<AppEnv>()

  app.get('/users/:handle', async (c) => {
    const { sort, order, cursor } = parseListQuery(c)
    const list = await ratings.cardsOf(c.req.param('handle'), sort, order, cursor)
    const viewer = c.get('user')
    const isOwner = viewer?.id === list.owner.id
    const isFollowing =
      viewer && !isOwner ? await people.isFollowing(viewer.id, list.owner.id) : false
    const t = c.get('t')
    const done = c.req.query('done')
    const notice =
      done === 'deleted'
        ? t('ratings.delete.done')
        : done === 'saved'
          ? t('ratings.edit.saved')
          : undefined
    const title = t('ratings.list.title', { name: list.owner.displayName })
    const nextHref = list.nextCursor
      ? listHref(list.owner.handle, sort, order, list.nextCursor)
      : null
    return renderPage(c, { title, noindex: cursor !== undefined }, (page) =>
      ratingListView(page, {
        ...list,
        isOwner,
        isFollowing,
        sort,
        order,
        nextHref,
        isContinued: cursor !== undefined,
        notice,
        today: today(),
      }),
    )
  })

  app.get('/ratings/new', async (c) => {
    const user = c.get('user')
    if (!user) return redirectToLogin(c)
    const movie = await movies.ensureStored(c.req.query('movieId') ?? '', c.get('locale'))
    const mine = await ratings.findMine(user.id, movie.id)
    if (mine) return c.redirect(`/ratings/${mine.id}/edit?notice=exists`, 303)
    const title = c.get('t')('ratings.new.title', { title: titleIn(movie, c.get('locale')) })
    return renderPage(c, { title, noindex: true }, (page) => newRatingView(page, movie))
  })

  app.post('/ratings', async (c) => {
    const form = await readForm(c)
    const user = c.get('user')
    if (!user) return redirectToLogin(c, `/movies/${encodeURIComponent(form.movieId ?? '')}`)
    try {
      const input = parseForm(ratingFormSchema, form)
      const rating = await ratings.rate(user.id, input.movieId, input.score, c.get('locale'))
      return c.redirect(`/movies/${rating.movie.id}?rated=1#your-rating`, 303)
    } catch (error) {
      if (error instanceof ConflictError) {
        return c.redirect(`/ratings/${String(error.extra.ratingId)}/edit?notice=exists`, 303)
      }
      const failure = formFailure(c, error)
      if (!(error instanceof ValidationError) || failure.fields.movieId) throw error
      const movie = await movies.ensureStored(form.movieId ?? '', c.get('locale'))
      const title = c.get('t')('ratings.new.title', { title: titleIn(movie, c.get('locale')) })
      return renderPage(
        c,
        { title, noindex: true },
        (page) => newRatingView(page, movie, { failure, typed: form.score }),
        failure.status,
      )
    }
  })

  app.get('/ratings/:id/edit', async (c) => {
    const user = c.get('user')
    if (!user) return redirectToLogin(c)
    const rating = await ratings.requireOwned(user.id, c.req.param('id'))
    const t = c.get('t')
    const notice = c.req.query('notice') === 'exists' ? t('ratings.edit.exists') : undefined
    const next = nextOf(c.req.query('next'))
    const isConfirmingDelete = c.req.query('delete') === '1'
    return renderPage(c, { title: t('ratings.edit.title'), noindex: true }, (page) =>
      editRatingView(page, rating, { notice, next, isConfirmingDelete }),
    )
  })

  app.post('/ratings/:id', async (c) => {
    const user = c.get('user')
    if (!user) return redirectToLogin(c)
    const form = await readForm(c)
    const next = nextOf(form.next)
    try {
      const { score } = parseForm(rescoreFormSchema, form)
      const rating = await ratings.rescore(user.id, c.req.param('id'), score)
      const back = next ? withQuery(next, 'done', 'saved') : `/movies/${rating.movie.id}?rated=1`
      return c.redirect(next ? back : `${back}#your-rating`, 303)
    } catch (error) {
      const failure = formFailure(c, error)
      if (!(error instanceof ValidationError)) throw error
      const rating = await ratings.requireOwned(user.id, c.req.param('id'))
      const title = c.get('t')('ratings.edit.title')
      return renderPage(
        c,
        { title, noindex: true },
        (page) => editRatingView(page, rating, { failure, typed: form.score, next }),
        failure.status,
      )
    }
  })

  app.post('/ratings/:id/delete', async (c) => {
    const user = c.get('user')
    if (!user) return redirectToLogin(c)
    const form = await readForm(c)
    const id = c.req.param('id')
    const next = nextOf(form.next)
    if (form.confirmed !== 'yes') {
      // No script asked: ask on a page of its own before anything is deleted.
      const query = new URLSearchParams({ delete: '1', ...(next ? { next } : {}) })
      return c.redirect(`/ratings/${encodeURIComponent(id)}/edit?${query}`, 303)
    }
    await ratings.delete(user.id, id)
    return c.redirect(withQuery(next ?? `/users/${user.handle}`, 'done', 'deleted'), 303)
  })

  return app
}

/** The list's sort, order and cursor; an unknown sort or order is a 400 that says so. */
function parseListQuery(c: Context<AppEnv>) {
  const result = listQuerySchema.safeParse({
    sort: c.req.query('sort') || undefined,
    order: c.req.query('order') || undefined,
    cursor: c.req.query('cursor') || undefined,
  })
  if (result.success) return result.data
  const field = String(result.error.issues[0]?.path[0] ?? '')
  if (field === 'order') throw new BadRequestError('ratings.order.invalid')
  if (field === 'cursor') throw new BadRequestError('error.cursor.invalid')
  throw new BadRequestError('ratings.sort.invalid')
}

/** A page of this site to come back to, if one was given. */
function nextOf(value: string | undefined): string | undefined {
  return value ? safeNext(value) : undefined
}

function withQuery(path: string, name: string, value: string): string {
  const url = new URL(path, 'http://localhost')
  url.searchParams.set(name, value)
  return url.pathname + url.search
}

function redirectToLogin(c: Context<AppEnv>, next?: string) {
  const url = new URL(c.req.url)
  const back = next ?? (c.req.method === 'GET' ? url.pathname + url.search : '/')
  return c.redirect(`/login?next=${encodeURIComponent(back)}`, 303)
}
