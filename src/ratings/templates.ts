import type { MessageKey, Translate } from '../i18n/translate.js'

type Fill = (value: string | number) => string

const cache = new WeakMap<Translate, Map<MessageKey, Fill>>()
const mark = '\u0000'

/**
 * A message with one parameter, split around it once per language and kept: a list
 * fills it for every card by joining strings instead of formatting the message again.
 */
export function messageTemplate(t: Translate, key: MessageKey, param: string): Fill {
  let templates = cache.get(t)
  if (!templates) {
    templates = new Map()
    cache.set(t, templates)
  }
  let fill = templates.get(key)
  if (!fill) {
    const [before = '', after = ''] = t(key, { [param]: mark }).split(mark)
    fill = (value) => before + value + after
    templates.set(key, fill)
  }
  return fill
}
