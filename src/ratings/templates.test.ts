import { describe, expect, it } from 'vitest'
import { translator } from '../i18n/translate.js'
import { messageTemplate } from './templates.js'

describe('messageTemplate', () => {
  it('fills a message as the translator would, in each language', () => {
    for (const locale of ['ja', 'en'] as const) {
      const t = translator(locale)
      const fill = messageTemplate(t, 'ratings.score.alt', 'score')
      expect(fill(87)).toBe(t('ratings.score.alt', { score: 87 }))
      expect(messageTemplate(t, 'ratings.score.alt', 'score')).toBe(fill)
    }
  })
})
