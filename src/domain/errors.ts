import type { MessageKey, MessageParams } from '../i18n/translate.js'

/**
 * Errors the domain raises, knowing nothing of HTTP. `http/problem.ts` maps each to
 * a status and an RFC 9457 problem document; the message is a key translated there.
 */
export class DomainError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(messageKey)
    this.name = new.target.name
  }
}

export interface FieldError {
  /** The field's name as the caller sent it (camelCase in the API and forms alike). */
  field: string
  messageKey: MessageKey
  params?: MessageParams
}

export class ValidationError extends DomainError {
  constructor(readonly fields: FieldError[]) {
    super('error.validation')
  }
}

export class BadRequestError extends DomainError {}
export class NotFoundError extends DomainError {
  constructor(messageKey: MessageKey = 'error.notFound.detail') {
    super(messageKey)
  }
}
export class UnauthorizedError extends DomainError {
  constructor(messageKey: MessageKey = 'error.unauthorized') {
    super(messageKey)
  }
}
export class ForbiddenError extends DomainError {}
export class ConflictError extends DomainError {
  constructor(
    messageKey: MessageKey,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messageKey)
  }
}
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('error.rateLimited', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) })
  }
}
export class PayloadTooLargeError extends DomainError {
  constructor() {
    super('error.bodyTooLarge')
  }
}

/** How a catalog we depend on failed: a wrong answer, unavailable, or too slow. */
export type UpstreamFailure = 'bad-gateway' | 'unavailable' | 'timeout'

const upstreamMessages = {
  'bad-gateway': 'movies.error.badGateway',
  unavailable: 'movies.error.unavailable',
  timeout: 'movies.error.timeout',
} as const satisfies Record<UpstreamFailure, MessageKey>

/**
 * The film catalog (TMDB) could not answer. `cause` says why, for the log only: it
 * never reaches a client.
 */
export class CatalogUnavailableError extends DomainError {
  readonly retryAfterSeconds: number | undefined

  constructor(
    readonly failure: UpstreamFailure,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(upstreamMessages[failure])
    this.cause = options.cause
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}
