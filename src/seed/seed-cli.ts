import { parseArgs } from 'node:util'
import { hashPassword } from '../accounts/passwords.js'
import { loadConfig } from '../config/env.js'
import { openDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrate.js'
import { seedDatabase } from './seed.js'

/** The password of every seeded person, to log in as any of them in a benchmark. */
export const seedPassword = 'seeded-person-password'

// `npm run seed -- --people N --ratings M`: fills the empty database DATABASE_URL names.
const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '10000' },
    ratings: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
  },
})
const config = loadConfig()
const database = await openDatabase(config.databaseUrl)
try {
  await migrateToLatest(database.db)
  const summary = await seedDatabase(database.db, {
    people: Number(values.people),
    ratings: Number(values.ratings),
    seed: Number(values.seed),
    passwordHash: await hashPassword(seedPassword),
    onProgress: (message) => process.stderr.write(`\r${message}        `),
  })
  process.stderr.write('\n')
  console.log(JSON.stringify(summary))
} catch (error) {
  console.error('seeding failed:', error)
  process.exitCode = 1
} finally {
  await database.close()
}
