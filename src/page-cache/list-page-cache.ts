import { createHash } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { today } from '../accounts/present.js'
import type { Db } from '../db/database.js'
import {
  type Bytes,
  chooseEncoding,
  compressAbove,
  type Encoding,
  encode,
} from '../http/compression.js'
import type { AppEnv } from '../http/context.js'
import { LruBytes } from './lru.js'

interface CachedPage {
  version: string
  etag: string
  headers: Record<string, string>
  bodies: Partial<Record<Encoding, Bytes>>
}

export interface ListPageCacheOptions {
  db: Db
  /** What changes every page at once: the build's assets. */
  buildId: string
  maxBytes?: number
}

/**
 * Rendered list pages (`/users/<handle>`, any sort and page) for visitors who are not
 * logged in, kept per process and checked against the database on every request: one
 * look-up of the person's `list_version` by the unique handle index. Whatever changes
 * what the page shows moves that version in the same transaction (see ARCHITECTURE.md),
 * so a change shows on the very next request, whichever process serves it. Pages are
 * kept with their compressed copies; a weak ETag from the version answers
 * `If-None-Match` with 304. Logged-in viewers see follow buttons and their own
 * navigation: their pages are rendered every time.
 */
export function listPageCache({
  db,
  buildId,
  maxBytes = 32 * 1024 * 1024,
}: ListPageCacheOptions): MiddlewareHandler<AppEnv> {
  const pages = new LruBytes<CachedPage>(maxBytes)

  return async (c, next) => {
    if (c.req.method !== 'GET' || c.get('user')) return next()
    const row = await db
      .selectFrom('users')
      .select(['id', 'list_version'])
      .where('handle_key', '=', c.req.param('handle')?.toLowerCase() ?? '')
      .executeTakeFirst()
    if (!row) return next()

    const url = new URL(c.req.url)
    const key = `${c.get('locale')}|${today()}|${url.pathname}${url.search}`
    const version = `${row.id}.${row.list_version}`
    const etag = `W/"${row.list_version}-${digest(`${buildId}|${version}|${key}`)}"`
    c.header('Cache-Control', 'no-cache')
    c.header('ETag', etag)
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304)

    const cached = pages.get(key)
    if (cached?.version === version) return send(c, pages, key, cached)

    // The version was read before rendering: a change meanwhile makes the stored page
    // newer than its version, never older, so the next request renders again at worst.
    await next()
    const response = c.res
    if (response.status !== 200 || response.headers.has('Set-Cookie')) return
    const body = new Uint8Array(await response.arrayBuffer())
    const page: CachedPage = {
      version,
      etag,
      headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'text/html' },
      bodies: { identity: body },
    }
    pages.set(key, page, body.byteLength)
    c.res = undefined as unknown as Response
    c.res = await send(c, pages, key, page, response.headers)
  }
}

/** The page in the encoding the client takes best, compressed once and kept. */
async function send(
  c: Context<AppEnv>,
  pages: LruBytes<CachedPage>,
  key: string,
  page: CachedPage,
  original?: Headers,
) {
  const identity = page.bodies.identity as Bytes
  const encoding =
    identity.byteLength < compressAbove
      ? 'identity'
      : chooseEncoding(c.req.header('accept-encoding'))
  let body = page.bodies[encoding]
  if (!body) {
    body = await encode(identity, encoding)
    page.bodies[encoding] = body
    pages.grow(key, body.byteLength)
  }
  const headers = new Headers(original)
  for (const [name, value] of Object.entries(page.headers)) headers.set(name, value)
  headers.set('ETag', page.etag)
  headers.set('Cache-Control', 'no-cache')
  headers.set('Content-Length', String(body.byteLength))
  if (encoding !== 'identity') {
    headers.set('Content-Encoding', encoding)
    headers.append('Vary', 'Accept-Encoding')
  }
  if (original) return new Response(body, { status: 200, headers })
  for (const [name, value] of headers) c.header(name, value, { append: name === 'vary' })
  return c.body(body, 200)
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 16)
}
