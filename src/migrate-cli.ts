import { loadConfig } from './config/env.js'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'

// `npm run migrate`: brings the database that DATABASE_URL names up to date.
const config = loadConfig()
const database = await openDatabase(config.databaseUrl)
try {
  const applied = await migrateToLatest(database.db)
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date')
} catch (error) {
  console.error('migration failed:', error)
  process.exitCode = 1
} finally {
  await database.close()
}
