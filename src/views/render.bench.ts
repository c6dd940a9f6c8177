// Rendering cost of the heaviest pages, whole documents in the shared layout.
// Run with `npm run bench:render`; the budget is 0.2 ms (5,000 renders a second) a page.
import { bench, describe } from 'vitest'
import { settingsView, signupView } from '../accounts/views.js'
import { translator } from '../i18n/translate.js'
import { html } from './html.js'
import { layout } from './layout.js'
import type { PageContext } from './page.js'

const page: PageContext = {
  t: translator('ja'),
  locale: 'ja',
  user: { id: 'u1', handle: 'carol', displayName: 'Carol <Danvers>', locale: 'ja' },
  path: '/settings?x=<y>',
  assets: { 'app.js': '/assets/app-abc.js', 'styles.css': '/assets/styles-abc.css' },
  catalog: { source: 'vega', posterBase: 'https://image.tmdb.org/t/p' },
}

const user = {
  id: 'u1',
  handle: 'carol',
  email: 'carol@example.com',
  displayName: 'Carol "Captain" Danvers',
  birthdate: '1990-04-01',
  showAge: true,
  profileUrl: 'https://example.com/?a=1&b=<2>',
  locale: 'ja' as const,
  createdAt: 0,
  updatedAt: 0,
}

const failure = {
  status: 400 as const,
  summary: 'Please correct the marked fields.',
  fields: { handle: 'Use 3–20 letters.', password: 'Use at least 8 characters.' },
}

describe('page rendering', () => {
  bench('settings page', () => {
    String(layout(page, { title: 'Settings' }, settingsView(page, user)))
  })

  bench('sign-up page with errors', () => {
    const values = { handle: 'a b', email: 'x@', displayName: '<b>' }
    String(layout(page, { title: 'Sign up' }, signupView(page, values, failure)))
  })

  bench('48 escaped cards in the layout', () => {
    const cards = Array.from(
      { length: 48 },
      (_, i) =>
        html`<li class="card"><h3>${`Film <${i}> & "more"`}</h3><p>${i}/100</p><time datetime="2024-01-${i}">${`2024-01-${i}`}</time></li>`,
    )
    String(layout(page, { title: 'List' }, html`<ul>${cards}</ul>`))
  })
})
