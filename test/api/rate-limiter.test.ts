import { expect, it } from 'vitest'
import { RateLimitedError } from '../../src/domain/errors.js'
import { RateLimiter } from '../../src/limits/rate-limiter.js'
import { describeEachDatabase } from '../support/databases.js'

describeEachDatabase('rate limiter', (database) => {
  it('refuses past the limit until the window has passed, then counts afresh', async () => {
    let now = 1_000_000
    const limiter = new RateLimiter(database().db, () => now)
    const limit = { max: 2, windowMs: 60_000 }

    await limiter.consume('k', limit)
    await limiter.consume('k', limit)
    const refused = await limiter.consume('k', limit).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(RateLimitedError)
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(60)

    now += 30_000
    const later = await limiter.check('k', limit).catch((error: unknown) => error)
    expect((later as RateLimitedError).retryAfterSeconds).toBe(30)

    now += 30_001
    await limiter.consume('k', limit)
    expect(await limiter.hit('k', limit)).toBe(2)
  })

  it('keeps counters apart by key and shares them between limiters', async () => {
    const limit = { max: 1, windowMs: 60_000 }
    const first = new RateLimiter(database().db)
    const second = new RateLimiter(database().db)
    await first.consume('a', limit)
    await second.consume('b', limit)
    await expect(second.consume('a', limit)).rejects.toBeInstanceOf(RateLimitedError)
  })
})
