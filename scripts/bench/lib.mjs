// Shared by the benchmark scripts: seed (or reuse) a database, start the built server
// in its own process as in production, load it with autocannon, watch its memory.
import { execSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import PipelinedRequestsQueue from 'autocannon/lib/pipelinedRequestsQueue.js'

export const root = new URL('../..', import.meta.url).pathname
export const resultsDir = join(root, 'bench-results')
const server = join(root, 'dist/server/main.js')
const seedCli = join(root, 'dist/server/seed/seed-cli.js')
export const seedPassword = 'seeded-person-password'

// autocannon decodes every answer's body into a string (\`body += chunk\`), which nothing
// here reads. For a page that is not ASCII that decoding cost the load generator more
// than the server spent on the answer: a bare Node server sending a 4.7 KB brotli body
// did 25,000 req/s against 81,000 for 4.7 KB of ASCII, on the cores the server shares.
// Bodies are counted (autocannon counts bytes apart) and dropped.
PipelinedRequestsQueue.prototype.addBody = () => {}

/** The database to use: DATABASE_URL, or an SQLite file named after the sizes. */
export function databaseUrlFor(people, ratings) {
  return process.env.DATABASE_URL || join(root, 'data', `bench-${people}x${ratings}.sqlite`)
}

/**
 * Seeds the database, or reuses it when a record of an earlier seed of the same sizes
 * is there. `--fresh` (SQLite) deletes the file first.
 */
export async function seedOrReuse(url, people, ratings, { fresh = false } = {}) {
  mkdirSync(resultsDir, { recursive: true })
  const key = Buffer.from(url).toString('base64url').slice(-40)
  const record = join(resultsDir, `seed-${people}x${ratings}-${key}.json`)
  const isSqlite = !/^postgres(ql)?:/.test(url)
  if (fresh && isSqlite) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(url + suffix, { force: true })
    rmSync(record, { force: true })
  }
  if (existsSync(record) && (!isSqlite || existsSync(url))) {
    return { ...JSON.parse(readFileSync(record, 'utf8')), isReused: true }
  }
  const started = Date.now()
  const out = await run(process.execPath, [seedCli, '--people', people, '--ratings', ratings], {
    DATABASE_URL: url,
  })
  const summary = { ...JSON.parse(out), wallMs: Date.now() - started }
  writeFileSync(record, JSON.stringify(summary))
  return { ...summary, isReused: false }
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args.map(String), {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
  })
}

async function freePort() {
  const probe = createServer()
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * Starts `node dist/server/main.js` as production does (NODE_ENV=production, info logs
 * to stdout, here discarded). The write limit is raised so that the write mix measures
 * the database, not the flood guard. Resolves once /healthz answers, with the time
 * from spawn to that first answer. `nodeArgs` go to Node itself (`--cpu-prof`, say).
 */
export async function startServer(url, env = {}, nodeArgs = []) {
  return startScript(
    server,
    {
      NODE_ENV: 'production',
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      WRITE_LIMIT_PER_ADDRESS: '100000000',
      SIGNUP_LIMIT_PER_ADDRESS: '100000',
      LOGIN_LIMIT_PER_ADDRESS: '100000',
      ...env,
    },
    nodeArgs,
  )
}

/**
 * Starts a Node script that serves `/healthz` on the port PORT names, on 127.0.0.1,
 * with only PATH and `env` in its environment. Resolves once /healthz answers, with
 * the time from spawn to that first answer.
 */
export async function startScript(script, env = {}, nodeArgs = []) {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  const startMs = performance.now() - started
  const stop = async () => {
    // Already gone (exited, or killed by a signal): there is no exit left to wait for.
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  }
  return { base, pid: child.pid, startMs, stop }
}

/**
 * The resident memory of a process now and its peak so far, and of it the private
 * part (heap and stacks, not the pages of files it maps: SQLite maps its database), in
 * MiB (Linux).
 */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024, private: kib('RssAnon') / 1024 }
}

/** Logs in through the API and returns the session cookie. */
export async function login(base, handle, password = seedPassword) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: handle, password }),
  })
  if (!response.ok) throw new Error(`log-in as ${handle}: ${response.status}`)
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
}

/**
 * Loads the server for `seconds` with `connections` connections. `requests` is
 * autocannon's list of requests (cycled); `setupRequest` there may vary each one.
 * Returns requests a second, latency percentiles (ms), errors and peak memory. Any
 * answer but 2xx is an error, or any but 3xx when a 304 is what is expected.
 */
export async function load(
  base,
  pid,
  { seconds, connections = 4, requests, headers = {}, isNotModifiedExpected = false },
) {
  let peakRss = 0
  let peakPrivate = 0
  const sample = () => {
    const memory = memoryOf(pid)
    peakRss = Math.max(peakRss, memory.rss)
    peakPrivate = Math.max(peakPrivate, memory.private)
  }
  const sampler = setInterval(sample, 100)
  const cpuBefore = cpuSecondsOf(pid)
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    headers,
    requests,
  })
  const cpuSeconds = cpuSecondsOf(pid) - cpuBefore
  clearInterval(sampler)
  sample()
  return {
    rps: result.requests.average,
    // The server's CPU time per answer: what the page costs it, whatever the load
    // generator's own limits (both share the machine's cores).
    cpuUs: (cpuSeconds * 1e6) / Math.max(1, result.requests.total),
    // The mean time to an answer, in ms: the connections over the throughput, each
    // connection asking again as soon as it has its answer. autocannon records whole
    // milliseconds, too coarse to compare pages answered in one or two.
    meanMs: (connections * 1000) / Math.max(1, result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors:
      result.errors +
      result.timeouts +
      (isNotModifiedExpected
        ? result['1xx'] + result['2xx'] + result['4xx'] + result['5xx']
        : result.non2xx),
    requests: result.requests.total,
    peakRssMiB: Math.round(peakRss),
    peakPrivateMiB: Math.round(peakPrivate),
  }
}

/** The CPU time, user and system, a process has used so far, in seconds (Linux). */
function cpuSecondsOf(pid) {
  const line = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = line.slice(line.lastIndexOf(') ') + 2).split(' ')
  // utime and stime are fields 14 and 15 of the line, counted from the state (field 3).
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
}

const ticksPerSecond = 100

/** The middle of several runs by throughput (the upper middle of an even count). */
export function median(runs) {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps)
  const middle = sorted[Math.floor(sorted.length / 2)]
  return { ...middle, errors: runs.reduce((sum, run) => sum + run.errors, 0) }
}

export function printTable(rows) {
  const columns = Object.keys(rows[0] ?? {})
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)))
  const line = (cells) => cells.map((cell, i) => String(cell).padStart(widths[i])).join('  ')
  console.log(line(columns))
  for (const row of rows) console.log(line(columns.map((c) => row[c])))
}

let coldAsked = 0

/**
 * autocannon's requests for cold list pages, by score: each asks for another of
 * `handles`' lists, with a query part never asked before in this process, so that
 * nothing it shows was rendered or kept before.
 */
export function coldListRequests(handles) {
  const pathOf = (n) => `/users/${handles[n % handles.length]}?sort=score&pass=${n}`
  return [{ setupRequest: (request) => ({ ...request, path: pathOf(coldAsked++) }) }]
}

/** When, at which commit and on what machine a run ran, for its JSON. */
export function aboutThisRun() {
  return {
    date: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30 },
  }
}

export function writeResult(name, data) {
  mkdirSync(resultsDir, { recursive: true })
  const file = join(resultsDir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`)
  return file
}
