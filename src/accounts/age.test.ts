import { describe, expect, it } from 'vitest'
import { ageOn, isValidDate } from './age.js'

describe('ageOn', () => {
  it('counts a year only once the birthday has come', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25)
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26)
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22)
  })
})

describe('isValidDate', () => {
  it('accepts real dates and refuses impossible or malformed ones', () => {
    expect(isValidDate('2024-02-29')).toBe(true)
    expect(isValidDate('2023-02-29')).toBe(false)
    expect(isValidDate('2023-13-01')).toBe(false)
    expect(isValidDate('23-01-01')).toBe(false)
    expect(isValidDate('2023-01-01T00:00')).toBe(false)
  })
})
