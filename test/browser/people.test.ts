import { expect, it } from 'vitest'
import { signedUpClient } from '../support/app.js'
import {
  describeInBrowser,
  expectSoundPage,
  screenshot,
  signUp,
  type ViewportName,
} from '../support/browser.js'
import { offlineFilms } from '../support/ratings.js'

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

  for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
    it(`shows what followed people rated lately on the home page (${viewport})`, async () => {
      const { server } = browser()
      const page = await browser().openPage(viewport)
      await signUp(page, server)
      await page.goto(server.url)
      await page.getByRole('link', { name: 'Find people to follow' }).waitFor()
      await expectSoundPage(page)

      const critic = await signedUpClient(server.app, { displayName: `Critic ${viewport}` })
      const films = await offlineFilms(4)
      for (const [index, film] of films.entries()) {
        const response = await critic.client.json('POST', '/api/v1/ratings', {
          movieId: film.id,
          score: 62 + index * 11,
        })
        expect(response.status).toBe(201)
      }
      await page.request.put(`${server.url}/api/v1/me/following/${critic.account.handle}`)
      await page.reload()
      const entries = page.locator('.feed-entry')
      expect(await entries.count()).toBe(4)
      expect(await entries.first().textContent()).toContain(`Critic ${viewport}`)
      await expectSoundPage(page)
      await screenshot(page, `home-feed-${viewport}-en`)
    })
  }

  for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
    it(`lists followed raters first on a film page, with follow buttons (${viewport})`, async () => {
      const { server } = browser()
      const [film] = await offlineFilms(1, 10)
      if (!film) throw new Error('no offline film')
      const friend = await signedUpClient(server.app, { displayName: `Friend ${viewport}` })
      const other = await signedUpClient(server.app, { displayName: `Other ${viewport}` })
      for (const [index, rater] of [friend, other].entries()) {
        const response = await rater.client.json('POST', '/api/v1/ratings', {
          movieId: film.id,
          score: 70 + index * 20,
        })
        expect(response.status).toBe(201)
      }
      const page = await browser().openPage(viewport)
      await signUp(page, server)
      await page.request.put(`${server.url}/api/v1/me/following/${friend.account.handle}`)
      await page.goto(`${server.url}/movies/${film.id}`)

      const followed = page.getByRole('region', { name: 'People you follow' })
      expect(await followed.textContent()).toContain(`Friend ${viewport}`)
      expect(await followed.textContent()).not.toContain(`Other ${viewport}`)
      const everyone = page.getByRole('region', { name: 'Everyone who rated it' })
      const name = `Other ${viewport}`
      await everyone.getByRole('button', { name: `Follow ${name}`, exact: true }).click()
      await everyone.getByRole('button', { name: `Unfollow ${name}`, exact: true }).waitFor()
      await expectSoundPage(page)
      await screenshot(page, `film-raters-${viewport}-en`)
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
