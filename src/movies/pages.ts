import { type Context, Hono } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { CatalogUnavailableError } from '../domain/errors.js'
import type { AppEnv } from '../http/context.js'
import { logCatalogFailure, retryAfterHeader } from '../http/errors.js'
import { statusOf } from '../http/problem.js'
import { pageContext, renderPage } from '../http/render.js'
import type { Html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { filmView, ratingPlaceholder } from './film-view.js'
import { type StoredMovie, titleIn } from './movie.js'
import { type SearchOutcome, searchPageView, searchResultsView } from './search-view.js'
import { type MovieService, maxQueryLength, maxSearchPage } from './service.js'

/**
 * Draws the rating area of a film's page for the request. The ratings feature passes
 * its own; the placeholder says there are no ratings yet.
 */
export type RatingSlot = (
  c: Context<AppEnv>,
  movie: StoredMovie,
  page: PageContext,
) => Promise<Html>

const placeholderSlot: RatingSlot = async (_c, _movie, page) => ratingPlaceholder(page)

/** The film pages: search, its live results fragment, and each film. */
export function moviePages(movies: MovieService, ratingSlot: RatingSlot = placeholderSlot) {
  const app = new Hono<AppEnv>()

  app.get('/movies/search', async (c) => {
    const { query, outcome, status } = await runSearch(c, movies)
    const t = c.get('t')
    const title = query ? t('movies.search.resultsTitle', { query }) : t('movies.search.title')
    return renderPage(c, { title }, (page) => searchPageView(page, query, outcome), status)
  })

  app.get('/movies/search/results', async (c) => {
    const { query, outcome, status } = await runSearch(c, movies)
    c.header('X-Robots-Tag', 'noindex')
    return c.html(String(searchResultsView(pageContext(c), query, outcome)), status)
  })

  app.get('/movies/:id', async (c) => {
    const { movie, isStale } = await movies.load(c.req.param('id'), c.get('locale'))
    const page = pageContext(c)
    const slot = await ratingSlot(c, movie, page)
    const title = titleIn(movie, page.locale)
    return renderPage(c, { title }, (page) => filmView(page, movie, { isStale, ratingSlot: slot }))
  })

  return app
}

interface SearchRun {
  query: string
  outcome: SearchOutcome
  status: ContentfulStatusCode
}

/** Searches for the request's `q` and `page`; a catalog failure becomes a message. */
async function runSearch(c: Context<AppEnv>, movies: MovieService): Promise<SearchRun> {
  const query = (c.req.query('q') ?? '').trim().slice(0, maxQueryLength)
  const page = Math.min(
    Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1),
    maxSearchPage,
  )
  try {
    const results = await movies.search(query, c.get('locale'), page)
    return { query, outcome: { kind: 'results', results }, status: 200 }
  } catch (error) {
    if (!(error instanceof CatalogUnavailableError)) throw error
    logCatalogFailure(c.get('log'), error)
    for (const [name, value] of Object.entries(retryAfterHeader(error.retryAfterSeconds))) {
      c.header(name, value)
    }
    const message = c.get('t')(error.messageKey)
    return { query, outcome: { kind: 'failed', message }, status: statusOf(error) }
  }
}
