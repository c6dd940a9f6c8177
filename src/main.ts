import type { AddressInfo } from 'node:net'
import { createApp } from './app.js'
import { BackupSchedule } from './backup/schedule.js'
import { ConfigError, loadConfig } from './config/env.js'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { readAssetManifest } from './http/assets.js'
import { createNodeServer } from './http/node-server.js'
import { createLogger, flushLogs } from './logging/logger.js'
import { startMaintenance } from './maintenance.js'
import { InFlight, shutDown } from './shutdown.js'

async function main() {
  const config = loadConfig()
  const logger = createLogger(config)
  process.once('exit', () => flushLogs(logger))
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
  const backups = config.backup.isEnabled
    ? new BackupSchedule({
        db: database.db,
        backup: config.backup,
        logger: logger.child({ subsystem: 'backup' }),
      }).start()
    : undefined

  const server = createNodeServer(app, config.host)
  server.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo
    logger.info({ address, port, database: database.dialect }, 'listening')
  })
  const inFlight = new InFlight(server)

  let stopping: Promise<void> | undefined
  const stop = (reason: string) => {
    if (stopping) return
    logger.info({ reason, requests: inFlight.count }, 'shutting down')
    stopping = shutDown({
      server,
      inFlight,
      timeoutMs: config.shutdownTimeoutMs,
      logger,
      stopBackground: async () => {
        stopMaintenance()
        await backups?.stop()
      },
      closeDatabase: database.close,
    }).then((isClean) => {
      logger.info({ isClean }, 'stopped')
      logger.flush()
      if (!isClean) process.exitCode = 1
    })
  }
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'server failed')
    process.exitCode = 1
    stop('server error')
  })
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
