import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  describeInBrowser,
  expectSoundPage,
  logOut,
  signUp,
  signUpThroughForm,
  textOf,
  type ViewportName,
} from '../support/browser.js'

const widths: ViewportName[] = ['phone', 'desktop']

const submit = (page: Page, action: string) =>
  page.locator(`form[action="${action}"] [type=submit]`).click()

const heading = (page: Page) => textOf(page.locator('main h1'))

/** The error shown beside a field, checked to be tied to the field for screen readers. */
async function fieldError(page: Page, id: string) {
  const input = page.locator(`#${id}`)
  expect(await input.getAttribute('aria-invalid')).toBe('true')
  expect(await input.getAttribute('aria-describedby')).toContain(`${id}-error`)
  return textOf(page.locator(`#${id}-error`))
}

describeInBrowser('accounts in the browser', (browser) => {
  for (const width of widths) {
    it(`signs up, logs out and logs in again (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)

      await page.goto(`${server.url}/`)
      await expectSoundPage(page)
      await page.goto(`${server.url}/signup`)
      await expectSoundPage(page)
      const account = await signUpThroughForm(page, server)
      expect(await heading(page)).toBe(`Welcome, ${account.displayName}`)
      await expectSoundPage(page)

      await logOut(page)
      expect(await page.locator('main a[href="/signup"]').isVisible()).toBe(true)

      await page.goto(`${server.url}/login`)
      await expectSoundPage(page)
      await page.locator('#login').fill(account.email.toUpperCase())
      await page.locator('#password').fill(account.password)
      await Promise.all([page.waitForURL(`${server.url}/`), submit(page, '/login')])
      expect(await heading(page)).toBe(`Welcome, ${account.displayName}`)
    })

    it(`shows a bad sign-up beside its fields and keeps what was typed (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      await page.goto(`${server.url}/signup`)

      await page.locator('#handle').fill('no spaces')
      await page.locator('#displayName').fill('Ann')
      await page.locator('#email').fill('ann@example.com')
      await page.locator('#password').fill('short')
      await submit(page, '/signup')

      await page.locator('[role=alert]').waitFor()
      expect(await fieldError(page, 'handle')).toMatch(/3–20 letters/)
      expect(await fieldError(page, 'password')).toMatch(/at least 8 characters/)
      expect(await page.locator('#displayName').getAttribute('aria-invalid')).toBeNull()
      expect(await page.locator('#handle').inputValue()).toBe('no spaces')
      expect(await page.locator('#password').inputValue()).toBe('')
      await expectSoundPage(page)
    })

    it(`refuses a wrong password with a message (${width})`, async () => {
      const { server, openPage, context } = browser()
      const page = await openPage(width)
      const account = await signUp(page, server)
      await context.clearCookies()

      await page.goto(`${server.url}/login`)
      await page.locator('#login').fill(account.handle)
      await page.locator('#password').fill('not-the-password')
      await submit(page, '/login')

      expect(await textOf(page.locator('[role=alert]'))).toMatch(/not correct/)
      expect(await page.locator('#login').inputValue()).toBe(account.handle)
      await expectSoundPage(page)
    })

    it(`changes the profile and the language in settings (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      const account = await signUp(page, server)
      await page.goto(`${server.url}/settings`)
      await expectSoundPage(page)

      await page.locator('#displayName').fill('Ann Lee')
      await page.locator('#profileUrl').fill('https://example.com/ann')
      await page.locator('#birthdate').fill('1990-04-01')
      await page.locator('#showAge').check()
      await page.locator('#locale').selectOption('ja')
      await Promise.all([
        page.waitForURL(`${server.url}/settings?done=profile`),
        submit(page, '/settings/profile'),
      ])

      expect(await page.locator('html').getAttribute('lang')).toBe('ja')
      expect(await textOf(page.locator('[role=status]'))).toBe('変更を保存しました。')
      expect(await page.locator('#displayName').inputValue()).toBe('Ann Lee')
      expect(await page.locator('#profileUrl').inputValue()).toBe('https://example.com/ann')
      expect(await page.locator('#birthdate').inputValue()).toBe('1990-04-01')
      expect(await page.locator('#showAge').isChecked()).toBe(true)
      expect(await page.locator('#locale').inputValue()).toBe('ja')
      await expectSoundPage(page)

      const me = await (await page.request.get(`${server.url}/api/v1/me`)).json()
      expect(me.user).toMatchObject({
        handle: account.handle,
        displayName: 'Ann Lee',
        profileUrl: 'https://example.com/ann',
        birthdate: '1990-04-01',
        showAge: true,
      })
    })

    it(`refuses a profile link that is not a web address (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      await signUp(page, server)
      await page.goto(`${server.url}/settings`)

      await page.locator('#profileUrl').fill('javascript:alert(1)')
      await submit(page, '/settings/profile')

      expect(await fieldError(page, 'profileUrl')).toMatch(/https:\/\/ or http:\/\//)
      expect(await page.locator('#profileUrl').inputValue()).toBe('javascript:alert(1)')
      await expectSoundPage(page)
      const me = await (await page.request.get(`${server.url}/api/v1/me`)).json()
      expect(me.user.profileUrl).toBeNull()
    })

    it(`changes the password, which then logs in (${width})`, async () => {
      const { server, openPage } = browser()
      const page = await openPage(width)
      const account = await signUp(page, server)
      await page.goto(`${server.url}/settings`)

      await page.locator('#currentPassword').fill(account.password)
      await page.locator('#newPassword').fill('short')
      await submit(page, '/settings/password')
      expect(await fieldError(page, 'newPassword')).toMatch(/at least 8 characters/)

      await page.locator('#currentPassword').fill(account.password)
      await page.locator('#newPassword').fill('amber-kite-lantern-77')
      await Promise.all([
        page.waitForURL(`${server.url}/settings?done=password`),
        submit(page, '/settings/password'),
      ])
      expect(await textOf(page.locator('[role=status]'))).toMatch(/password was changed/)

      await logOut(page)
      await page.goto(`${server.url}/login`)
      await page.locator('#login').fill(account.handle)
      await page.locator('#password').fill('amber-kite-lantern-77')
      await Promise.all([page.waitForURL(`${server.url}/`), submit(page, '/login')])
      expect(await heading(page)).toBe(`Welcome, ${account.displayName}`)
    })
  }
})
