import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import { Memo } from '../domain/memo.js'
import type { AppEnv } from './context.js'
import { bodyBytes } from './render.js'

export type Encoding = 'br' | 'gzip' | 'identity'
export type Bytes = Uint8Array<ArrayBuffer>

/** Below this a response goes as it is: compressing it costs more than it saves. */
export const compressAbove = 1024

const compressible = /^(text\/html|application\/(problem\+)?json)\b/

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)
// Quality 4 compresses a 50 KB page about as well as gzip -6, in about the same time;
// higher qualities cost several milliseconds a page.
const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }

/** The best encoding the client accepts: brotli, then gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity'
  // Browsers send one of a handful of values.
  return encodingsByHeader.of(acceptEncoding, encodingOf)
}

const encodingsByHeader = new Memo<string, Encoding>(1000)

function encodingOf(acceptEncoding: string): Encoding {
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
      .map(([name]) => name?.trim().toLowerCase()),
  )
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip')) return 'gzip'
  return 'identity'
}

export async function encode(body: Bytes, encoding: Encoding): Promise<Bytes> {
  if (encoding === 'br') return new Uint8Array(await brotliAsync(body, brotliOptions))
  if (encoding === 'gzip') return new Uint8Array(await gzipAsync(body))
  return body
}

/**
 * Compresses HTML and JSON responses larger than about a kilobyte, as the client
 * accepts (Hono's `compress()` would compress tiny answers too, at a cost several times
 * the work of answering them). Responses already encoded pass through. Every HTML and
 * JSON response says it varies by `Accept-Encoding`, compressed or not, so that no
 * cache in between hands one client's encoding to another.
 */
export function compression(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const response = c.res
    if (!isCompressible(response) || c.req.method === 'HEAD') return
    const encoding = chooseEncoding(c.req.header('accept-encoding'))
    if (encoding === 'identity') {
      varyByEncoding(response.headers)
      return
    }
    const body = await bodyBytes(response)
    if (body.byteLength < compressAbove) {
      c.res = new Response(body, response)
      varyByEncoding(c.res.headers)
      return
    }
    const encoded = await encode(body, encoding)
    const headers = new Headers(response.headers)
    headers.set('Content-Encoding', encoding)
    headers.set('Content-Length', String(encoded.byteLength))
    varyByEncoding(headers)
    c.res = undefined as unknown as Response
    c.res = new Response(encoded, { status: response.status, headers })
  }
}

function varyByEncoding(headers: Headers) {
  headers.set('Vary', varyWithEncoding(headers.get('Vary')))
}

/** A `Vary` value that names `Accept-Encoding`, from what it named before. */
export function varyWithEncoding(vary: string | null): string {
  if (!vary) return 'Accept-Encoding'
  return /\baccept-encoding\b/i.test(vary) ? vary : `${vary}, Accept-Encoding`
}

// Only headers and status are read: asking a response for its body turns the
// server's light response into a full one, which cost more than sending a cached page.
function isCompressible(response: Response): boolean {
  if (response.status === 204 || response.status === 304) return false
  if (response.headers.has('Content-Encoding')) return false
  return compressible.test(response.headers.get('Content-Type') ?? '')
}
