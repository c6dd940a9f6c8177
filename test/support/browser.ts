// Browser tests: the real app on a real HTTP server, driven by Debian's Chromium
// through playwright-core. A suite written with `describeInBrowser` gets one server
// and one browser for its file, and a fresh page (with no cookies) for each test:
//
//   describeInBrowser('films', (browser) => {
//     it('shows a film', async () => {
//       const page = await browser().openPage('phone')
//       await signUp(page, browser().server)
//       await page.goto(browser().server.url + '/movies/1')
//       await expectAccessible(page)
//     })
//   })
//
// Without Chromium the suites are skipped with a loud warning, or fail when the
// environment requires a browser (REQUIRE_BROWSER=1).

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { serve } from '@hono/node-server'
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest'
import type { Db } from '../../src/db/database.js'
import { createTestApp, generousLimits, newAccount, type TestApp } from './app.js'
import { createTestDatabase } from './databases.js'
import { testConfig } from './test-config.js'

/** The two widths every page is checked at. */
export const viewports = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 900 },
} as const

export type ViewportName = keyof typeof viewports

// --- Availability -----------------------------------------------------------------

function checkBrowser(): boolean {
  if (existsSync(testConfig.chromiumPath)) return true
  const message = `Chromium was not found at ${testConfig.chromiumPath} (set CHROMIUM_PATH)`
  if (testConfig.requireBrowser) throw new Error(`${message} and REQUIRE_BROWSER is set`)
  console.warn(`\n*** SKIPPING browser suites: ${message}\n`)
  return false
}

/** Whether browser suites can run here. Throws when a browser is required and missing. */
export const browserAvailable = checkBrowser()

// --- The app on a real server -------------------------------------------------------

export interface TestServer {
  /** Where the app listens, without a trailing slash: `http://127.0.0.1:<port>`. */
  url: string
  db: Db
  app: TestApp
  close(): Promise<void>
}

/**
 * The real app over a fresh SQLite database, listening on an ephemeral port of
 * 127.0.0.1. `env` is read as the app's environment (rate limits, TMDB settings…).
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase('sqlite')
  const app = createTestApp(database.db, { ...generousLimits, ...env })
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) =>
        resolve({ server, port: (info as AddressInfo).port }),
      )
    },
  )
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    app,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      await database.close()
    },
  }
}

// --- The browser --------------------------------------------------------------------

// Without these Chromium waits on the network (updates, sync, QUIC probes) and hangs
// on a machine with no internet.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface BrowserOptions {
  /** Sent as `Accept-Language`; English unless a suite asks otherwise. */
  locale?: string
}

export interface LaunchedBrowser {
  context: BrowserContext
  /** Closes Chromium and removes its profile. */
  close(): Promise<void>
}

/** Headless Chromium with a throwaway profile. */
export async function launchBrowser(options: BrowserOptions = {}): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'mymovie-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: testConfig.chromiumPath,
    headless: true,
    args: chromiumArgs,
    locale: options.locale ?? 'en-US',
    viewport: viewports.desktop,
  })
  // Fail a wait with Playwright's own message (what it waited for) well before the
  // test runner's timeout cuts the test off without one.
  context.setDefaultTimeout(10_000)
  return {
    context,
    close: async () => {
      await context.close()
      // Chromium's helpers may still be writing to the profile for a moment.
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
    },
  }
}

export interface PageOptions {
  /** Emulates the system colour scheme (the app follows it). */
  colorScheme?: 'light' | 'dark'
}

export interface BrowserSession {
  server: TestServer
  context: BrowserContext
  /** A new tab at a phone or desktop width, on a blank page. */
  openPage(viewport: ViewportName, options?: PageOptions): Promise<Page>
  /** Closes the browser (done after the suite). */
  close(): Promise<void>
}

export interface BrowserSuiteOptions extends BrowserOptions {
  /** The app's environment for this file's server. */
  env?: Record<string, string>
}

/**
 * A suite run in the browser, skipped where Chromium is missing. The server and the
 * browser are made once for the file; every test starts with no cookies, and its
 * pages are closed after it.
 */
export function describeInBrowser(
  name: string,
  suite: (session: () => BrowserSession) => void,
  options: BrowserSuiteOptions = {},
) {
  const describeHere = browserAvailable ? describe : describe.skip
  describeHere(name, () => {
    let session: BrowserSession | undefined

    beforeAll(async () => {
      const [server, launched] = await Promise.all([
        startTestServer(options.env),
        launchBrowser(options),
      ])
      const { context } = launched
      const openPage = async (viewport: ViewportName, pageOptions: PageOptions = {}) => {
        const page = await context.newPage()
        await page.setViewportSize(viewports[viewport])
        // Reduced motion makes Bootstrap's transitions instant: quicker, steadier tests.
        await page.emulateMedia({
          colorScheme: pageOptions.colorScheme ?? 'light',
          reducedMotion: 'reduce',
        })
        return page
      }
      session = { server, context, openPage, close: launched.close }
    })

    afterEach(async () => {
      if (!session) return
      await Promise.all(session.context.pages().map((page) => page.close()))
      await session.context.clearCookies()
    })

    afterAll(async () => {
      await session?.close()
      await session?.server.close()
    })

    suite(() => {
      if (!session) throw new Error('the browser is not ready yet')
      return session
    })
  })
}

// --- Checks -------------------------------------------------------------------------

export interface AxeProblem {
  id: string
  impact: string
  help: string
  targets: string[]
}

/** The serious and critical problems axe finds on the page as it is now. */
export async function scanAccessibility(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
}

/** Fails with every serious or critical axe problem listed: rule, elements and advice. */
export async function expectAccessible(page: Page) {
  const problems = await scanAccessibility(page)
  const report = problems
    .map((p) => `${p.impact} ${p.id}: ${p.help}\n    at ${p.targets.join('\n    at ')}`)
    .join('\n')
  expect(problems, `axe problems on ${page.url()}:\n${report}`).toEqual([])
}

/** Fails when the page is wider than the window (sideways scrolling on a phone). */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth)
}

/** The axe scan and, at every width, no sideways scrolling: run it on each page visited. */
export async function expectSoundPage(page: Page) {
  await expectNoHorizontalScroll(page)
  await expectAccessible(page)
}

/** Where the screenshot called `name` goes (the folder is made if need be). */
export function screenshotPath(name: string) {
  mkdirSync(testConfig.screenshotDir, { recursive: true })
  return join(testConfig.screenshotDir, `${name}.png`)
}

/** Saves a full-page PNG as `<name>.png` in the screenshot folder, for people to look at. */
export async function screenshot(page: Page, name: string) {
  const path = screenshotPath(name)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** An element's text with the surrounding white space trimmed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim()
}

// --- Navigation -------------------------------------------------------------------

/** Opens the navbar's menu when it is collapsed (on a phone); does nothing otherwise. */
export async function openNavigation(page: Page) {
  const toggler = page.locator('.navbar-toggler')
  if (!(await toggler.isVisible())) return
  if ((await toggler.getAttribute('aria-expanded')) !== 'true') await toggler.click()
  await page.locator('#site-nav.show').waitFor()
}

/** Logs out with the navbar's button, as a person would; ends on the home page. */
export async function logOut(page: Page) {
  await openNavigation(page)
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.locator('form[action="/logout"] [type=submit]').click(),
  ])
}

// --- Accounts -----------------------------------------------------------------------

export type Account = ReturnType<typeof newAccount>

/**
 * Signs up through the API with the page's cookie jar, so the page is then logged in.
 * Quick; use `signUpThroughForm` when the form itself is under test.
 */
export async function signUp(page: Page, server: TestServer, overrides: Partial<Account> = {}) {
  const account = newAccount(overrides)
  // The account takes the browser's language, as it would signing up through the form.
  const language = await page.evaluate(() => navigator.languages.join(','))
  const response = await page.request.post(`${server.url}/api/v1/auth/signup`, {
    data: account,
    headers: { 'accept-language': language },
  })
  if (response.status() !== 201) {
    throw new Error(`sign-up failed: ${response.status()} ${await response.text()}`)
  }
  return account
}

/** Signs up by filling in the sign-up form, as a person would; ends on the home page. */
export async function signUpThroughForm(
  page: Page,
  server: TestServer,
  overrides: Partial<Account> = {},
) {
  const account = newAccount(overrides)
  await page.goto(`${server.url}/signup`)
  await page.locator('#handle').fill(account.handle)
  await page.locator('#displayName').fill(account.displayName)
  await page.locator('#email').fill(account.email)
  await page.locator('#password').fill(account.password)
  await Promise.all([
    page.waitForURL(`${server.url}/`),
    page.locator('form[action="/signup"] [type=submit]').click(),
  ])
  return account
}

/** Chooses the interface language as the switcher would, without going through it. */
export async function useLanguage(page: Page, server: TestServer, locale: 'ja' | 'en') {
  await page.context().addCookies([{ name: 'lang', value: locale, url: server.url }])
}
