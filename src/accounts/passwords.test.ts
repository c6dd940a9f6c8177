import { describe, expect, it } from 'vitest'
import { hashPassword, isCommonPassword, verifyPassword } from './passwords.js'

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^\$argon2id\$/)
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true)
    expect(await verifyPassword(stored, 'Correct horse battery')).toBe(false)
    expect(await verifyPassword('not a hash', 'anything')).toBe(false)
  })

  it('recognises the commonest passwords whatever their case', async () => {
    expect(await isCommonPassword('password')).toBe(true)
    expect(await isCommonPassword('Qwertyuiop')).toBe(true)
    expect(await isCommonPassword('violet-tram-orbit-42')).toBe(false)
  })
})
