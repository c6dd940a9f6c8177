import { it } from 'vitest'
import {
  describeInBrowser,
  openNavigation,
  screenshot,
  screenshotPath,
  signUp,
  useLanguage,
  type ViewportName,
} from '../support/browser.js'

// Full-page pictures of the account pages for people to review (they are not compared
// with anything): each width, each language, and dark mode for a few.

const widths: ViewportName[] = ['phone', 'desktop']
const locales = ['ja', 'en'] as const

describeInBrowser('screenshots of the account pages', (browser) => {
  for (const locale of locales) {
    for (const width of widths) {
      it(`${locale} at ${width} width`, async () => {
        const { server, openPage } = browser()
        const page = await openPage(width)
        await useLanguage(page, server, locale)
        const shot = (name: string) => screenshot(page, `${name}-${locale}-${width}`)

        await page.goto(`${server.url}/`)
        await shot('home')
        await page.goto(`${server.url}/signup`)
        await shot('signup')
        await page.locator('#handle').fill('no spaces')
        await page.locator('#password').fill('short')
        await page.locator('form[action="/signup"] [type=submit]').click()
        await page.locator('.is-invalid').first().waitFor()
        await shot('signup-errors')
        await page.goto(`${server.url}/login`)
        await shot('login')
        await page.goto(`${server.url}/no-such-page`)
        await shot('not-found')

        await signUp(page, server, { displayName: locale === 'ja' ? '山田 花子' : 'Ada Lovelace' })
        await page.goto(`${server.url}/`)
        await shot('home-member')
        await page.goto(`${server.url}/settings`)
        await shot('settings')
        if (width === 'phone') {
          await openNavigation(page)
          await page.screenshot({ path: screenshotPath(`menu-${locale}-phone`) })
        }
      })
    }
  }

  for (const width of widths) {
    it(`dark mode at ${width} width`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width, { colorScheme: 'dark' })
      await useLanguage(page, server, 'ja')
      await page.goto(`${server.url}/`)
      await screenshot(page, `home-ja-${width}-dark`)
      await page.goto(`${server.url}/signup`)
      await page.locator('#handle').fill('x')
      await page.locator('form[action="/signup"] [type=submit]').click()
      await page.locator('.is-invalid').first().waitFor()
      await screenshot(page, `signup-errors-ja-${width}-dark`)
      await signUp(page, server)
      await page.goto(`${server.url}/settings`)
      await screenshot(page, `settings-ja-${width}-dark`)
    })
  }
})
