export const locales = ['ja', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'ja'

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en'
}

/** The best of our languages for an `Accept-Language` header, by its q-values. */
export function negotiateLocale(header: string | undefined): Locale | null {
  if (!header) return null
  let best: { locale: Locale; q: number } | null = null
  for (const part of header.split(',').slice(0, 20)) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.find((p) => p.trim().startsWith('q='))
    const q = qParam ? Number(qParam.trim().slice(2)) : 1
    const primary = range.split('-')[0]
    if (!isLocale(primary) || !(q > 0)) continue
    if (!best || q > best.q) best = { locale: primary, q }
  }
  return best?.locale ?? null
}
