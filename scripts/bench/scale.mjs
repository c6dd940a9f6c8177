// `npm run bench:scale`: does a person's list cost the same over a million ratings as
// over ten thousand? The cold list page on both, alternating, in one run.
import { parseArgs } from 'node:util'
import {
  coldListRequests,
  databaseUrlFor,
  load,
  median,
  printTable,
  seedOrReuse,
  startServer,
  writeResult,
} from './lib.mjs'

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
})
const seconds = args.quick ? 3 : 10
const sizes = [
  { people: 100, ratings: 10_000 },
  { people: 10_000, ratings: 1_000_000 },
]
if (process.env.DATABASE_URL) {
  throw new Error('bench:scale seeds two SQLite databases of its own: unset DATABASE_URL')
}

const setups = []
for (const size of sizes) {
  const url = databaseUrlFor(size.people, size.ratings)
  const seed = await seedOrReuse(url, size.people, size.ratings)
  setups.push({ ...size, seed, server: await startServer(url), runs: [] })
}
try {
  for (let round = 0; round < Number(args.rounds); round++) {
    const order = round % 2 === 0 ? setups : [...setups].reverse()
    for (const setup of order) {
      const requests = coldListRequests(setup.seed.fullListHandles)
      setup.runs.push(await load(setup.server.base, setup.server.pid, { seconds, requests }))
    }
  }
  const rows = setups.map((setup) => {
    const { requests, ...figures } = median(setup.runs)
    return {
      ratings: setup.ratings,
      ...figures,
      cpuUs: Math.round(figures.cpuUs),
      meanMs: Math.round(figures.meanMs * 1000) / 1000,
    }
  })
  const [small, large] = rows
  printTable(rows)
  const ratio = {
    mean: large.meanMs / small.meanMs,
    p50: large.p50 / small.p50,
    p99: large.p99 / small.p99,
    rps: small.rps / large.rps,
  }
  console.log(
    `latency ratio (1,000,000 / 10,000): mean ${ratio.mean.toFixed(2)}, ` +
      `p50 ${ratio.p50.toFixed(2)}, p99 ${ratio.p99.toFixed(2)} (p50 and p99 in whole ms); ` +
      `throughput ratio ${ratio.rps.toFixed(2)}`,
  )
  console.log(
    `written to ${writeResult('bench-scale', { date: new Date().toISOString(), rows, ratio })}`,
  )
} finally {
  for (const setup of setups) await setup.server.stop()
}
