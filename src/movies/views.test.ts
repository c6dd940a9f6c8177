import { describe, expect, it } from 'vitest'
import { translator } from '../i18n/translate.js'
import type { StoredMovie } from './movie.js'
import { formatReleaseDate, initialsOf, posterView } from './views.js'

const page = {
  t: translator('en'),
  locale: 'en' as const,
  catalog: { source: 'tmdb' as const, posterBase: 'https://images.example/t/p' },
}

const stored: StoredMovie = {
  id: 'tmdb-603',
  titles: { ja: 'マトリックス', en: 'The Matrix' },
  originalTitle: 'The Matrix',
  releaseDate: '1999-03-31',
  posterPath: '/abc.jpg',
  overviews: { ja: null, en: null },
  fetchedAt: 0,
}

describe('posterView', () => {
  it('draws a lazy image of fixed size with 1x and 2x sources and alt text', () => {
    const markup = String(posterView(stored, page, 'card'))
    expect(markup).toContain('src="https://images.example/t/p/w185/abc.jpg"')
    expect(markup).toContain('https://images.example/t/p/w342/abc.jpg 2x')
    expect(markup).toContain('width="185" height="278"')
    expect(markup).toContain('loading="lazy" decoding="async"')
    expect(markup).toContain('alt="Poster of The Matrix"')
    expect(
      String(posterView(stored, { ...page, locale: 'ja', t: translator('ja') }, 'card')),
    ).toContain('alt="『マトリックス』のポスター"')
    expect(String(posterView(stored, page, 'thumb', { decorative: true }))).toContain('alt=""')
  })

  it('draws an escaped placeholder with the same tint for the same film', () => {
    const movie = { ...stored, id: 'vega-0123456789', posterPath: null }
    const odd = { ...movie, titles: { ja: null, en: '<Heat & "Dust">' } }
    const first = String(posterView(odd, page, 'page'))
    expect(first).toContain('&lt;Heat &amp; &quot;Dust&quot;&gt;')
    expect(first).not.toContain('<Heat')
    expect(first).toMatch(/role="img" aria-label="No poster for &lt;Heat/)
    expect(first).not.toContain('style=')
    const tint = /poster-tint-\d/.exec(first)?.[0]
    expect(String(posterView(movie, page, 'thumb'))).toContain(tint)
  })
})

describe('initialsOf', () => {
  it('takes the first letters of the first two significant words', () => {
    expect(initialsOf('The Matrix Reloaded')).toBe('MR')
    expect(initialsOf('Matrix of Nothing')).toBe('MN')
    expect(initialsOf('Alien³')).toBe('A')
    expect(initialsOf('(500) Days of Summer')).toBe('5D')
    expect(initialsOf('千と千尋の神隠し')).toBe('千')
    expect(initialsOf('The')).toBe('T')
  })
})

describe('formatReleaseDate', () => {
  it('writes the date the way each language does', () => {
    expect(formatReleaseDate('1999-03-31', 'ja')).toBe('1999年3月31日')
    expect(formatReleaseDate('1999-03-31', 'en')).toBe('March 31, 1999')
  })
})
