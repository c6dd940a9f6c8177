import { describe, expect, it } from 'vitest'
import { SearchCache } from './search-cache.js'

describe('SearchCache', () => {
  it('forgets entries when they expire', () => {
    let now = 0
    const cache = new SearchCache<string>(10, 1000, () => now)
    cache.set('a', 'one')
    now = 999
    expect(cache.get('a')).toBe('one')
    now = 1000
    expect(cache.get('a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('keeps at most its bound, dropping the least recently used', () => {
    const cache = new SearchCache<number>(2, 60_000)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1)
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
    expect(cache.size).toBe(2)
  })
})
