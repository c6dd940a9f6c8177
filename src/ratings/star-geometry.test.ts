import { describe, expect, it } from 'vitest'
import { starFillWidth, starsPath } from './star-geometry.js'

describe('starFillWidth', () => {
  it('fills whole stars at every 20 points and nothing at 0', () => {
    expect(starFillWidth(0)).toBe(0)
    expect(starFillWidth(20)).toBe(24)
    expect(starFillWidth(60)).toBe(72)
    expect(starFillWidth(100)).toBe(120)
  })

  it('fills a partial star across its visible shape', () => {
    // 87: four stars, then 7/20 of the fifth star's 19-unit shape from its 2.5 inset.
    expect(starFillWidth(87)).toBeCloseTo(96 + 2.5 + 19 * 0.35, 2)
    expect(starFillWidth(10)).toBeCloseTo(2.5 + 9.5, 2)
  })

  it('clamps what cannot be a score', () => {
    expect(starFillWidth(-5)).toBe(0)
    expect(starFillWidth(140)).toBe(120)
  })
})

describe('starsPath', () => {
  it('draws five closed stars', () => {
    expect(starsPath.match(/z/g)).toHaveLength(5)
  })
})
