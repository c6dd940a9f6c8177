// `npm run bench:web`: what each main page weighs on a first visit (HTML, CSS, JS,
// fonts; images apart) and Lighthouse's mobile scores, in headless Chromium.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { databaseUrlFor, printTable, seedOrReuse, startServer, writeResult } from './lib.mjs'

const people = 1_000
const ratings = 100_000
const url = databaseUrlFor(people, ratings)
const seed = await seedOrReuse(url, people, ratings)
const server = await startServer(url)
const profile = mkdtempSync(join(tmpdir(), 'mymovie-chromium-'))
// Without these flags Chromium waits on the network for updates and sync, and hangs.
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  userDataDir: profile,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})
try {
  const handle = seed.fullListHandles[1] ?? seed.heaviest.handle
  const film = await firstFilmOf(handle)
  const pages = {
    home: '/',
    list: `/users/${handle}`,
    'list by score': `/users/${handle}?sort=score`,
    people: '/users',
    film: `/movies/${film}`,
    'film search': '/movies/search?q=star',
    'film search, none found': '/movies/search?q=zzzzzz',
  }
  const rows = []
  for (const [name, path] of Object.entries(pages)) {
    const lhr = await audit(`${server.base}${path}`)
    rows.push({ page: name, ...weightOf(lhr), ...scoresOf(lhr) })
    const problem = lhr.runtimeError ?? lhr.audits['largest-contentful-paint'].errorMessage
    if (problem) console.warn(`${name}: ${JSON.stringify(problem)}`)
  }
  printTable(rows)
  console.log('KB transferred on a first visit; scores from Lighthouse 12.2.3, mobile.')
  console.log(`written to ${writeResult('bench-web', { date: new Date().toISOString(), rows })}`)
} finally {
  await chrome.kill()
  await server.stop()
  rmSync(profile, { recursive: true, force: true })
}

/** Lighthouse's report on a page; a broken trace (it happens) is retried once. */
async function audit(pageUrl) {
  const options = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  }
  const first = (await lighthouse(pageUrl, options)).lhr
  return first.runtimeError ? (await lighthouse(pageUrl, options)).lhr : first
}

async function firstFilmOf(handle) {
  const page = await (await fetch(`${server.base}/api/v1/users/${handle}/ratings`)).json()
  return page.items[0].movie.id
}

function weightOf(lhr) {
  const kb = { html: 0, css: 0, js: 0, font: 0, images: 0 }
  const kinds = { Document: 'html', Stylesheet: 'css', Script: 'js', Font: 'font', Image: 'images' }
  for (const request of lhr.audits['network-requests'].details.items) {
    const kind = kinds[request.resourceType]
    if (kind) kb[kind] += request.transferSize / 1024
  }
  const beforeImages = kb.html + kb.css + kb.js + kb.font
  return Object.fromEntries(
    Object.entries({ ...kb, beforeImages }).map(([k, v]) => [k, Math.round(v * 10) / 10]),
  )
}

function scoresOf(lhr) {
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
    cls: Math.round(lhr.audits['cumulative-layout-shift'].numericValue * 1000) / 1000,
  }
}
