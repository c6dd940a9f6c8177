import accounts from '../accounts/messages.js'
import home from '../home/messages.js'
import movies from '../movies/messages.js'
import people from '../people/messages.js'
import ratings from '../ratings/messages.js'
import common from './common-messages.js'
import type { Locale } from './locale.js'

const tables = {
  en: { ...common.en, ...accounts.en, ...home.en, ...movies.en, ...people.en, ...ratings.en },
  ja: { ...common.ja, ...accounts.ja, ...home.ja, ...movies.ja, ...people.ja, ...ratings.ja },
}

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
