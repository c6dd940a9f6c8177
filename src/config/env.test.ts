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

  it('configures TMDB with defaults, trimmed URLs and checked numbers', () => {
    const defaults = loadConfig({}).tmdb
    expect(defaults.url).toBe('https://api.themoviedb.org/3')
    expect(defaults.imageUrl).toBe('https://image.tmdb.org/t/p')
    expect(defaults.timeoutMs).toBeGreaterThan(0)

    const config = loadConfig({
      TMDB_API_TOKEN: 'secret',
      TMDB_API_URL: 'http://127.0.0.1:9999/3/',
      TMDB_IMAGE_URL: 'http://127.0.0.1:9999/images/',
      TMDB_TIMEOUT_MS: '250',
      MOVIE_REFRESH_DAYS: '1',
    })
    expect(config.tmdb).toMatchObject({
      token: 'secret',
      url: 'http://127.0.0.1:9999/3',
      imageUrl: 'http://127.0.0.1:9999/images',
      timeoutMs: 250,
    })
    expect(config.movieRefreshMs).toBe(24 * 60 * 60_000)
    expect(() => loadConfig({ TMDB_TIMEOUT_MS: '0', TMDB_IMAGE_URL: 'ftp://x' })).toThrow(
      /TMDB_IMAGE_URL[\s\S]*TMDB_TIMEOUT_MS/,
    )
  })
})
