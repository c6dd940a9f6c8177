// `npm run bench:floor [-- --quick | --tiny]`: what share of the ceiling a cold list page
// could reach at best on this machine. The app and a bare Node server with no framework
// (`floor-server.mjs`) run side by side on the same seeded SQLite database; the bare one
// answers a list address with the app's three reads and the bytes of a page the app
// rendered, and nothing else. Each is measured against its own `/healthz` and against
// the app's, alternating, in one run. Prints a table, writes JSON.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import {
  aboutThisRun,
  coldListRequests,
  databaseUrlFor,
  load,
  median,
  printTable,
  resultsDir,
  root,
  seedOrReuse,
  startScript,
  startServer,
  writeResult,
} from './lib.mjs'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tiny: { type: 'boolean', default: false },
  },
})
const mode = args.tiny ? 'tiny' : args.quick ? 'quick' : 'full'
const plan = {
  full: { people: 10_000, ratings: 1_000_000, rounds: 3, seconds: 10 },
  quick: { people: 10_000, ratings: 1_000_000, rounds: 2, seconds: 4 },
  tiny: { people: 40, ratings: 2_000, rounds: 1, seconds: 1 },
}[mode]

const url = databaseUrlFor(plan.people, plan.ratings)
if (/^postgres(ql)?:/.test(url)) {
  console.error('bench:floor reads SQLite itself: unset DATABASE_URL or name an SQLite file')
  process.exit(2)
}

const seed = await seedOrReuse(url, plan.people, plan.ratings)
const handles = seed.fullListHandles
const app = await startServer(url)
const servers = [app]
try {
  // The bytes of a real page: the first full list by score, as a visitor gets it.
  const pageFile = join(resultsDir, 'floor-page.html')
  const page = await fetch(`${app.base}/users/${handles[0]}?sort=score`)
  if (!page.ok) throw new Error(`the page to send: ${page.status}`)
  const pageBytes = Buffer.from(await page.arrayBuffer())
  writeFileSync(pageFile, pageBytes)
  const floor = await startScript(join(root, 'scripts/bench/floor-server.mjs'), {
    DATABASE_PATH: url,
    PAGE_FILE: pageFile,
  })
  servers.push(floor)

  const scenarios = scenariosFor(app, floor)
  const runs = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]))
  const names = Object.keys(scenarios)
  for (let round = 0; round < plan.rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse()
    for (const name of order) runs[name].push(await scenarios[name]())
  }

  const rows = report(runs)
  printTable(rows)
  console.log(`the page sent: ${pageBytes.byteLength} bytes`)
  const file = writeResult(`bench-floor-${mode}`, {
    ...aboutThisRun(),
    mode,
    plan,
    pageBytes: pageBytes.byteLength,
    results: rows,
  })
  console.log(`written to ${file}`)
} finally {
  for (const server of servers) await server.stop()
}

function scenariosFor(app, floor) {
  const run = (server, requests) =>
    load(server.base, server.pid, { seconds: plan.seconds, requests })
  // As `npm run bench`'s cold list.
  const coldList = () => coldListRequests(handles)
  return {
    'app: ceiling': () => run(app, [{ path: '/healthz' }]),
    'app: list cold': () => run(app, coldList()),
    'floor: ceiling': () => run(floor, [{ path: '/healthz' }]),
    'floor: reads and bytes': () => run(floor, coldList()),
    'floor: bytes alone': () => run(floor, [{ path: '/bytes' }]),
  }
}

/** The median run of each scenario, its share of the app's ceiling and of its own. */
function report(runs) {
  const ceilings = {
    app: median(runs['app: ceiling']).rps,
    floor: median(runs['floor: ceiling']).rps,
  }
  return Object.entries(runs).map(([name, list]) => {
    const { rps, cpuUs, p50, p99, errors } = median(list)
    const own = ceilings[name.split(':')[0]]
    return {
      scenario: name,
      rps: Math.round(rps),
      cpuUs: Math.round(cpuUs),
      p50,
      p99,
      errors,
      percentOfAppCeiling: percent(rps, ceilings.app),
      percentOfOwnCeiling: percent(rps, own),
    }
  })
}

function percent(part, whole) {
  return Math.round((part / whole) * 1000) / 10
}
