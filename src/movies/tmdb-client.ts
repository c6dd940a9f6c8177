import { CatalogUnavailableError, type UpstreamFailure } from '../domain/errors.js'

export interface TmdbClientOptions {
  /** TMDB's read access token, sent as a bearer token. */
  token: string
  /** The v3 API's base URL, without a trailing slash. */
  baseUrl: string
  /** How long one attempt may take, headers and body together. */
  timeoutMs: number
  /** The longest `Retry-After` we wait for; a longer one fails at once. */
  maxRetryWaitMs?: number
  /** The wait before the retry when TMDB gives no `Retry-After`. */
  defaultRetryWaitMs?: number
  sleep?: (ms: number) => Promise<void>
}

type Attempt =
  | { outcome: 'ok'; body: unknown }
  | { outcome: 'missing' }
  | { outcome: 'retry'; status: number; waitMs: number | null }

/**
 * GET requests to TMDB's v3 API. An attempt is bounded by the timeout; an answer of
 * 429 or 5xx is tried once more after the wait TMDB asks for. Every failure becomes a
 * `CatalogUnavailableError` whose cause names the path and status, never the token.
 */
export class TmdbClient {
  private readonly maxRetryWaitMs: number
  private readonly defaultRetryWaitMs: number
  private readonly sleep: (ms: number) => Promise<void>

  constructor(private readonly options: TmdbClientOptions) {
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 3000
    this.defaultRetryWaitMs = options.defaultRetryWaitMs ?? 500
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  /** The parsed JSON answer, or null when TMDB has nothing at this path (404). */
  async get(path: string, params: Record<string, string>): Promise<unknown> {
    const url = `${this.options.baseUrl}${path}?${new URLSearchParams(params)}`
    const first = await this.attempt(url, path)
    if (first.outcome !== 'retry') return first.outcome === 'ok' ? first.body : null

    const waitMs = first.waitMs ?? this.defaultRetryWaitMs
    if (waitMs > this.maxRetryWaitMs) throw statusFailure(path, first.status, waitMs, false)
    await this.sleep(waitMs)
    const second = await this.attempt(url, path)
    if (second.outcome === 'retry') throw statusFailure(path, second.status, second.waitMs, true)
    return second.outcome === 'ok' ? second.body : null
  }

  private async attempt(url: string, path: string): Promise<Attempt> {
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    let response: Response
    try {
      response = await fetch(url, {
        headers: { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' },
        signal,
      })
    } catch (error) {
      throw transportFailure(path, error, signal)
    }

    const { status } = response
    if (status === 404) return discard(response, { outcome: 'missing' })
    if (status === 429 || status >= 500) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'))
      return discard(response, { outcome: 'retry', status, waitMs })
    }
    if (!response.ok) {
      // 401 is a bad or revoked token: our configuration, not the visitor's request.
      await discard(response, null)
      throw new CatalogUnavailableError('bad-gateway', {
        cause: new Error(`TMDB answered ${status} for ${path}`),
      })
    }

    try {
      return { outcome: 'ok', body: JSON.parse(await response.text()) }
    } catch (error) {
      if (signal.aborted) throw transportFailure(path, error, signal)
      throw new CatalogUnavailableError('bad-gateway', {
        cause: new Error(`TMDB sent malformed JSON for ${path}`, { cause: error }),
      })
    }
  }
}

async function discard<T>(response: Response, result: T): Promise<T> {
  await response.body?.cancel().catch(() => {})
  return result
}

function transportFailure(path: string, error: unknown, signal: AbortSignal) {
  const failure: UpstreamFailure = signal.aborted ? 'timeout' : 'unavailable'
  const what = signal.aborted ? 'did not answer in time' : 'could not be reached'
  return new CatalogUnavailableError(failure, {
    cause: new Error(`TMDB ${what} for ${path}`, { cause: error }),
  })
}

function statusFailure(path: string, status: number, waitMs: number | null, retried: boolean) {
  const failure: UpstreamFailure =
    status === 429 || status === 503 ? 'unavailable' : status === 504 ? 'timeout' : 'bad-gateway'
  const when = retried ? 'also after one retry' : `asking for a wait of ${waitMs} ms`
  return new CatalogUnavailableError(failure, {
    cause: new Error(`TMDB answered ${status} for ${path}, ${when}`),
    retryAfterSeconds: waitMs === null ? undefined : Math.ceil(waitMs / 1000),
  })
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now; null if absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}
