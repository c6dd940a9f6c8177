import { describe, expect, it } from 'vitest'
import { dayOf, formatDate } from './dates.js'

describe('formatDate', () => {
  it('writes a date the way each language does', () => {
    expect(formatDate('2023-07-04', 'ja')).toBe('2023年7月4日')
    expect(formatDate('2023-07-04', 'en')).toBe('Jul 4, 2023')
    expect(formatDate('1927-12-31', 'en')).toBe('Dec 31, 1927')
  })

  it('leaves what is not a full date alone', () => {
    expect(formatDate('1999', 'en')).toBe('1999')
  })
})

describe('dayOf', () => {
  it('takes the day in Japan time', () => {
    expect(dayOf(Date.UTC(2024, 0, 1, 14, 59))).toBe('2024-01-01')
    expect(dayOf(Date.UTC(2024, 0, 1, 15, 0))).toBe('2024-01-02')
  })
})

describe('dayOf across the calendar', () => {
  it('agrees with Date for every week of two centuries of instants', () => {
    for (
      let ms = Date.UTC(1899, 0, 1);
      ms < Date.UTC(2101, 0, 1);
      ms += 86_400_000 * 7 + 3_600_000
    ) {
      const expected = new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10)
      expect(dayOf(ms)).toBe(expected)
    }
  })
})
