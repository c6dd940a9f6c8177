// `npm run bench [-- --quick | --tiny] [--fresh] [--only 'a;b'] [--profile DIR] [--against URL]`:
// throughput and latency of the main pages against the ceiling of a bare route, measured in
// the same run. SQLite by default, PostgreSQL when DATABASE_URL names one. With `--against`,
// a second database too (seeded the same way), each scenario run on one and then the other
// in every round, so that the ratio between them is measured under the same conditions.
// Prints a table per database, writes JSON.
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import {
  aboutThisRun,
  coldListRequests,
  databaseUrlFor,
  load,
  login,
  median,
  memoryOf,
  printTable,
  seedOrReuse,
  startServer,
  writeResult,
} from './lib.mjs'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tiny: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    out: { type: 'string' },
    // Scenario names, as the table prints them, separated by semicolons, to run beside the ceiling.
    only: { type: 'string' },
    // A folder for a CPU profile of the server over the whole run (Chrome DevTools reads it).
    profile: { type: 'string' },
    // A second database (an empty PostgreSQL one, say) to run every scenario against too.
    against: { type: 'string' },
  },
})
const mode = args.tiny ? 'tiny' : args.quick ? 'quick' : 'full'
const plan = {
  full: { people: 10_000, ratings: 1_000_000, rounds: 3, seconds: 10 },
  quick: { people: 1_000, ratings: 100_000, rounds: 2, seconds: 3 },
  tiny: { people: 40, ratings: 2_000, rounds: 1, seconds: 1 },
}[mode]

// The scenarios' names, known before anything is seeded or started (building the
// scenarios runs none of them).
const known = Object.keys(scenariosFor({ films: [] }, { fullListHandles: [] }))
const only = args.only?.split(';').map((name) => name.trim())
const unknown = only?.filter((name) => !known.includes(name)) ?? []
if (unknown.length > 0) {
  console.error(`bench: no scenario named ${unknown.join(', ')}; there are: ${known.join('; ')}`)
  process.exit(2)
}

const urls = [databaseUrlFor(plan.people, plan.ratings), ...(args.against ? [args.against] : [])]
const profiling = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : []
const targets = []
try {
  for (const url of urls) {
    const seed = await seedOrReuse(url, plan.people, plan.ratings, { fresh: args.fresh })
    const server = await startServer(url, {}, profiling)
    targets.push({ url, seed, server })
  }
  const loadBefore = loadavg()
  for (const target of targets) {
    const setup = await prepare(target.server, target.seed)
    target.scenarios = chosen(scenariosFor(setup, target.seed), only)
    target.runs = Object.fromEntries(Object.keys(target.scenarios).map((name) => [name, []]))
  }
  const names = Object.keys(targets[0].scenarios)
  for (let round = 0; round < plan.rounds; round++) {
    // Alternate the order so that no scenario always follows the same one, nor one
    // database the other.
    const order = round % 2 === 0 ? names : [names[0], ...names.slice(1).reverse()]
    const turns = round % 2 === 0 ? targets : [...targets].reverse()
    for (const name of order) {
      for (const target of turns) target.runs[name].push(await target.scenarios[name]())
    }
  }
  const reports = targets.map((target) => report(target))
  const [first, second] = reports
  if (second) {
    for (const row of second.results) {
      const base = first.results.find((other) => other.scenario === row.scenario)
      if (base) row.ratioToFirst = Math.round((row.rps / base.rps) * 100) / 100
      if (base && row.writesPerSec !== undefined) {
        row.writesRatioToFirst = Math.round((row.writesPerSec / base.writesPerSec) * 100) / 100
      }
    }
  }
  for (const [index, { database, results, startMs, serverPeakMiB }] of reports.entries()) {
    if (reports.length > 1)
      console.log(`\n${database}${index > 0 ? ` (ratioToFirst: to ${first.database})` : ''}`)
    printTable(results)
    const mix = results.find((row) => row.writesPerSec !== undefined)
    if (mix) {
      const { writesPerSec, writeP50, writeP99, writeErrors, writesRatioToFirst } = mix
      const ratio = writesRatioToFirst === undefined ? '' : `; ${writesRatioToFirst} of the first's`
      console.log(
        `writes beside the cold list: ${writesPerSec}/s, p50 ${writeP50} ms, p99 ${writeP99} ms, errors ${writeErrors}${ratio}`,
      )
    }
    console.log(`start to first answer: ${startMs.toFixed(0)} ms`)
    const privatePeak = Math.max(...results.map((row) => row.peakPrivateMiB))
    console.log(
      `server memory at most ${Math.round(serverPeakMiB)} MiB resident, ${privatePeak} MiB of it private`,
    )
  }
  const file = writeResult(args.out ?? `bench-${mode}`, {
    ...aboutThisRun(),
    loadAverage: { before: loadBefore, after: loadavg() },
    mode,
    plan,
    ...first,
    ...(second ? { against: second } : {}),
  })
  console.log(`written to ${file}`)
} finally {
  for (const target of targets) await target.server.stop()
}

/** One database's figures: the median run of each scenario, and its ratio to the ceiling. */
function report({ url, seed, server, runs }) {
  const ceiling = median(runs.ceiling).rps
  const results = Object.entries(runs).map(([name, list]) => {
    const { requests, ...figures } = median(list)
    const percentOfCeiling = Math.round((figures.rps / ceiling) * 1000) / 10
    return { scenario: name, ...round2(figures), percentOfCeiling }
  })
  return {
    database: /^postgres/.test(url) ? 'postgres' : 'sqlite',
    seed: { ...seed, fullListHandles: seed.fullListHandles.length },
    startMs: server.startMs,
    serverPeakMiB: memoryOf(server.pid).peak,
    serverPeakPrivateMiB: Math.max(...results.map((row) => row.peakPrivateMiB)),
    results,
  }
}

/** Sessions for the feed and the writer, and films to look at and to rate. */
async function prepare(server, seed) {
  const { base } = server
  const feedCookie = await login(base, seed.busiestFollower.handle)
  const films = []
  let cursor = ''
  while (films.length < 3200) {
    const query = `sort=registered${cursor ? `&cursor=${cursor}` : ''}`
    const page = await (
      await fetch(`${base}/api/v1/users/${seed.heaviest.handle}/ratings?${query}`)
    ).json()
    films.push(...page.items.map((item) => item.movie.id))
    if (!page.nextCursor) break
    cursor = encodeURIComponent(page.nextCursor)
  }
  const handle = `bw${Date.now().toString(36)}`
  const signup = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      handle,
      email: `${handle}@example.com`,
      password: 'violet-tram-orbit-42',
      displayName: 'Bench writer',
    }),
  })
  if (signup.status !== 201) throw new Error(`writer sign-up: ${signup.status}`)
  const writerCookie = signup.headers
    .getSetCookie()
    .map((l) => l.split(';')[0])
    .join('; ')
  const list = await fetch(`${base}/users/${seed.fullListHandles[0]}?sort=score`)
  const listEtag = list.headers.get('etag') ?? ''
  // The film page visits the first 400; the writer rates its way through all of them,
  // each once, across every run.
  return { base, pid: server.pid, feedCookie, writerCookie, films, listEtag, writer: { next: 0 } }
}

function scenariosFor(setup, seed) {
  const { base, pid, films } = setup
  const handles = seed.fullListHandles
  const run = (requests, headers, isNotModifiedExpected = false) =>
    load(base, pid, { seconds: plan.seconds, requests, headers, isNotModifiedExpected })
  const rotating = (pathOf) => {
    let n = 0
    return [{ setupRequest: (request) => ({ ...request, path: pathOf(n++) }) }]
  }
  const coldList = () => coldListRequests(handles)
  const queries = ['佐藤', 'alex', 'user12', 'cine', 'smith', 'ねこ', 'garcía', 'user9']
  return {
    ceiling: () => run([{ path: '/healthz' }]),
    'list cold': () => run(coldList()),
    'list warm': () => run([{ path: `/users/${handles[0]}?sort=score` }]),
    // As a browser asks for it: the cached brotli copy, a sixth of the bytes.
    'list warm, brotli': () =>
      run([{ path: `/users/${handles[0]}?sort=score` }], { 'accept-encoding': 'br, gzip' }),
    // As a browser that has the page asks again: 304 while the list is unchanged.
    'list warm, revalidated': () =>
      run([{ path: `/users/${handles[0]}?sort=score` }], { 'if-none-match': setup.listEtag }, true),
    'list JSON': () =>
      run(rotating((n) => `/api/v1/users/${handles[n % handles.length]}/ratings?sort=score`)),
    'film page': () => run(rotating((n) => `/movies/${films[n % Math.min(400, films.length)]}`)),
    'people search': () =>
      run(rotating((n) => `/users?q=${encodeURIComponent(queries[n % queries.length])}`)),
    'home feed': () => run([{ path: '/' }], { cookie: setup.feedCookie }),
    'list cold + writes': async () => {
      const writes = writeLoop(setup)
      const reads = await run(coldList())
      return { ...reads, ...(await writes.stop()) }
    },
  }
}

/**
 * One writer beside the reads: rates a film it has not rated, then re-scores it twice,
 * one request after another, until stopped.
 */
function writeLoop({ base, writerCookie, films, writer }) {
  const headers = { cookie: writerCookie, 'content-type': 'application/json' }
  const latencies = []
  let errors = 0
  let isStopped = false
  const timed = async (method, path, body) => {
    const started = performance.now()
    const response = await fetch(base + path, { method, headers, body: JSON.stringify(body) })
    latencies.push(performance.now() - started)
    if (!response.ok) errors++
    return response.ok ? response.json() : null
  }
  const started = performance.now()
  const done = (async () => {
    while (!isStopped) {
      const movieId = films[writer.next++]
      if (!movieId) break
      const rating = await timed('POST', '/api/v1/ratings', { movieId, score: 70 })
      if (!rating) continue
      await timed('PATCH', `/api/v1/ratings/${rating.id}`, { score: 80 })
      await timed('PATCH', `/api/v1/ratings/${rating.id}`, { score: 75 })
    }
  })()
  return {
    stop: async () => {
      isStopped = true
      await done
      const seconds = (performance.now() - started) / 1000
      latencies.sort((a, b) => a - b)
      const at = (q) =>
        latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
      return {
        writesPerSec: latencies.length / seconds,
        writeP50: at(0.5),
        writeP99: at(0.99),
        writeErrors: errors,
      }
    },
  }
}

/** The ceiling and the scenarios `names` names; all of them when it names none. */
function chosen(scenarios, names) {
  if (!names) return scenarios
  return Object.fromEntries(
    Object.entries(scenarios).filter(([name]) => name === 'ceiling' || names.includes(name)),
  )
}

function round2(value) {
  if (typeof value === 'number') return Math.round(value * 100) / 100
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round2(v)]))
}
