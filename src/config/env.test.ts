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

  it('keeps data safe by default: backups off, a generous write limit, no metrics', () => {
    const config = loadConfig({})
    expect(config.backup).toEqual({ dir: './backups', isEnabled: false, hourUtc: 3, keep: 7 })
    expect(config.limits.writePerAddress).toBe(1000)
    expect(config.limits.writeWindowMs).toBe(60_000)
    expect(config.metricsToken).toBeUndefined()
    expect(config.shutdownTimeoutMs).toBe(10_000)
  })

  it('reads the backup, write-limit, metrics and shutdown settings and checks them', () => {
    const config = loadConfig({
      BACKUP_DIR: '/var/backups/mymovie',
      BACKUP_ENABLED: 'true',
      BACKUP_HOUR: '0',
      BACKUP_KEEP: '14',
      WRITE_LIMIT_PER_ADDRESS: '5',
      WRITE_LIMIT_WINDOW_SECONDS: '10',
      METRICS_TOKEN: 'a-long-enough-metrics-token',
      SHUTDOWN_TIMEOUT_SECONDS: '2',
    })
    expect(config.backup).toEqual({
      dir: '/var/backups/mymovie',
      isEnabled: true,
      hourUtc: 0,
      keep: 14,
    })
    expect(config.limits).toMatchObject({ writePerAddress: 5, writeWindowMs: 10_000 })
    expect(config.metricsToken).toBe('a-long-enough-metrics-token')
    expect(config.shutdownTimeoutMs).toBe(2000)
    expect(() =>
      loadConfig({ BACKUP_HOUR: '24', BACKUP_KEEP: '0', METRICS_TOKEN: 'short' }),
    ).toThrow(/BACKUP_HOUR[\s\S]*BACKUP_KEEP[\s\S]*METRICS_TOKEN/)
  })
})
