import { z } from 'zod'

/**
 * Every setting the app reads from its environment, validated once at start.
 * Nothing else in the code base reads `process.env`.
 */
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional()
    .transform((value) => value?.replace(/\/+$/, '')),
  DATABASE_URL: z.string().min(1).default('./data/mymovie.sqlite'),
  TMDB_API_TOKEN: z.string().min(1).optional(),
  TMDB_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.themoviedb.org/3'),
  TMDB_IMAGE_URL: z.url({ protocol: /^https?$/ }).default('https://image.tmdb.org/t/p'),
  TMDB_TIMEOUT_MS: positiveInt(4000),
  TMDB_SEARCH_CACHE_SECONDS: positiveInt(300),
  TMDB_SEARCH_CACHE_SIZE: positiveInt(500),
  MOVIE_REFRESH_DAYS: positiveInt(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  TRUST_PROXY: flag,
  SESSION_DAYS: positiveInt(30),
  LOGIN_LIMIT_PER_ACCOUNT: positiveInt(10),
  LOGIN_LIMIT_PER_ADDRESS: positiveInt(50),
  LOGIN_LIMIT_WINDOW_MINUTES: positiveInt(15),
  SIGNUP_LIMIT_PER_ADDRESS: positiveInt(20),
  SIGNUP_LIMIT_WINDOW_MINUTES: positiveInt(60),
  WRITE_LIMIT_PER_ADDRESS: positiveInt(1000),
  WRITE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  BACKUP_DIR: z.string().min(1).default('./backups'),
  BACKUP_ENABLED: flag,
  BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  BACKUP_KEEP: positiveInt(7),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(10),
})

export type Config = ReturnType<typeof toConfig>

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Reads and checks the environment, listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const result = schema.safeParse(present)
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    )
  }
  return toConfig(result.data)
}

function toConfig(env: z.infer<typeof schema>) {
  const minutes = 60_000
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    databaseUrl: env.DATABASE_URL,
    tmdb: {
      token: env.TMDB_API_TOKEN,
      url: env.TMDB_API_URL.replace(/\/+$/, ''),
      imageUrl: env.TMDB_IMAGE_URL.replace(/\/+$/, ''),
      timeoutMs: env.TMDB_TIMEOUT_MS,
      searchCacheMs: env.TMDB_SEARCH_CACHE_SECONDS * 1000,
      searchCacheSize: env.TMDB_SEARCH_CACHE_SIZE,
    },
    movieRefreshMs: env.MOVIE_REFRESH_DAYS * 24 * 60 * minutes,
    log: { level: env.LOG_LEVEL, pretty: env.LOG_FORMAT === 'pretty' },
    trustProxy: env.TRUST_PROXY,
    sessionDays: env.SESSION_DAYS,
    limits: {
      loginPerAccount: env.LOGIN_LIMIT_PER_ACCOUNT,
      loginPerAddress: env.LOGIN_LIMIT_PER_ADDRESS,
      loginWindowMs: env.LOGIN_LIMIT_WINDOW_MINUTES * minutes,
      signupPerAddress: env.SIGNUP_LIMIT_PER_ADDRESS,
      signupWindowMs: env.SIGNUP_LIMIT_WINDOW_MINUTES * minutes,
      writePerAddress: env.WRITE_LIMIT_PER_ADDRESS,
      writeWindowMs: env.WRITE_LIMIT_WINDOW_SECONDS * 1000,
    },
    backup: {
      dir: env.BACKUP_DIR,
      isEnabled: env.BACKUP_ENABLED,
      /** The hour of the day, in UTC, from which the daily backup is due. */
      hourUtc: env.BACKUP_HOUR,
      keep: env.BACKUP_KEEP,
    },
    /** Unset: no /metrics at all. Set: /metrics wants `Authorization: Bearer <token>`. */
    metricsToken: env.METRICS_TOKEN,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  }
}
