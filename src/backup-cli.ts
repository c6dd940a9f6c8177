import { takeBackup } from './backup/take-backup.js'
import { ConfigError, loadConfig } from './config/env.js'

// `npm run backup`: a consistent backup of the database that DATABASE_URL names, taken
// while the app runs, into BACKUP_DIR; only the newest BACKUP_KEEP are kept. Prints
// one JSON line saying what it wrote.
try {
  const result = await takeBackup(loadConfig())
  console.log(JSON.stringify(result))
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `backup failed: ${String(error)}`)
  process.exitCode = 1
}
