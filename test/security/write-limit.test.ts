import { expect, it } from 'vitest'
import { loadConfig } from '../../src/config/env.js'
import { createTestApp, newAccount, TestClient } from '../support/app.js'
import { describeEachDatabase } from '../support/databases.js'

describeEachDatabase('write limit per address', (database) => {
  // Behind a proxy the address comes from X-Forwarded-For, so each test picks its own.
  const env = {
    WRITE_LIMIT_PER_ADDRESS: '3',
    WRITE_LIMIT_WINDOW_SECONDS: '60',
    TRUST_PROXY: 'true',
  }
  const from = (address: string) => ({ 'x-forwarded-for': address })

  it('answers writes past the limit with a 429 problem and Retry-After, reads still pass', async () => {
    const app = createTestApp(database().db, env)
    const client = new TestClient(app, from('203.0.113.7'))
    const statuses = []
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await client.json('POST', '/api/v1/auth/login', { login: 'x', password: 'y' })).status,
      )
    }
    expect(statuses).toEqual([401, 401, 401, 429])

    const refused = await client.json('PUT', '/api/v1/me/following/someone')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await refused.json()).toMatchObject({
      status: 429,
      type: 'urn:mymovie:problem:rate-limited',
    })

    expect((await client.get('/api/v1/users')).status).toBe(200)
    const other = new TestClient(app, from('203.0.113.8'))
    expect((await other.json('POST', '/api/v1/auth/signup', newAccount())).status).toBe(201)
  })

  it('shows a form sent past the limit a 429 page in the visitor’s language', async () => {
    const app = createTestApp(database().db, env)
    const client = new TestClient(app, { ...from('203.0.113.9'), 'accept-language': 'en' })
    for (let i = 0; i < 3; i += 1) await client.form('/logout', {})
    const page = await client.form('/login', { login: 'x', password: 'y' })
    expect(page.status).toBe(429)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('opens a new window once the last has passed', async () => {
    const app = createTestApp(database().db, { ...env, WRITE_LIMIT_WINDOW_SECONDS: '1' })
    const client = new TestClient(app, from('203.0.113.10'))
    for (let i = 0; i < 4; i += 1) await client.form('/logout', {})
    expect((await client.form('/logout', {})).status).toBe(429)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect((await client.form('/logout', {})).status).toBe(303)
  })
})

it('is generous by default: a thousand writes a minute from one address', () => {
  const { limits } = loadConfig({})
  expect(limits.writePerAddress).toBeGreaterThanOrEqual(1000)
  expect(limits.writeWindowMs).toBe(60_000)
})
