import type { Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import {
  describeInBrowser,
  expectSoundPage,
  openNavigation,
  screenshot,
  type TestServer,
  textOf,
  useLanguage,
  type ViewportName,
} from '../support/browser.js'
import { startFakeTmdb } from '../support/fake-tmdb.js'

const widths: ViewportName[] = ['phone', 'desktop']
const locales = ['ja', 'en'] as const

const fake = await startFakeTmdb()
afterAll(() => fake.stop())

/** Types into the search box key by key, as a person would. */
async function typeQuery(page: Page, text: string) {
  await page.locator('#search-q').pressSequentially(text, { delay: 30 })
}

const focusedResultTitle = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.querySelector('.movie-result-title')?.textContent ?? null,
  )

async function openSearch(page: Page, server: TestServer) {
  await page.goto(`${server.url}/movies/search`)
  // Marks this document: it is still there after the results change if nothing reloaded.
  await page.evaluate(() => {
    document.documentElement.dataset.sameDocument = 'yes'
  })
}

describeInBrowser('film search and pages, offline catalog', (browser) => {
  for (const width of widths) {
    it(`updates results as one types, without a reload, and announces them (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      await openSearch(page, server)
      await expectSoundPage(page)

      await typeQuery(page, 'matrix')
      const first = page.locator('#search-results-list .movie-result').first()
      await first.waitFor()
      expect(await textOf(first.locator('.movie-result-title'))).toBe('The Matrix')
      expect(await textOf(first.locator('.movie-result-year'))).toBe('1999')
      expect(await page.evaluate(() => document.documentElement.dataset.sameDocument)).toBe('yes')
      expect(new URL(page.url()).search).toBe('?q=matrix')
      await expect.poll(() => textOf(page.locator('#search-announcer'))).toMatch(/3 films found/)
      await expectSoundPage(page)
    })

    it(`moves through the results with the arrow keys and opens one with Enter (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      await openSearch(page, server)
      await typeQuery(page, 'matrix')
      await page.locator('#search-results-list .movie-result').nth(2).waitFor()

      await page.keyboard.press('ArrowDown')
      expect(await focusedResultTitle(page)).toBe('The Matrix')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowUp')
      const chosen = await focusedResultTitle(page)
      expect(chosen).toMatch(/^The Matrix Re/)
      await Promise.all([
        page.waitForURL(/\/movies\/vega-[0-9a-f]{10}$/),
        page.keyboard.press('Enter'),
      ])
      expect(await textOf(page.locator('h1#film-title'))).toBe(chosen)
      await expectSoundPage(page)
    })

    it(`searches from the navbar and shows a film page (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      await page.goto(`${server.url}/`)
      await openNavigation(page)
      await page.locator('#nav-search-q').fill('the matrix')
      await Promise.all([
        page.waitForURL(/\/movies\/search\?q=the\+matrix/),
        page.keyboard.press('Enter'),
      ])
      await page.locator('#search-results-list a', { hasText: 'The Matrix' }).first().click()
      await page.waitForURL(/\/movies\/vega-/)
      expect(await textOf(page.locator('h1#film-title'))).toBe('The Matrix')
      expect(await page.locator('.film time').getAttribute('datetime')).toBe('1999-03-31')
      await expect.poll(() => page.locator('.film-poster .poster-placeholder').count()).toBe(1)
      expect(await textOf(page.locator('#film-rating-heading'))).toBe('Rate this film')
      await expectSoundPage(page)
    })
  }

  for (const locale of locales) {
    for (const width of widths) {
      it(`screenshots: offline search and film page, ${locale}, ${width}`, async () => {
        const { server, openPage } = browser()
        const page = await openPage(width)
        await useLanguage(page, server, locale)
        await page.goto(`${server.url}/movies/search`)
        await screenshot(page, `movies-search-empty-${locale}-${width}`)
        await page.goto(`${server.url}/movies/search?q=star`)
        await screenshot(page, `movies-search-offline-${locale}-${width}`)
        await page.locator('#search-results-list .movie-result').first().click()
        await page.waitForURL(/\/movies\/vega-/)
        await screenshot(page, `movies-film-offline-${locale}-${width}`)
        await page.goto(`${server.url}/movies/search?q=${encodeURIComponent('マトリックス')}`)
        await screenshot(page, `movies-search-none-${locale}-${width}`)
      })
    }
  }

  // Pictures only: the shared layout's dark colours are checked where they are made.
  it('screenshots: offline search and film page in dark mode', async () => {
    const { server, openPage } = browser()
    for (const width of widths) {
      const page = await openPage(width, { colorScheme: 'dark' })
      await page.goto(`${server.url}/movies/search?q=alien`)
      await screenshot(page, `movies-search-offline-dark-${width}`)
      await page.locator('#search-results-list .movie-result').first().click()
      await page.waitForURL(/\/movies\/vega-/)
      await screenshot(page, `movies-film-offline-dark-${width}`)
    }
  })
})

describeInBrowser(
  'film search and pages, TMDB catalog',
  (browser) => {
    for (const width of widths) {
      it(`shows TMDB's results with posters, and its notice (${width})`, async () => {
        const { server, openPage } = browser()
        const page = await openPage(width)
        await openSearch(page, server)
        await typeQuery(page, 'matrix')
        const poster = page.locator('#search-results-list img.poster').first()
        await poster.waitFor()
        await expect
          .poll(() => poster.evaluate((img: HTMLImageElement) => img.naturalWidth))
          .toBe(300)
        expect(await textOf(page.locator('footer .catalog-notice [lang=en]'))).toBe(
          'This product uses the TMDB API but is not endorsed or certified by TMDB.',
        )
        await expectSoundPage(page)

        await page.keyboard.press('ArrowDown')
        await Promise.all([page.waitForURL(/\/movies\/tmdb-603$/), page.keyboard.press('Enter')])
        const filmPoster = page.locator('.film-poster img')
        await expect
          .poll(() => filmPoster.evaluate((img: HTMLImageElement) => img.complete))
          .toBe(true)
        expect(await filmPoster.getAttribute('alt')).toBe('Poster of The Matrix')
        await expectSoundPage(page)
      })

      it(`says so when TMDB fails, and keeps showing stored films (${width})`, async () => {
        const { server, openPage } = browser()
        const page = await openPage(width)
        fake.reset()
        await page.goto(`${server.url}/movies/tmdb-129`)
        expect(await textOf(page.locator('h1#film-title'))).toBe('Spirited Away')

        fake.failNext({ status: 500 }, { status: 500 })
        const failed = await page.goto(`${server.url}/movies/search?q=spirited`)
        expect(failed?.status()).toBe(502)
        expect(await textOf(page.locator('#search-results .alert'))).toMatch(/film catalog/)
        await expectSoundPage(page)

        // A query of its own: an earlier answer would come from the search cache.
        // Filled at once, so that one search meets the slow answer.
        fake.failNext({ delayMs: 1500 })
        await page.locator('#search-q').fill(`reloaded ${width}`)
        await expect
          .poll(() => textOf(page.locator('#search-announcer')), { timeout: 5000 })
          .toMatch(/too long/)

        fake.failNext({ status: 401 })
        await page.goto(`${server.url}/movies/tmdb-129`)
        expect(await textOf(page.locator('h1#film-title'))).toBe('Spirited Away')
        fake.reset()
      })
    }

    for (const locale of locales) {
      for (const width of widths) {
        it(`screenshots: TMDB search, film page and failure, ${locale}, ${width}`, async () => {
          const { server, openPage } = browser()
          const page = await openPage(width)
          await useLanguage(page, server, locale)
          await page.goto(`${server.url}/movies/search?q=matrix`)
          await page.waitForLoadState('networkidle')
          await screenshot(page, `movies-search-tmdb-${locale}-${width}`)
          await page.goto(`${server.url}/movies/tmdb-603`)
          await page.waitForLoadState('networkidle')
          await screenshot(page, `movies-film-tmdb-${locale}-${width}`)
          await page.goto(`${server.url}/movies/tmdb-999`)
          await screenshot(page, `movies-film-sparse-${locale}-${width}`)
          fake.failNext({ status: 503, retryAfter: '60' })
          await page.goto(`${server.url}/movies/tmdb-604`)
          await screenshot(page, `movies-film-unavailable-${locale}-${width}`)
          fake.reset()
        })
      }
    }
  },
  { env: fake.env({ TMDB_TIMEOUT_MS: '1000' }) },
)
