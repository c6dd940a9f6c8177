import { describe, expect, it } from 'vitest'
import { negotiateLocale } from './locale.js'

describe('negotiateLocale', () => {
  it('takes the highest-weighted language we speak', () => {
    expect(negotiateLocale('fr-FR,en-US;q=0.8,ja;q=0.9')).toBe('ja')
    expect(negotiateLocale('en-GB,en;q=0.9,ja;q=0.5')).toBe('en')
  })

  it('returns null when no language matches or the header is absent', () => {
    expect(negotiateLocale('de,fr;q=0.5')).toBeNull()
    expect(negotiateLocale(undefined)).toBeNull()
    expect(negotiateLocale('en;q=0')).toBeNull()
  })
})
