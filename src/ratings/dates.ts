import { Memo } from '../domain/memo.js'
import type { Locale } from '../i18n/locale.js'
import { flat } from '../views/html.js'

// Dates are formatted by hand from `YYYY-MM-DD`: no Intl formatter per card, no Date
// objects or regular expressions in a list's hot path, and the same text on every
// server whatever its locale data.

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

const isDigits = (text: string) => {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return text.length > 0
}

/** `2023-07-14` as `2023年7月14日` or `Jul 14, 2023`; anything else is returned as it is. */
export function formatDate(date: string, locale: Locale): string {
  const year = date.slice(0, 4)
  const month = date.slice(5, 7)
  const day = date.slice(8, 10)
  const isDate =
    date.length === 10 && date[4] === '-' && date[7] === '-' && isDigits(year + month + day)
  const monthName = monthsEn[Number(month) - 1]
  if (!isDate || !monthName) return date
  if (locale === 'ja') return `${year}年${Number(month)}月${Number(day)}日`
  return `${monthName} ${Number(day)}, ${year}`
}

/**
 * The calendar day of an instant where the product lives: Japan, which keeps no
 * daylight saving, so a fixed offset is exact.
 */
const japanOffsetMs = 9 * 60 * 60 * 1000
const dayMs = 86_400_000

export function dayOf(epochMs: number): string {
  // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
  const days = dayNumber(epochMs) + 719_468
  const era = Math.floor(days / 146_097)
  const dayOfEra = days - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/** Which day an instant falls on in Japan, counted from 1970-01-01. */
export const dayNumber = (epochMs: number) => Math.floor((epochMs + japanOffsetMs) / dayMs)

/** When something was registered, as a day in the reader's language. */
export function formatDay(epochMs: number, locale: Locale): string {
  return daysByLanguage[locale].of(dayNumber(epochMs), () =>
    flat(formatDate(dayOf(epochMs), locale)),
  )
}

// A list's cards fall on a few hundred days at most.
const daysByLanguage: Record<Locale, Memo<number, string>> = {
  ja: new Memo(10_000),
  en: new Memo(10_000),
}
