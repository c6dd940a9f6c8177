import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { defaultLocale } from '../i18n/locale.js'
import { translator } from '../i18n/translate.js'
import type { Html } from '../views/html.js'
import { type LayoutOptions, layout } from '../views/layout.js'
import type { PageContext } from '../views/page.js'
import type { AppEnv } from './context.js'

export function pageContext(c: Context<AppEnv>): PageContext {
  const url = new URL(c.req.url)
  return {
    t: c.get('t') ?? translator(defaultLocale),
    locale: c.get('locale') ?? defaultLocale,
    user: c.get('user') ?? null,
    path: url.pathname + url.search,
    assets: c.get('assets'),
    catalog: c.get('catalog'),
  }
}

/** Renders a page in the shared layout. Pages that show personal data are not cached. */
export function renderPage(
  c: Context<AppEnv>,
  options: LayoutOptions,
  body: (page: PageContext) => Html,
  status: ContentfulStatusCode = 200,
) {
  const page = pageContext(c)
  if (page.user) c.header('Cache-Control', 'private, no-store')
  // Sent as bytes, encoded once: sent as text, it was measured and then encoded again.
  const bytes = utf8(String(layout(page, options, body(page))))
  const response = c.body(bytes, status, { 'Content-Type': 'text/html; charset=UTF-8' })
  renderedBytes.set(response, bytes)
  return response
}

// The bytes of the pages rendered here, by their response: reading them back from the
// response itself would turn the server's light response into a streamed one.
const renderedBytes = new WeakMap<Response, Uint8Array<ArrayBuffer>>()

/** The body of a response as bytes, taken as they were when it is one of our pages. */
export async function bodyBytes(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  return renderedBytes.get(response) ?? new Uint8Array(await response.arrayBuffer())
}

const encoder = new TextEncoder()
let scratch = new Uint8Array(256 * 1024)

/**
 * Text as UTF-8 bytes. Encoded into a buffer kept for the purpose, then copied out:
 * `Buffer.from` measures the text first and encodes it second, two passes over a
 * page, twice the time.
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const room = text.length * 3
  if (room > scratch.length) scratch = new Uint8Array(room)
  const { written } = encoder.encodeInto(text, scratch)
  return scratch.slice(0, written)
}

/**
 * A path on this site to go back to, or `/`: never another site. The path comes back
 * normalised (`/a/../b` is `/b`), so that no later step can turn it into `//host`.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !isOwnPath(value)) return '/'
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/'
  const base = 'http://localhost'
  const url = new URL(value, base)
  const path = `${url.pathname}${url.search}${url.hash}`
  return url.origin === base && isOwnPath(path) ? path : '/'
}

const isOwnPath = (path: string) =>
  path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
