import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { decodeCursor, encodeCursor } from './cursor.js'
import { BadRequestError } from './errors.js'

const key = z.tuple([z.number().int(), z.number().int()])

describe('cursors', () => {
  it('round-trips a position through an opaque, URL-safe string', () => {
    const cursor = encodeCursor('score.desc', { key: [87, 1_700_000_000_000], id: 'a-b_c' })
    expect(cursor).toMatch(/^[\w-]+$/)
    expect(decodeCursor('score.desc', key, cursor)).toEqual({
      key: [87, 1_700_000_000_000],
      id: 'a-b_c',
    })
  })

  it('refuses a cursor from another list, a tampered key and plain garbage', () => {
    const cursor = encodeCursor('score.desc', { key: [87, 1], id: 'abc' })
    const forged = Buffer.from('{"l":"score.desc","k":["x",1],"i":"abc"}').toString('base64url')
    const badId = Buffer.from('{"l":"score.desc","k":[1,1],"i":"a b"}').toString('base64url')
    for (const [list, value] of [
      ['score.asc', cursor],
      ['score.desc', forged],
      ['score.desc', badId],
      ['score.desc', cursor.slice(0, -3)],
      ['score.desc', 'not a cursor!'],
      ['score.desc', 'x'.repeat(600)],
    ] as const) {
      expect(() => decodeCursor(list, key, value)).toThrow(BadRequestError)
    }
  })
})
