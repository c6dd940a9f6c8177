import pino, { type DestinationStream, type Logger } from 'pino'
import type { Config } from '../config/env.js'

export type { Logger }

/** Paths that must never reach a log line. */
const redact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.cookie',
]

export function createLogger(config: Pick<Config, 'log'>, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    redact: { paths: redact, censor: '[redacted]' },
    base: { service: 'mymovie' },
    transport: config.log.pretty
      ? {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
        }
      : undefined,
  }
  return destination ? pino(options, destination) : pino(options)
}
