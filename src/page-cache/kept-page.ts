import {
  type Bytes,
  chooseEncoding,
  compressAbove,
  type Encoding,
  varyWithEncoding,
} from '../http/compression.js'

// A kept list page and the answers made from it: what the cache itself sends.

/** What the cache answers itself: a kept page, or 304 Not Modified. */
export interface KeptAnswer {
  status: 200 | 304
  headers: Record<string, string>
  body: Bytes | null
}

/** A rendered page kept for visitors, at the version it was rendered at. */
export interface CachedPage {
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
  /** The headers of an answer in each encoding, but for the request id. */
  answers: Partial<Record<Encoding, Record<string, string>>>
}

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

export function encodingFor(page: CachedPage, acceptEncoding: string | undefined): Encoding {
  return page.bodies.identity.byteLength >= compressAbove
    ? chooseEncoding(acceptEncoding)
    : 'identity'
}

export function answerHeaders(
  page: CachedPage,
  encoding: Encoding,
  body: Bytes,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': page.contentType,
    etag: page.etag,
    'cache-control': 'no-cache',
    'content-length': String(body.byteLength),
  }
  if (page.bodies.identity.byteLength >= compressAbove) headers.vary = varyWithEncoding(page.vary)
  if (encoding !== 'identity') headers['content-encoding'] = encoding
  return headers
}

/** The headers of a page's final response that every later answer repeats. */
export function replayable(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of headers) if (!perResponse.has(name)) kept[name] = value
  return kept
}

export function notModified(etag: string, page: CachedPage | undefined): KeptAnswer {
  const headers: Record<string, string> = {
    etag,
    'cache-control': 'no-cache',
    vary: varyWithEncoding(page?.vary ?? null),
  }
  const language = page?.headers?.['content-language']
  if (language) headers['content-language'] = language
  return { status: 304, headers, body: null }
}

export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
}
