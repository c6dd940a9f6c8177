import type { Server, ServerResponse } from 'node:http'
import type { Logger } from './logging/logger.js'

/** The responses the server is still working on. */
export class InFlight {
  private readonly responses = new Set<ServerResponse>()
  private isClosing = false
  private idle: (() => void) | undefined

  constructor(server: Server) {
    server.on('request', (_request, response: ServerResponse) => {
      // A request that arrives on a kept-alive connection while closing is the last on it.
      if (this.isClosing) response.shouldKeepAlive = false
      this.responses.add(response)
      response.on('close', () => {
        this.responses.delete(response)
        if (this.responses.size === 0) this.idle?.()
      })
    })
  }

  get count(): number {
    return this.responses.size
  }

  /** Resolves when nothing is in flight; every response from now on closes its connection. */
  drained(): Promise<void> {
    this.isClosing = true
    for (const response of this.responses) {
      if (!response.headersSent) response.shouldKeepAlive = false
    }
    if (this.responses.size === 0) return Promise.resolve()
    return new Promise((resolve) => {
      this.idle = resolve
    })
  }
}

export interface ShutdownSteps {
  server: Server
  inFlight: InFlight
  /** How long requests in flight may take before their connections are cut. */
  timeoutMs: number
  logger: Logger
  /** Background work to stop first (housekeeping, backups); awaited. */
  stopBackground: () => Promise<void> | void
  /** Runs last, once no request can reach the database any more. */
  closeDatabase: () => Promise<void>
}

/**
 * Stops taking connections, lets the requests in flight finish within the bound (and
 * cuts what is left after it), stops background work, then closes the database.
 * Answers whether everything finished in time.
 */
export async function shutDown(steps: ShutdownSteps): Promise<boolean> {
  const { server, inFlight, logger } = steps
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()

  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), steps.timeoutMs)
  })
  const isDrained = await Promise.race([inFlight.drained().then(() => true), deadline])
  clearTimeout(timer)
  if (!isDrained) {
    logger.warn({ requests: inFlight.count }, 'requests still running at the deadline; cut off')
  }
  server.closeAllConnections()
  await closed

  let isClean = isDrained
  try {
    await steps.stopBackground()
  } catch (error) {
    logger.error({ err: error }, 'stopping background work failed')
    isClean = false
  }
  try {
    await steps.closeDatabase()
  } catch (error) {
    logger.error({ err: error }, 'closing the database failed')
    isClean = false
  }
  return isClean
}
