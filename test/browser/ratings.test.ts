import type { Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import type { Db } from '../../src/db/database.js'
import { starFillWidth } from '../../src/ratings/star-geometry.js'
import { signedUpClient } from '../support/app.js'
import {
  type Account,
  describeInBrowser,
  expectNoHorizontalScroll,
  expectSoundPage,
  openNavigation,
  screenshot,
  signUp,
  textOf,
  useLanguage,
  type ViewportName,
} from '../support/browser.js'
import { offlineFilms, seedLongList } from '../support/ratings.js'

const viewports: ViewportName[] = ['phone', 'desktop']

async function userIdOf(db: Db, handle: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('handle_key', '=', handle.toLowerCase())
    .executeTakeFirstOrThrow()
  return row.id
}

describeInBrowser('ratings', (browser) => {
  let critic: Account

  beforeAll(async () => {
    const { server } = browser()
    const signed = await signedUpClient(server.app, {
      handle: 'yamada_films',
      displayName: '山田 映画日記',
    })
    critic = signed.account
    await signed.client.json('PATCH', '/api/v1/me', {
      profileUrl: 'https://example.com/yamada',
      birthdate: '1988-06-15',
      showAge: true,
    })
    await seedLongList(server.db, await userIdOf(server.db, critic.handle), 300)
  }, 120_000)

  for (const viewport of viewports) {
    it(`rates from search, finds it in the list, re-scores and deletes (${viewport})`, async () => {
      const { server } = browser()
      const page = await browser().openPage(viewport)
      const account = await signUp(page, server)
      await useLanguage(page, server, 'en')

      await page.goto(`${server.url}/movies/search?q=matrix`)
      const result = page.locator('#search-results-list li', { hasText: 'The Matrix' }).first()
      await result.getByRole('link', { name: /^Rate/ }).click()
      await page.waitForURL(/\/ratings\/new\?movieId=/)
      await expectSoundPage(page)

      // The slider moves the number and the stars; the number moves the slider.
      await page.locator('[data-score-slider]').fill('73')
      expect(await page.locator('[data-score-number]').inputValue()).toBe('73')
      const fill = page.locator('.score-preview .stars-fill')
      expect(Number(await fill.getAttribute('width'))).toBeCloseTo(starFillWidth(73), 1)
      await page.locator('[data-score-number]').fill('87')
      expect(await page.locator('[data-score-slider]').inputValue()).toBe('87')
      expect(await textOf(page.locator('[data-score-text]'))).toBe('87')
      await screenshot(page, `ratings-rate-${viewport}-en`)
      await page.getByRole('button', { name: 'Save score' }).click()

      await page.waitForURL(/\/movies\/vega-\w+\?rated=1/)
      expect(await textOf(page.locator('.rating-slot .alert-success'))).toContain('87/100')
      expect(await page.locator('.film-stats-value').textContent()).toBe('87.0/100')
      await expectSoundPage(page)
      await screenshot(page, `ratings-film-${viewport}-en`)

      // Find it in the list, change the sort.
      await openNavigation(page)
      await page.getByRole('link', { name: 'My films' }).click()
      await page.waitForURL(`${server.url}/users/${account.handle}`)
      const card = page.locator('.rating-card', { hasText: 'The Matrix' })
      expect(await card.getByRole('img', { name: '87 out of 100' }).count()).toBe(1)
      await page.getByRole('link', { name: 'Score' }).click()
      await page.waitForURL(/sort=score/)
      expect(await textOf(page.locator('.rating-group-heading').first())).toBe('80–89')
      await expectSoundPage(page)

      // Re-score from the list, then come back to the same sort.
      await card.getByRole('link', { name: /^Edit/ }).click()
      await page.waitForURL(/\/ratings\/[\w-]+\/edit/)
      await expectSoundPage(page)
      await page.locator('[data-score-number]').fill('42')
      await page.getByRole('button', { name: 'Save score' }).click()
      await page.waitForURL(/sort=score&done=saved/)
      expect(await textOf(page.locator('.rating-group-heading').first())).toBe('40–49')
      expect(await card.getByRole('img', { name: '42 out of 100' }).count()).toBe(1)

      // Delete, declining first: nothing changes until the dialog is accepted.
      const answers = [false, true]
      page.on('dialog', (dialog) => {
        expect(dialog.message()).toContain('The Matrix')
        void (answers.shift() ? dialog.accept() : dialog.dismiss())
      })
      await card.getByRole('button', { name: /^Delete/ }).click()
      expect(await card.count()).toBe(1)
      await card.getByRole('button', { name: /^Delete/ }).click()
      await page.waitForURL(/done=deleted/)
      expect(await textOf(page.locator('.alert-success'))).toBe('Your rating was deleted.')
      expect(await page.locator('.rating-card').count()).toBe(0)
      expect(await page.getByRole('link', { name: 'Find a film' }).count()).toBe(1)
      await expectSoundPage(page)
      await screenshot(page, `ratings-empty-own-${viewport}-en`)
    }, 120_000)

    it(`shows another person's long list to a visitor, in both languages (${viewport})`, async () => {
      const { server } = browser()
      for (const locale of ['ja', 'en'] as const) {
        const page = await browser().openPage(viewport)
        await useLanguage(page, server, locale)
        await page.goto(`${server.url}/users/${critic.handle}`)
        expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('山田 映画日記')
        expect(await page.locator('.rating-card').count()).toBe(48)
        expect(await page.locator('.rating-card-actions').count()).toBe(0)
        const profile = page.locator('.profile-meta a')
        expect(await profile.getAttribute('rel')).toBe('nofollow ugc noopener')
        await expectSoundPage(page)
        await expectNoLayoutShift(page)
        await screenshot(page, `ratings-list-${viewport}-${locale}`)

        for (const sort of ['score', 'release'] as const) {
          await page.goto(`${server.url}/users/${critic.handle}?sort=${sort}`)
          // One full scan a sort is enough: the cards are the same markup.
          if (locale === 'en') await expectSoundPage(page)
          else await expectNoHorizontalScroll(page)
          await screenshot(page, `ratings-list-${sort}-${viewport}-${locale}`)
        }
        await page.goto(`${server.url}/users/${critic.handle}?sort=release&order=asc`)
        const first = await textOf(page.locator('.rating-group-heading').first())
        expect(first).toBe(locale === 'ja' ? '1920年代以前' : '1920s and earlier')
        await page.close()
      }
    }, 180_000)
  }

  it('loads more of the list in place, joining the group that continues', async () => {
    const { server } = browser()
    const page = await browser().openPage('desktop')
    await useLanguage(page, server, 'en')
    await page.goto(`${server.url}/users/${critic.handle}?sort=score`)
    const headings = async () => page.locator('.rating-group-heading').allTextContents()
    const before = await headings()
    await page.getByRole('link', { name: 'Show more films' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.rating-card').length === 96)
    const after = await headings()
    expect(new Set(after).size).toBe(after.length)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(page.url()).toBe(`${server.url}/users/${critic.handle}?sort=score`)
    await expectSoundPage(page)
  }, 120_000)

  it('works without the script: the number field, and a page that asks before deleting', async () => {
    const { server, context } = browser()
    const page = await browser().openPage('phone')
    await signUp(page, server)
    await useLanguage(page, server, 'en')
    await context.route('**/assets/*.js', (route) => route.abort())
    const [film] = await offlineFilms(1, 90)
    await page.goto(`${server.url}/ratings/new?movieId=${film?.id}`)
    await page.getByLabel('Score', { exact: true }).fill('64')
    await page.getByRole('button', { name: 'Save score' }).click()
    await page.waitForURL(/rated=1/)
    await page.getByRole('button', { name: 'Delete rating' }).click()
    await page.waitForURL(/delete=1/)
    await screenshot(page, 'ratings-delete-confirm-phone-en')
    await page.getByRole('button', { name: 'Delete rating' }).click()
    await page.waitForURL(/done=deleted/)
    expect(await textOf(page.locator('.alert-success').first())).toBe('Your rating was deleted.')
    await context.unroute('**/assets/*.js')
  })
})

/** Fails when anything moved after the first paint (posters have their size up front). */
async function expectNoLayoutShift(page: Page) {
  const shifts = await page.evaluate(
    () =>
      new Promise<{ value: number; sources: string[] }[]>((resolve) => {
        const found: { value: number; sources: string[] }[] = []
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number
            sources?: { node?: Node }[]
          })[]) {
            const sources = (entry.sources ?? []).map((source) => {
              const node = source.node as Element | undefined
              return node ? `${node.nodeName}.${node.className}` : '?'
            })
            found.push({ value: entry.value, sources })
          }
        }).observe({ type: 'layout-shift', buffered: true })
        setTimeout(() => resolve(found), 300)
      }),
  )
  const total = shifts.reduce((sum, shift) => sum + shift.value, 0)
  expect(total, JSON.stringify(shifts)).toBeLessThan(0.01)
}
