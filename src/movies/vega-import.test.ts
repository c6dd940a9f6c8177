import { describe, expect, it } from 'vitest'
import {
  cleanReleaseDate,
  cleanTitle,
  importVegaMovies,
  readVegaMovies,
  vegaMovieId,
} from './vega-import.js'

describe('cleanTitle', () => {
  it('turns numbers into text and refuses what is not a title', () => {
    expect(cleanTitle(1776)).toBe('1776')
    expect(cleanTitle(null)).toBeNull()
    expect(cleanTitle('   ')).toBeNull()
    expect(cleanTitle({})).toBeNull()
  })

  it('repairs misread accents, spacing and a trailing article', () => {
    expect(cleanTitle('LÈon')).toBe('Léon')
    expect(cleanTitle('DÈj‡ Vu')).toBe('Déjà Vu')
    expect(cleanTitle('The Naked Gun 2Ω: The Smell of Fear')).toBe(
      'The Naked Gun 2½: The Smell of Fear',
    )
    expect(cleanTitle('Halloween:  The Curse of Michael Myers')).toBe(
      'Halloween: The Curse of Michael Myers',
    )
    expect(cleanTitle('Secret, The')).toBe('The Secret')
    expect(cleanTitle('Alien³')).toBe('Alien³')
  })
})

describe('cleanReleaseDate', () => {
  it('writes dates as YYYY-MM-DD', () => {
    expect(cleanReleaseDate('Mar 31 1999')).toBe('1999-03-31')
    expect(cleanReleaseDate('Jun 1 1998')).toBe('1998-06-01')
    expect(cleanReleaseDate('1998-06-12')).toBe('1998-06-12')
  })

  it('puts two-digit years read as this century back in the last one', () => {
    expect(cleanReleaseDate('Dec 15 2039')).toBe('1939-12-15')
    expect(cleanReleaseDate('Mar 05 2010')).toBe('2010-03-05')
  })

  it('gives null for anything that is not a real date, never an error', () => {
    for (const value of ['Feb 30 1999', 'Foo 12 1999', 'yesterday', '', 19990331, null, {}]) {
      expect(cleanReleaseDate(value)).toBeNull()
    }
  })
})

describe('importVegaMovies', () => {
  it('imports the whole list with unique, stable ids', async () => {
    const movies = importVegaMovies(await readVegaMovies())
    expect(movies.length).toBeGreaterThan(3100)
    expect(new Set(movies.map((m) => m.id)).size).toBe(movies.length)
    const matrix = movies.find((m) => m.title === 'The Matrix')
    expect(matrix?.id).toBe(vegaMovieId('The Matrix', '1999-03-31'))
    expect(
      movies.every((m) => m.releaseDate === null || /^\d{4}-\d{2}-\d{2}$/.test(m.releaseDate)),
    ).toBe(true)
  })

  it('skips rows without a title and survives rows that are not objects', () => {
    const rows = [null, 7, { Title: null }, { Title: 2012, 'Release Date': 'Nov 13 2009' }]
    expect(importVegaMovies(rows).map((m) => [m.title, m.releaseDate])).toEqual([
      ['2012', '2009-11-13'],
    ])
    expect(importVegaMovies('not a list')).toEqual([])
  })
})
