import { expect, it } from 'vitest'
import { signedUpClient } from '../support/app.js'
import {
  describeInBrowser,
  expectSoundPage,
  screenshot,
  signUp,
  type ViewportName,
} from '../support/browser.js'

describeInBrowser('people', (browser) => {
  for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
    it(`finds someone by part of their name and follows them in place (${viewport})`, async () => {
      const { server } = browser()
      const { account: carol } = await signedUpClient(server.app, {
        displayName: `Carol Danvers ${viewport}`,
      })
      const page = await browser().openPage(viewport)
      await signUp(page, server)

      await page.goto(`${server.url}/users`)
      await page.getByLabel('Search people').fill(`ＤＡＮＶ`)
      await page.getByLabel('Search people').press('Enter')
      await page.waitForURL(/\/users\?q=/)
      const entry = page.locator('li', { hasText: `@${carol.handle}` })
      await entry.getByRole('link', { name: `Carol Danvers ${viewport}` }).waitFor()
      await expectSoundPage(page)
      await screenshot(page, `people-search-${viewport}-en`)

      const name = `Carol Danvers ${viewport}`
      const follow = entry.getByRole('button', { name: `Follow ${name}`, exact: true })
      const unfollow = entry.getByRole('button', { name: `Unfollow ${name}`, exact: true })
      const url = page.url()
      await follow.click()
      await unfollow.waitFor()
      expect(await unfollow.textContent()).toBe('Unfollow')
      expect(page.url()).toBe(url)

      await page.goto(`${server.url}/users/${carol.handle}/followers`)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        'Following Carol',
      )
      await expectSoundPage(page)

      await page.goto(url)
      await unfollow.click()
      await follow.waitFor()
      await page.reload()
      await follow.waitFor()
    })
  }

  it('follows without JavaScript through the form', async () => {
    const { server, context } = browser()
    const { account: dana } = await signedUpClient(server.app, { displayName: 'Dana NoScript' })
    const page = await browser().openPage('desktop')
    await signUp(page, server)
    await context.route('**/assets/*.js', (route) => route.abort())
    await page.goto(`${server.url}/users?q=${dana.handle}`)
    const entry = page.locator('li', { hasText: `@${dana.handle}` })
    await Promise.all([
      page.waitForURL(/\/users\?q=/),
      entry.getByRole('button', { name: 'Follow Dana NoScript', exact: true }).click(),
    ])
    await entry.getByRole('button', { name: 'Unfollow Dana NoScript', exact: true }).waitFor()
    await context.unroute('**/assets/*.js')
  })
})
