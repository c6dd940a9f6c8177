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

/** How much of request lines (in characters) is gathered before it is written. */
const batchChars = 8 * 1024

/**
 * Lines gathered in memory and handed to the file descriptor's writer (sonic-boom,
 * which deals with partial and refused writes) as one string. sonic-boom can gather
 * too (`minLength`), but it measures the UTF-8 length of everything gathered so far on
 * every line: a twentieth of a kept page's answer went to it.
 */
class Gathered implements DestinationStream {
  private lines: string[] = []
  private size = 0

  constructor(private readonly out: DestinationStream) {}

  write(line: string): void {
    this.lines.push(line)
    this.size += line.length
    if (this.size >= batchChars) this.flush()
  }

  /** Writes what has gathered (synchronously); `done`, as pino's `flush` passes it, after. */
  flush(done?: () => void): void {
    if (this.lines.length > 0) {
      const text = this.lines.join('')
      this.lines = []
      this.size = 0
      this.out.write(text)
    }
    done?.()
  }
}

const batches = new WeakMap<Logger, Gathered>()

/**
 * The app's logger: JSON lines on standard output (or `destination`), pretty ones
 * through pino-pretty in development.
 *
 * On standard output, lines are gathered and written in batches instead of a system
 * call per request line, which cost the most when standard output is a pipe to a log
 * shipper (a fifth more per line, measured). Every line but a request's
 * own goes out at once; request lines wait until 8 KiB have gathered, another line
 * goes out or a second has passed (and `main` writes what is left at exit).
 */
export function createLogger(config: Pick<Config, 'log'>, destination?: DestinationStream): Logger {
  const batched =
    destination || config.log.pretty || config.log.level === 'silent'
      ? undefined
      : new Gathered(pino.destination({ dest: 1, sync: true }))
  if (batched) setInterval(() => batched.flush(), 1000).unref()
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
  const stream = destination ?? batched
  const flushing: pino.LoggerOptions = {
    hooks: {
      logMethod(args, method) {
        method.apply(this, args)
        batched?.flush()
      },
    },
  }
  const logger = stream ? pino({ ...options, ...(batched && flushing) }, stream) : pino(options)
  // With the pretty transport (development) one logger is enough.
  const plain =
    options.transport || !stream ? logger : pino({ ...options, redact: undefined }, stream)
  requestLoggers.set(logger, plain)
  if (batched) batches.set(logger, batched)
  return logger
}

const requestLoggers = new WeakMap<Logger, Logger>()

/**
 * The logger for the one line every request ends with: the same level, fields and
 * output, without redaction and without writing at once. That line holds only what the
 * app sets (method, route, status, time and a request id checked against a strict
 * pattern), never a body or a header, and matching the redacted paths took four times
 * as long as writing it.
 */
export function requestLogger(logger: Logger): Logger {
  return requestLoggers.get(logger) ?? logger
}

/** Writes out the request lines gathered so far, synchronously. */
export function flushLogs(logger: Logger): void {
  batches.get(logger)?.flush()
}
