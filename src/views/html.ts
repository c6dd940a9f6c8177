import { html as honoHtml, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

/** Markup that is already safe: produced by `html` or explicitly marked with `trusted`. */
export type Html = HtmlEscapedString

/** What may be interpolated: plain values are escaped, `Html` is kept, arrays are joined. */
export type HtmlValue = string | number | boolean | null | undefined | Html | readonly HtmlValue[]

/**
 * Tagged template for views. Every interpolated string is escaped; nothing async is
 * allowed in, so rendering stays synchronous and cheap.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  return honoHtml(strings, ...(values as unknown[])) as Html
}

/** Marks a string as safe markup. Only for text we wrote ourselves, never user input. */
export function trusted(markup: string): Html {
  return raw(markup)
}

/** Class names joined, falsy ones dropped. */
export function classes(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ')
}
