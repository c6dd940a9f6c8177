import { createHash } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { parse as parseCookies } from 'hono/utils/cookie'
import { CompiledQuery } from 'kysely'
import { today } from '../accounts/present.js'
import { isPossibleHandle } from '../accounts/schemas.js'
import { sessionCookieName } from '../accounts/session-cookie.js'
import type { Db } from '../db/database.js'
import {
  type Bytes,
  chooseEncoding,
  compressAbove,
  type Encoding,
  encode,
} from '../http/compression.js'
import type { AppEnv } from '../http/context.js'
import { bodyBytes } from '../http/render.js'
import {
  isSecureRequest,
  type RequestContextOptions,
  requestIdOf,
  requestLine,
} from '../http/request-context.js'
import { localeCookie, localeOf } from '../i18n/middleware.js'
import { requestLogger } from '../logging/logger.js'
import { LruBytes } from './lru.js'

interface CachedPage {
  version: string
  etag: string
  contentType: string
  /** What the page varies by, besides the encoding. */
  vary: string | null
  /**
   * The headers the whole stack gave the page (security, language), but those of one
   * response; known once its first answer has gone back through every middleware.
   */
  headers: Record<string, string> | null
  bodies: { identity: Bytes } & Partial<Record<Encoding, Bytes>>
}

interface VersionRow {
  id: string
  list_version: number
}

/** What the front found out about a request it could not answer itself. */
export interface ListPageLookup {
  key: string
  version: string
  etag: string
  /** The page kept for it, once rendered. */
  page?: CachedPage
}

export interface ListPageCacheOptions
  extends Pick<RequestContextOptions, 'logger' | 'isPublicUrlSecure' | 'trustProxy'> {
  db: Db
  /** What changes every page at once: the build's assets. */
  buildId: string
  maxBytes?: number
}

const route = '/users/:handle'
const perResponse = new Set([
  'content-length',
  'content-encoding',
  'content-type',
  'x-request-id',
  'set-cookie',
  'etag',
  'cache-control',
  'vary',
])

/**
 * Rendered list pages (`/users/<handle>`, any sort and page) for visitors who are not
 * logged in, kept per process and checked against the database on every request: one
 * look-up of the person's `list_version` by the unique handle index. Whatever changes
 * what the page shows moves that version in the same transaction (see ARCHITECTURE.md),
 * so a change shows on the very next request, whichever process serves it. Pages are
 * kept with their compressed copies; a weak ETag from the version answers
 * `If-None-Match` with 304. Logged-in viewers see follow buttons and their own
 * navigation: their pages are rendered every time.
 *
 * Two middlewares share the pages. `front` comes before the shared ones and answers a
 * visitor from the cache on its own: the page's headers are the ones the whole stack
 * gave it when it was rendered, and it writes the same log line. What it cannot answer
 * goes on; `store`, after the session and language are known, keeps what is rendered.
 */
export class ListPageCache {
  private readonly pages: LruBytes<CachedPage>

  /** The version look-up, compiled once: building it each time cost as much as running it. */
  private readonly versionQuery: string

  constructor(private readonly options: ListPageCacheOptions) {
    this.pages = new LruBytes<CachedPage>(options.maxBytes ?? 32 * 1024 * 1024)
    this.versionQuery = options.db
      .selectFrom('users')
      .select(['id', 'list_version'])
      .where('handle_key', '=', '')
      .compile().sql
  }

  front(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      if (c.req.method !== 'GET') return next()
      const started = performance.now()
      const isSecure = isSecureRequest(c, this.options)
      const cookies = parseCookies(c.req.header('cookie') ?? '')
      if (cookies[sessionCookieName(isSecure)] !== undefined) return next()
      const locale = localeOf(cookies[localeCookie], null, c.req.header('accept-language'))
      // A failed look-up goes the long way, which meets the same fault and reports it.
      const lookup = await this.lookUp(c, `${locale}|${isSecure ? 's' : ''}`).catch(() => undefined)
      if (!lookup) return next()

      const requestId = requestIdOf(c)
      const page = this.pages.get(lookup.key)
      let response: Response | undefined
      if (isNotModified(c, lookup.etag)) {
        response = notModified(lookup.etag, page, requestId)
      } else if (page?.version === lookup.version && page.headers) {
        response = await this.respond(c, lookup.key, page, requestId)
      }
      if (!response) {
        c.set('listPage', lookup)
        await next()
        if (lookup.page && c.res.status === 200) lookup.page.headers = replayable(c.res.headers)
        return
      }
      requestLogger(this.options.logger).info(
        { reqId: requestId, ...requestLine('GET', route, response.status, started) },
        'request',
      )
      return response
    }
  }

  store(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const lookup = c.get('listPage')
      if (!lookup || c.get('user')) return next()
      await next()
      const response = c.res
      if (response.status !== 200 || response.headers.has('Set-Cookie')) return
      const identity = await bodyBytes(response)
      const page: CachedPage = {
        version: lookup.version,
        etag: lookup.etag,
        contentType: response.headers.get('content-type') ?? 'text/html; charset=UTF-8',
        vary: response.headers.get('vary'),
        headers: null,
        bodies: { identity },
      }
      this.pages.set(lookup.key, page, identity.byteLength)
      lookup.page = page
      c.res = undefined as unknown as Response
      c.res = await this.respond(c, lookup.key, page, undefined, replayable(response.headers))
    }
  }

  /** The person's list version, and the key and ETag of this page at that version. */
  private async lookUp(c: Context<AppEnv>, variant: string): Promise<ListPageLookup | undefined> {
    const handle = c.req.param('handle')
    if (!handle || !isPossibleHandle(handle)) return undefined
    const { rows } = await this.options.db.executeQuery<VersionRow>(
      CompiledQuery.raw(this.versionQuery, [handle.toLowerCase()]),
    )
    const row = rows[0]
    if (!row) return undefined
    const url = c.req.url
    const path = url.slice(url.indexOf('/', url.indexOf('//') + 2))
    const key = `${variant}|${today()}|${path}`
    const version = `${row.id}.${row.list_version}`
    const kept = this.pages.peek(key)
    const etag =
      kept?.version === version
        ? kept.etag
        : `W/"${row.list_version}-${digest(`${this.options.buildId}|${version}|${key}`)}"`
    return { key, version, etag }
  }

  /**
   * The page in the encoding the client takes best, compressed once and kept. Its first
   * answer has the headers it was rendered with; the outer middlewares add theirs.
   */
  private async respond(
    c: Context,
    key: string,
    page: CachedPage,
    requestId?: string,
    rendered?: Record<string, string>,
  ) {
    const { identity } = page.bodies
    const isCompressible = identity.byteLength >= compressAbove
    const encoding = isCompressible ? chooseEncoding(c.req.header('accept-encoding')) : 'identity'
    let body = page.bodies[encoding]
    if (!body) {
      body = await encode(identity, encoding)
      page.bodies[encoding] = body
      this.pages.grow(key, body.byteLength)
    }
    const headers: Record<string, string> = {
      ...(page.headers ?? rendered),
      'content-type': page.contentType,
      etag: page.etag,
      'cache-control': 'no-cache',
      'content-length': String(body.byteLength),
    }
    if (isCompressible) headers.vary = varyOf(page.vary)
    if (encoding !== 'identity') headers['content-encoding'] = encoding
    if (requestId) headers['x-request-id'] = requestId
    return new Response(body, { status: 200, headers })
  }
}

/** The headers of a page's final response that every later answer repeats. */
function replayable(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of headers) if (!perResponse.has(name)) kept[name] = value
  return kept
}

function notModified(etag: string, page: CachedPage | undefined, requestId: string) {
  const headers: Record<string, string> = {
    etag,
    'cache-control': 'no-cache',
    vary: varyOf(page?.vary ?? null),
    'x-request-id': requestId,
  }
  const language = page?.headers?.['content-language']
  if (language) headers['content-language'] = language
  return new Response(null, { status: 304, headers })
}

function varyOf(vary: string | null): string {
  return vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
}

function isNotModified(c: Context, etag: string): boolean {
  const ifNoneMatch = c.req.header('if-none-match')
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 16)
}
