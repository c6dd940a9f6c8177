import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './env.js'

describe('loadConfig', () => {
  it('starts on embedded defaults with an empty environment', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.databaseUrl).toBe('./data/mymovie.sqlite')
    expect(config.tmdb.token).toBeUndefined()
    expect(config.limits.loginPerAccount).toBe(10)
    expect(config.limits.loginWindowMs).toBe(15 * 60_000)
  })

  it('lists every problem at once', () => {
    let error: unknown
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://example.com' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.join('\n')
    expect(problems).toMatch(/PORT/)
    expect(problems).toMatch(/LOG_LEVEL/)
    expect(problems).toMatch(/PUBLIC_URL/)
  })

  it('treats an empty variable as unset and trims the public URL', () => {
    const config = loadConfig({ PORT: '', PUBLIC_URL: 'https://mymovie.example/' })
    expect(config.port).toBe(3000)
    expect(config.publicUrl).toBe('https://mymovie.example')
  })
})
