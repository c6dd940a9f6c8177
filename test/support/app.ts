import { fileURLToPath } from 'node:url'
import { createApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/env.js'
import type { Db } from '../../src/db/database.js'
import { readAssetManifest } from '../../src/http/assets.js'
import { createLogger } from '../../src/logging/logger.js'

export const publicDir = fileURLToPath(new URL('../../dist/public', import.meta.url))

/**
 * Limits high enough that a suite signing up, logging in and writing many times from
 * one address never meets them (suites that test a limit set their own).
 */
export const generousLimits = {
  WRITE_LIMIT_PER_ADDRESS: '100000',
  LOGIN_LIMIT_PER_ACCOUNT: '100000',
  LOGIN_LIMIT_PER_ADDRESS: '100000',
  SIGNUP_LIMIT_PER_ADDRESS: '100000',
}

/** The real app over a test database, configured as from an environment. */
export function createTestApp(db: Db, env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env })
  const logger = createLogger(config)
  return createApp({ config, db, logger, publicDir, assets: readAssetManifest(publicDir) })
}

export type TestApp = ReturnType<typeof createTestApp>

/**
 * A caller with a cookie jar, as a browser or an API client would be. Requests go
 * through `app.request`, in process.
 */
export class TestClient {
  readonly cookies = new Map<string, string>()

  constructor(
    private readonly app: TestApp,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.defaultHeaders, ...(init.headers as object) })
    if (this.cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    }
    const response = await this.app.request(`http://localhost${path}`, { ...init, headers })
    for (const line of response.headers.getSetCookie()) this.remember(line)
    return response
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers })
  }

  json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    })
  }

  private remember(setCookie: string) {
    const [pair = '', ...attributes] = setCookie.split(';')
    const index = pair.indexOf('=')
    const name = pair.slice(0, index).trim()
    const value = pair.slice(index + 1).trim()
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === ''
    if (expired) this.cookies.delete(name)
    else this.cookies.set(name, value)
  }
}

let counter = 0

/** Sign-up details that no other test uses. */
export function newAccount(overrides: Partial<Record<string, string>> = {}) {
  counter += 1
  const handle = `user_${process.pid % 10000}_${counter}`
  return {
    handle,
    email: `${handle}@example.com`,
    password: 'violet-tram-orbit-42',
    displayName: `Test Person ${counter}`,
    ...overrides,
  }
}

/** A client that has signed up and holds a live session. */
export async function signedUpClient(
  app: TestApp,
  overrides: Partial<Record<string, string>> = {},
) {
  const client = new TestClient(app)
  const account = newAccount(overrides)
  const response = await client.json('POST', '/api/v1/auth/signup', account)
  if (response.status !== 201) {
    throw new Error(`sign-up failed: ${response.status} ${await response.text()}`)
  }
  return { client, account }
}

/** A person who has signed up and rated one film through the API. */
export async function signedUpRater(app: TestApp, movieId: string, score: number) {
  const owner = await signedUpClient(app)
  const rated = await owner.client.json('POST', '/api/v1/ratings', { movieId, score })
  if (rated.status !== 201) {
    throw new Error(`rating failed: ${rated.status} ${await rated.text()}`)
  }
  return { ...owner, ratingId: ((await rated.json()) as { id: string }).id }
}
