import type { Locale } from '../i18n/locale.js'

// Dates are formatted by hand from `YYYY-MM-DD`: no Intl formatter per card, and the
// same text on every server whatever its locale data.

const monthsEn = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

/** `2023-07-14` as `2023年7月14日` or `Jul 14, 2023`; anything else is returned as it is. */
export function formatDate(date: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  const [, year, month, day] = match
  if (locale === 'ja') return `${year}年${Number(month)}月${Number(day)}日`
  return `${monthsEn[Number(month) - 1]} ${Number(day)}, ${year}`
}

/**
 * The calendar day of an instant where the product lives: Japan, which keeps no
 * daylight saving, so a fixed offset is exact.
 */
const japanOffsetMs = 9 * 60 * 60 * 1000

export function dayOf(epochMs: number): string {
  return new Date(epochMs + japanOffsetMs).toISOString().slice(0, 10)
}

/** When something was registered, as a day in the reader's language. */
export const formatDay = (epochMs: number, locale: Locale) => formatDate(dayOf(epochMs), locale)
