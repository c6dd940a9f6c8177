import { describe, expect, it } from 'vitest'
import { decadeOf, groupRuns, scoreBand } from './groups.js'

describe('scoreBand', () => {
  it('puts 100 with the nineties and every other score in its ten', () => {
    expect(scoreBand(100)).toEqual({ from: 90, to: 100 })
    expect(scoreBand(90)).toEqual({ from: 90, to: 100 })
    expect(scoreBand(89)).toEqual({ from: 80, to: 89 })
    expect(scoreBand(10)).toEqual({ from: 10, to: 19 })
    expect(scoreBand(0)).toEqual({ from: 0, to: 9 })
  })
})

describe('decadeOf', () => {
  it('gives each dated film its decade, the earliest ones the 1920s', () => {
    expect(decadeOf('2023-07-14')).toEqual({ kind: 'decade', decade: 2020 })
    expect(decadeOf('1930-01-01')).toEqual({ kind: 'decade', decade: 1930 })
    expect(decadeOf('1929-12-31')).toEqual({ kind: 'decade', decade: 1920 })
    expect(decadeOf('1895-12-28')).toEqual({ kind: 'decade', decade: 1920 })
  })

  it('sets undated films apart', () => {
    expect(decadeOf('')).toEqual({ kind: 'undated' })
  })
})

describe('groupRuns', () => {
  it('keeps the order and starts a group at each change of key', () => {
    const groups = groupRuns([95, 91, 85, 80, 95], (score) => String(scoreBand(score).from))
    expect(groups).toEqual([
      { key: '90', items: [95, 91] },
      { key: '80', items: [85, 80] },
      { key: '90', items: [95] },
    ])
  })
})
