import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { signedUpClient } from '../support/app.js'
import {
  describeInBrowser,
  expectSoundPage,
  openNavigation,
  textOf,
  type ViewportName,
} from '../support/browser.js'

const widths: ViewportName[] = ['phone', 'desktop']

const lang = (page: Page) => page.locator('html').getAttribute('lang')

/** What has the keyboard focus, and whether it shows a visible outline. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    const style = element ? getComputedStyle(element) : null
    return {
      id: element?.id ?? '',
      className: element?.className ?? '',
      tag: element?.tagName.toLowerCase() ?? '',
      hasOutline: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    }
  })

describeInBrowser('navigation, language and keyboard', (browser) => {
  for (const width of widths) {
    it(`switches the language from the navbar and remembers it (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      await page.goto(`${server.url}/login`)
      expect(await lang(page)).toBe('en')

      await openNavigation(page)
      await page.locator('#site-nav form[action="/language"] button').click()
      await page.waitForURL(`${server.url}/login`)
      expect(await lang(page)).toBe('ja')
      expect(await textOf(page.locator('main h1'))).toBe('ログイン')
      await expectSoundPage(page)

      await page.goto(`${server.url}/signup`)
      expect(await textOf(page.locator('main h1'))).toBe('アカウントを作成')

      await page.locator('footer form[action="/language"] button').click()
      await page.waitForURL(`${server.url}/signup`)
      expect(await lang(page)).toBe('en')
      expect(await textOf(page.locator('main h1'))).toBe('Create your account')
    })

    it(`shows the page-not-found page (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      const response = await page.goto(`${server.url}/no-such-page`)
      expect(response?.status()).toBe(404)
      expect(await textOf(page.locator('main h1'))).toBe('Page not found')
      await expectSoundPage(page)
    })

    it(`makes the skip link the first Tab stop, with visible focus (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      await page.goto(`${server.url}/`)

      await page.keyboard.press('Tab')
      const skip = await focused(page)
      expect(skip.className).toBe('skip-link')
      expect(skip.hasOutline).toBe(true)
      const box = await page.locator('.skip-link').boundingBox()
      expect(box?.y).toBeGreaterThanOrEqual(0)

      await page.keyboard.press('Enter')
      // Following the link is a navigation the browser finishes after the key press.
      await expect.poll(() => page.url()).toBe(`${server.url}/#main`)
      await expect.poll(async () => (await focused(page)).id).toBe('main')
      await page.keyboard.press('Tab')
      const first = await focused(page)
      expect(first.tag).toBe('a')
      expect(first.hasOutline).toBe(true)
    })

    it(`logs in with the keyboard alone (${width})`, async () => {
      const { server, openPage } = browser()
      const { account } = await signedUpClient(server.app)
      const page = await openPage(width)
      await page.goto(`${server.url}/login`)

      // The first field has the focus already; type, tab, type, then submit with Enter.
      expect((await focused(page)).id).toBe('login')
      await page.keyboard.type(account.handle)
      await page.keyboard.press('Tab')
      const password = await focused(page)
      expect(password.id).toBe('password')
      expect(password.hasOutline).toBe(true)
      await page.keyboard.type(account.password)
      await page.keyboard.press('Tab')
      const button = await focused(page)
      expect(button.tag).toBe('button')
      expect(button.hasOutline).toBe(true)
      await Promise.all([page.waitForURL(`${server.url}/`), page.keyboard.press('Enter')])
      expect(await textOf(page.locator('main h1'))).toContain(account.displayName)
    })
  }

  it('collapses the navbar on a phone; the toggler opens it', async () => {
    const { server, openPage } = browser()
    const page = await openPage('phone')
    await page.goto(`${server.url}/`)
    const toggler = page.locator('.navbar-toggler')
    const menu = page.locator('#site-nav')

    expect(await toggler.isVisible()).toBe(true)
    expect(await menu.isVisible()).toBe(false)
    expect(await toggler.getAttribute('aria-expanded')).toBe('false')

    await toggler.focus()
    await page.keyboard.press('Enter')
    await page.locator('#site-nav.show').waitFor()
    expect(await toggler.getAttribute('aria-expanded')).toBe('true')
    expect(await menu.locator('a[href="/login"]').isVisible()).toBe(true)
    expect(await menu.locator('a[href="/signup"]').isVisible()).toBe(true)
    await expectSoundPage(page)

    await toggler.click()
    await menu.waitFor({ state: 'hidden' })
  })

  it('shows the whole navbar on a desktop, without a toggler', async () => {
    const { server, openPage } = browser()
    const page = await openPage('desktop')
    await page.goto(`${server.url}/`)
    expect(await page.locator('.navbar-toggler').isVisible()).toBe(false)
    expect(await page.locator('#site-nav a[href="/login"]').isVisible()).toBe(true)
    expect(await page.locator('#site-nav a[aria-current="page"]').getAttribute('href')).toBe('/')
  })
})
