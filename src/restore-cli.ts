import { parseArgs } from 'node:util'
import { openBackup, RestoreRefusedError, restoreBackup } from './backup/restore.js'
import { ConfigError, loadConfig } from './config/env.js'
import { openDatabase } from './db/database.js'

// `npm run restore -- FILE [--replace]`: loads a backup into the database that
// DATABASE_URL names. A database that already holds data is refused unless --replace
// is given. Stop the app first: the tables are dropped and made again.
const usage = 'usage: npm run restore -- <backup file> [--replace]'

async function restore() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { replace: { type: 'boolean', default: false } },
  })
  const [file] = positionals
  if (!file || positionals.length > 1) throw new RestoreRefusedError(usage)

  const config = loadConfig()
  const backup = await openBackup(file)
  const database = await openDatabase(config.databaseUrl)
  try {
    const result = await restoreBackup(database, backup, { replace: values.replace })
    console.log(JSON.stringify({ restored: file, into: database.dialect, ...result }))
  } finally {
    await backup.close()
    await database.close()
  }
}

try {
  await restore()
} catch (error) {
  const known = error instanceof ConfigError || error instanceof RestoreRefusedError
  console.error(known ? (error as Error).message : `restore failed: ${String(error)}`)
  process.exitCode = 1
}
