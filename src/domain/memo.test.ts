import { describe, expect, it } from 'vitest'
import { Memo } from './memo.js'

describe('Memo', () => {
  it('does the work for a key once and answers it again after', () => {
    const memo = new Memo<string, string>(10)
    let made = 0
    const make = (key: string) => {
      made += 1
      return key.toUpperCase()
    }
    expect(memo.of('a', make)).toBe('A')
    expect(memo.of('a', make)).toBe('A')
    expect(made).toBe(1)
  })

  it('starts again empty once full, so it never holds more than its bound', () => {
    const memo = new Memo<number, number>(3)
    for (const n of [1, 2, 3]) memo.set(n, n * 10)
    expect(memo.get(1)).toBe(10)
    memo.set(4, 40)
    expect(memo.get(1)).toBeUndefined()
    expect(memo.get(4)).toBe(40)
  })
})
