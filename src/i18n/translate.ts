import accounts from '../accounts/messages.js'
import feed from '../feed/messages.js'
import home from '../home/messages.js'
import movies from '../movies/messages.js'
import people from '../people/messages.js'
import ratings from '../ratings/messages.js'
import common from './common-messages.js'
import type { Locale } from './locale.js'

const features = [common, accounts, home, feed, movies, people, ratings] as const

const tables = {
  en: Object.assign({}, ...features.map((f) => f.en)) as MergedTables<'en'>,
  ja: Object.assign({}, ...features.map((f) => f.ja)) as MergedTables<'ja'>,
}

type Feature = (typeof features)[number]
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never
type MergedTables<L extends 'en' | 'ja'> = UnionToIntersection<Feature[L]>

export type MessageKey = keyof typeof tables.en
export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(tables.en, value)
}

/** Marks a string as a message key for schemas, checked by the typecheck. */
export const messageKey = (key: MessageKey): MessageKey => key

const translators = new Map<Locale, Translate>()

export function translator(locale: Locale): Translate {
  let translate = translators.get(locale)
  if (!translate) {
    const table: Record<string, string> = tables[locale]
    translate = (key, params) => {
      const text = table[key] ?? key
      if (!params) return text
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole))
    }
    translators.set(locale, translate)
  }
  return translate
}
