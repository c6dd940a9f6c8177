import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import {
  BadRequestError,
  CatalogUnavailableError,
  ConflictError,
  type DomainError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '../domain/errors.js'
import type { Translate } from '../i18n/translate.js'
import type { AppEnv } from './context.js'

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  requestId?: string
  errors?: { field: string; message: string }[]
  [extension: string]: unknown
}

const kinds: [new (...args: never[]) => DomainError, number, string][] = [
  [ValidationError, 400, 'validation-failed'],
  [BadRequestError, 400, 'bad-request'],
  [UnauthorizedError, 401, 'unauthorized'],
  [ForbiddenError, 403, 'forbidden'],
  [NotFoundError, 404, 'not-found'],
  [ConflictError, 409, 'conflict'],
  [PayloadTooLargeError, 413, 'content-too-large'],
  [RateLimitedError, 429, 'rate-limited'],
]

const upstreamStatus = { 'bad-gateway': 502, unavailable: 503, timeout: 504 } as const

function kindOf(error: DomainError): { status: number; id: string | undefined } {
  if (error instanceof CatalogUnavailableError) {
    return { status: upstreamStatus[error.failure], id: `catalog-${error.failure}` }
  }
  const kind = kinds.find(([type]) => error instanceof type)
  return { status: kind?.[1] ?? 400, id: kind?.[2] }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

export function statusOf(error: DomainError): ContentfulStatusCode {
  return kindOf(error).status as ContentfulStatusCode
}

/** The problem document for a domain error, in the caller's language. */
export function problemOf(error: DomainError, t: Translate): Problem {
  const { status, id } = kindOf(error)
  const problem = basicProblem(status, t(error.messageKey, error.params), id)
  if (error instanceof ValidationError) {
    problem.errors = error.fields.map((f) => ({
      field: f.field,
      message: t(f.messageKey, f.params),
    }))
  }
  if (error instanceof ConflictError) Object.assign(problem, error.extra)
  return problem
}

export function basicProblem(status: number, detail: string, id?: string): Problem {
  const title = titles[status] ?? 'Error'
  return {
    type: `urn:mymovie:problem:${id ?? title.toLowerCase().replaceAll(' ', '-')}`,
    title,
    status,
    detail,
  }
}

export function sendProblem(
  c: Context<AppEnv>,
  problem: Problem,
  headers?: Record<string, string>,
) {
  problem.requestId = c.get('requestId')
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
}
