import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.js'

describe('createLogger', () => {
  it('writes JSON lines with secrets redacted', () => {
    const lines: string[] = []
    const logger = createLogger(
      { log: { level: 'info', pretty: false } },
      { write: (line: string) => lines.push(line) },
    )
    logger.info(
      { body: { password: 'hunter2', login: 'ann' }, req: { headers: { cookie: 'session=abc' } } },
      'login attempt',
    )
    const entry = JSON.parse(lines[0] ?? '{}')
    expect(entry.msg).toBe('login attempt')
    expect(entry.body).toEqual({ password: '[redacted]', login: 'ann' })
    expect(entry.req.headers.cookie).toBe('[redacted]')
    expect(lines[0]).not.toContain('hunter2')
  })

  it('calls back from flush on standard output, as pino promises', async () => {
    const logger = createLogger({ log: { level: 'info', pretty: false } })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('flush never called back')), 1000)
      logger.flush(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  })
})
