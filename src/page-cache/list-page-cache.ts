import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { parse as parseCookies } from 'hono/utils/cookie'
import { today } from '../accounts/present.js'
import { isPossibleHandle } from '../accounts/schemas.js'
import { sessionCookieName } from '../accounts/session-cookie.js'
import { type Db, type KeyedRead, keyedRead } from '../db/database.js'
import { type Bytes, type Encoding, encode } from '../http/compression.js'
import type { AppEnv } from '../http/context.js'
import { bodyBytes } from '../http/render.js'
import {
  type HeaderOf,
  isSecureRequest,
  type RequestContextOptions,
  requestIdFrom,
  requestLine,
} from '../http/request-context.js'
import { localeCookie, localeOf } from '../i18n/middleware.js'
import { requestLogger } from '../logging/logger.js'
import {
  answerHeaders,
  type CachedPage,
  encodingFor,
  isNotModified,
  type KeptAnswer,
  notModified,
  replayable,
} from './kept-page.js'
import { LruBytes } from './lru.js'

/** A request as the cache sees it, whichever server it came through. */
export interface VisitorRequest {
  method: string
  /** The request target as sent: path and query. */
  target: string
  header: HeaderOf
}

/** What the cache made of a request. */
export type Visit =
  /** Answered from what is kept. */
  | { kind: 'answered'; answer: KeptAnswer }
  /** A visitor's list page to render and keep, at the version read before rendering. */
  | { kind: 'render'; lookup: ListPageLookup }
  /** Not the cache's to answer: someone logged in, another page, no such person. */
  | { kind: 'pass' }

/** A visitor's list page the cache will keep once it is rendered. */
export interface ListPageLookup {
  key: string
  version: string
  etag: string
  /** The page kept for it, once rendered. */
  page?: CachedPage
}

interface VersionRow {
  key: string
  id: string
  list_version: number
}

export interface ListPageCacheOptions
  extends Pick<RequestContextOptions, 'logger' | 'isPublicUrlSecure' | 'trustProxy'> {
  db: Db
  /** What changes every page at once: the build's assets. */
  buildId: string
  maxBytes?: number
}

const route = '/users/:handle'
const askedKept = 20_000
const routePrefix = '/users/'
const pass: Visit = { kind: 'pass' }
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
 * `visit` decides, for any server: the Node server asks it before the app at all
 * (`keptPagesFirst`) and hands on what it found with what it cannot answer; the app's
 * outermost middleware (`front`) asks it for requests that reach the app any other way,
 * so that the app alone behaves the same (serverless, tests). A kept page's headers
 * are the ones the whole stack gave it when it was rendered; every answer writes the
 * same log line as a rendered page. `store`, after the session and language are
 * known, keeps what is rendered.
 */
export class ListPageCache {
  private readonly pages: LruBytes<CachedPage>
  /** What the Node server's front found for requests it handed on to the app. */
  private readonly handedOn = new WeakMap<object, Visit>()
  private readonly readVersion: KeyedRead<VersionRow>
  /** The addresses of pages rendered once and not kept (yet). */
  private readonly asked = new Set<string>()

  constructor(private readonly options: ListPageCacheOptions) {
    this.pages = new LruBytes<CachedPage>(options.maxBytes ?? 32 * 1024 * 1024)
    const { db } = options
    this.readVersion = keyedRead(db, (keys) =>
      db
        .selectFrom('users')
        .select(['handle_key as key', 'id', 'list_version'])
        .where('handle_key', 'in', keys),
    )
  }

  /**
   * What the cache makes of a request: synchronous when the database read is (SQLite).
   * A failed read passes the request on, to meet the same fault the long way and
   * report it there.
   */
  visit(request: VisitorRequest): Visit | Promise<Visit> {
    const handle = request.method === 'GET' ? handleIn(request.target) : undefined
    if (!handle) return pass
    const started = performance.now()
    const isSecure = isSecureRequest(request.header, this.options)
    const cookieHeader = request.header('cookie')
    const cookies = cookieHeader ? parseCookies(cookieHeader) : {}
    if (cookies[sessionCookieName(isSecure)] !== undefined) return pass
    const locale = localeOf(cookies[localeCookie], null, request.header('accept-language'))
    // The day is in the key: a shown age can change at midnight.
    const key = `${locale}|${isSecure ? 's' : ''}|${today()}|${request.target}`
    let found: ReturnType<KeyedRead<VersionRow>>
    try {
      found = this.readVersion(handle.toLowerCase())
    } catch {
      return pass
    }
    if (!(found instanceof Promise)) return this.visitAt(request, key, found, started)
    return found.then(
      (row) => this.visitAt(request, key, row, started),
      () => pass,
    )
  }

  /**
   * Remembers what the Node server's front found for a request it hands on (`request`
   * is Node's request object), so that the app does not read the version again.
   */
  handOn(request: object, visit: Visit): void {
    this.handedOn.set(request, visit)
  }

  /** The app's outermost middleware: answers what is kept, records what is rendered. */
  front(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const incoming = (c.env as { incoming?: object } | undefined)?.incoming
      const url = c.req.url
      const visit =
        (incoming && this.handedOn.get(incoming)) ??
        (await this.visit({
          method: c.req.method,
          target: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
          header: (name) => c.req.header(name),
        }))
      if (visit.kind === 'answered') {
        const { status, headers, body } = visit.answer
        return new Response(body, { status, headers })
      }
      if (visit.kind === 'pass') return next()
      const { lookup } = visit
      c.set('listPage', lookup)
      await next()
      if (lookup.page && c.res.status === 200) lookup.page.headers = replayable(c.res.headers)
    }
  }

  /**
   * Keeps the page rendered for a visitor, and answers in the encoding asked for. A page
   * is kept from its second request on: most addresses are asked for once (a crawler, a
   * shared link followed once), and keeping each of those cost a copy of the page and
   * the garbage collector's time, only to push out pages that are asked for again.
   */
  store(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const lookup = c.get('listPage')
      if (!lookup || c.get('user')) return next()
      await next()
      const response = c.res
      if (response.status !== 200 || response.headers.has('Set-Cookie')) return
      if (!this.isAskedAgain(lookup.key)) {
        // Not kept, but revalidated all the same: the ETag is the version's. (Vary comes
        // from the compression on the way out.)
        response.headers.set('ETag', lookup.etag)
        response.headers.set('Cache-Control', 'no-cache')
        return
      }
      const identity = await bodyBytes(response)
      const page: CachedPage = {
        version: lookup.version,
        etag: lookup.etag,
        contentType: response.headers.get('content-type') ?? 'text/html; charset=UTF-8',
        vary: response.headers.get('vary'),
        headers: null,
        bodies: { identity },
        answers: {},
      }
      this.pages.set(lookup.key, page, identity.byteLength)
      lookup.page = page
      const encoding = encodingFor(page, c.req.header('accept-encoding'))
      const body = await this.bodyIn(lookup.key, page, encoding)
      c.res = undefined as unknown as Response
      c.res = new Response(body, {
        status: 200,
        headers: { ...replayable(response.headers), ...answerHeaders(page, encoding, body) },
      })
    }
  }

  /** Whether the page was asked for before (since the record of addresses last filled up). */
  private isAskedAgain(key: string): boolean {
    if (this.asked.has(key)) return true
    if (this.asked.size >= askedKept) this.asked.clear()
    this.asked.add(key)
    return false
  }

  private visitAt(
    request: VisitorRequest,
    key: string,
    row: VersionRow | undefined,
    started: number,
  ): Visit | Promise<Visit> {
    // No such person: the app answers with its not-found page.
    if (!row) return pass
    const version = `${row.id}.${row.list_version}`
    const kept = this.pages.peek(key)
    const isCurrent = kept?.version === version
    const etag = isCurrent ? kept.etag : this.etagOf(version, row.list_version, key)
    if (isNotModified(request.header('if-none-match'), etag)) {
      return this.answered(request, notModified(etag, kept), started)
    }
    if (!isCurrent || !kept.headers) return { kind: 'render', lookup: { key, version, etag } }
    this.pages.get(key)
    const encoding = encodingFor(kept, request.header('accept-encoding'))
    const body = kept.bodies[encoding]
    if (body) return this.answered(request, this.keptAnswer(kept, encoding, body), started)
    return this.bodyIn(key, kept, encoding).then((made) =>
      this.answered(request, this.keptAnswer(kept, encoding, made), started),
    )
  }

  private answered(request: VisitorRequest, answer: KeptAnswer, started: number): Visit {
    const requestId = requestIdFrom(request.header('x-request-id'))
    answer.headers['x-request-id'] = requestId
    requestLogger(this.options.logger).info(
      { reqId: requestId, ...requestLine('GET', route, answer.status, started) },
      'request',
    )
    return { kind: 'answered', answer }
  }

  private keptAnswer(page: CachedPage, encoding: Encoding, body: Bytes): KeptAnswer {
    let headers = page.answers[encoding]
    if (!headers) {
      headers = { ...page.headers, ...answerHeaders(page, encoding, body) }
      page.answers[encoding] = headers
    }
    return { status: 200, headers: { ...headers }, body }
  }

  /** The page in an encoding, compressed the first time it is asked for and kept. */
  private async bodyIn(key: string, page: CachedPage, encoding: Encoding): Promise<Bytes> {
    let body = page.bodies[encoding]
    if (!body) {
      body = await encode(page.bodies.identity, encoding)
      page.bodies[encoding] = body
      this.pages.grow(key, body.byteLength)
    }
    return body
  }

  private etagOf(version: string, listVersion: number, key: string): string {
    return `W/"${listVersion}-${digest(`${this.options.buildId}|${version}|${key}`)}"`
  }
}

/** The handle of a list page's address (`/users/<handle>`, any query), if it is one. */
function handleIn(target: string): string | undefined {
  if (!target.startsWith(routePrefix)) return undefined
  const end = target.indexOf('?')
  const handle = target.slice(routePrefix.length, end === -1 ? undefined : end)
  return isPossibleHandle(handle) ? handle : undefined
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 16)
}
