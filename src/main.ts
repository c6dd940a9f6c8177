import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { ConfigError, loadConfig } from './config/env.js'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { readAssetManifest } from './http/assets.js'
import { createLogger } from './logging/logger.js'
import { startMaintenance } from './maintenance.js'

const shutdownGraceMs = 10_000

async function main() {
  const config = loadConfig()
  const logger = createLogger(config)
  const database = await openDatabase(config.databaseUrl)
  const applied = await migrateToLatest(database.db)
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated')

  const publicDir = new URL('../public', import.meta.url).pathname
  const app = createApp({
    config,
    db: database.db,
    logger,
    publicDir,
    assets: readAssetManifest(publicDir),
  })
  const stopMaintenance = startMaintenance(database.db, logger)
  const listening = (info: { address: string; port: number }) => {
    logger.info({ address: info.address, port: info.port, database: database.dialect }, 'listening')
  }
  const options = { fetch: app.fetch, port: config.port, hostname: config.host }
  const server = serve(options, listening) as Server

  // Stop taking connections, let requests in flight finish, then close the database.
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    stopMaintenance()
    const force = setTimeout(() => {
      logger.warn('requests still running at the deadline; closing anyway')
      server.closeAllConnections()
    }, shutdownGraceMs)
    force.unref()
    server.close(async () => {
      await database.close()
      logger.info('stopped')
      logger.flush()
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message)
  } else {
    console.error('failed to start:', error)
  }
  process.exitCode = 1
})
