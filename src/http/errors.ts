import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { isUnstorableText } from '../db/dialect.js'
import {
  BadRequestError,
  CatalogUnavailableError,
  DomainError,
  RateLimitedError,
} from '../domain/errors.js'
import { defaultLocale } from '../i18n/locale.js'
import { translator } from '../i18n/translate.js'
import type { Logger } from '../logging/logger.js'
import { type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import type { AppEnv } from './context.js'
import { basicProblem, problemOf, sendProblem } from './problem.js'
import { renderPage } from './render.js'

/** The request's translator, or a default one when the failure came before it was set. */
function translate(c: Context<AppEnv>) {
  return c.get('t') ?? translator(defaultLocale)
}

const isApi = (c: Context<AppEnv>) => c.req.path.startsWith('/api/')

/**
 * The one place errors become responses: domain errors get their status and a
 * problem document or an error page; anything unexpected is logged with its stack
 * and answered with a generic 500 that carries only the request id.
 */
export function handleError(thrown: Error, c: Context<AppEnv>) {
  const t = translate(c)
  const error = isUnstorableText(thrown) ? new BadRequestError('error.badRequest') : thrown
  if (error instanceof CatalogUnavailableError) {
    logCatalogFailure(c.get('log'), error)
    const problem = problemOf(error, t)
    const headers = retryAfterHeader(error.retryAfterSeconds)
    if (isApi(c)) return sendProblem(c, problem, headers)
    for (const [name, value] of Object.entries(headers)) c.header(name, value)
    return errorPage(c, problem.status as 500, t('movies.error.title'), problem.detail)
  }
  if (error instanceof DomainError) {
    const problem = problemOf(error, t)
    const headers: Record<string, string> =
      error instanceof RateLimitedError ? { 'Retry-After': String(error.retryAfterSeconds) } : {}
    if (isApi(c)) return sendProblem(c, problem, headers)
    for (const [name, value] of Object.entries(headers)) c.header(name, value)
    return errorPage(c, problem.status as 400, problem.detail)
  }
  if (error instanceof HTTPException && error.status < 500) {
    const detail = error.status === 413 ? t('error.bodyTooLarge') : t('error.badRequest')
    if (isApi(c)) return sendProblem(c, basicProblem(error.status, detail))
    return errorPage(c, error.status as 400, detail)
  }

  c.get('log').error({ err: error }, 'unexpected error')
  const detail = t('error.server.body')
  if (isApi(c)) return sendProblem(c, basicProblem(500, detail, 'internal-error'))
  return errorPage(c, 500, t('error.server.title'), detail)
}

/** The one log line of a catalog failure, with its cause (never the credential). */
export function logCatalogFailure(log: Logger, error: CatalogUnavailableError) {
  const level = error.failure === 'bad-gateway' ? 'error' : 'warn'
  log[level]({ err: error.cause, failure: error.failure }, 'film catalog failed')
}

export function retryAfterHeader(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { 'Retry-After': String(seconds) }
}

export function handleNotFound(c: Context<AppEnv>) {
  const t = translate(c)
  if (isApi(c)) return sendProblem(c, basicProblem(404, t('error.notFound.detail'), 'not-found'))
  return errorPage(c, 404, t('error.notFound.title'), t('error.notFound.body'))
}

function errorPage(c: Context<AppEnv>, status: 400 | 404 | 500, title: string, body?: string) {
  c.header('Cache-Control', 'no-store')
  return renderPage(
    c,
    { title, noindex: true },
    (page) => errorView(page, title, body, c.get('requestId')),
    status,
  )
}

function errorView(
  page: PageContext,
  title: string,
  body: string | undefined,
  requestId: string,
): Html {
  const { t } = page
  return html`<div class="text-center py-5 mx-auto col-lg-7">
<h1 class="h3 mb-3">${title}</h1>
${body ? html`<p class="text-body-secondary">${body}</p>` : ''}
<p class="small text-body-secondary">${t('error.requestId', { id: requestId })}</p>
<a class="btn btn-primary mt-2" href="/">${t('error.backHome')}</a>
</div>`
}
