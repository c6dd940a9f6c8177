import { Hono } from 'hono'
import type { FeedPage, FeedService } from '../feed/service.js'
import { feedView } from '../feed/views.js'
import type { AppEnv } from '../http/context.js'
import { renderPage } from '../http/render.js'
import { type Html, html } from '../views/html.js'
import { icons } from '../views/icons.js'
import type { PageContext } from '../views/page.js'

export function homePages(feed: FeedService) {
  const app = new Hono<AppEnv>()
  app.get('/', async (c) => {
    const t = c.get('t')
    const options = { title: t('app.name'), description: t('home.lead') }
    const user = c.get('user')
    if (!user) {
      const deleted = c.req.query('deleted') === '1'
      return renderPage(c, options, (page) => visitorHome(page, deleted))
    }
    const cursor = c.req.query('cursor')
    const latest = await feed.page(user.id, cursor)
    return renderPage(c, options, (page) => memberHome(page, latest, cursor !== undefined))
  })
  return app
}

function visitorHome(page: PageContext, deleted: boolean): Html {
  const { t } = page
  const feature = (icon: Html, title: string, body: string) => html`<div class="col">
<div class="feature-icon mb-3">${icon}</div>
<h2 class="h5 fw-semibold">${title}</h2>
<p class="text-body-secondary mb-0">${body}</p>
</div>`
  return html`${deleted ? html`<div class="alert alert-info" role="status">${t('home.deleted')}</div>` : ''}
<section class="hero text-center mx-auto">
<h1 class="hero-title mb-3">${t('home.title')}</h1>
<p class="lead text-body-secondary mx-auto mb-4">${t('home.lead')}</p>
<div class="d-grid gap-2 d-sm-flex justify-content-sm-center">
<a class="btn btn-primary btn-lg px-4" href="/signup">${t('home.cta.signup')}</a>
<a class="btn btn-outline-secondary btn-lg px-4" href="/login">${t('home.cta.login')}</a>
</div>
</section>
<section class="border-top pt-5 pb-3">
<div class="row row-cols-1 row-cols-md-3 g-4 g-lg-5">
${feature(icons.star, t('home.feature.score.title'), t('home.feature.score.body'))}
${feature(icons.list, t('home.feature.list.title'), t('home.feature.list.body'))}
${feature(icons.users, t('home.feature.people.title'), t('home.feature.people.body'))}
</div>
</section>`
}

function memberHome(page: PageContext, latest: FeedPage, isContinued: boolean): Html {
  const { t, user } = page
  const shortcut = (href: string, icon: Html, title: string, body: string) => html`<div class="col">
<a class="shortcut card h-100" href="${href}">
<div class="card-body d-flex gap-3 align-items-start">
<span class="feature-icon flex-shrink-0">${icon}</span>
<span><span class="d-block fw-semibold mb-1">${title}</span><span class="d-block small text-body-secondary">${body}</span></span>
</div>
</a>
</div>`
  return html`<section class="pt-2 pb-4">
<h1 class="h3 fw-bold mb-1">${t('home.welcome', { name: user?.displayName ?? '' })}</h1>
<p class="text-body-secondary mb-0">@${user?.handle}</p>
</section>
<div class="row g-4 g-lg-5">
<div class="col-lg-8">${feedView(page, latest, isContinued)}</div>
<aside class="col-lg-4" aria-labelledby="shortcuts">
<h2 class="h6 fw-semibold text-body-secondary mb-3" id="shortcuts">${t('home.shortcuts')}</h2>
<div class="row row-cols-1 row-cols-sm-2 row-cols-lg-1 g-3">
${shortcut('/movies/search', icons.search, t('home.shortcut.rate.title'), t('home.shortcut.rate.body'))}
${shortcut(`/users/${user?.handle ?? ''}`, icons.list, t('home.shortcut.list.title'), t('home.shortcut.list.body'))}
${shortcut('/users', icons.users, t('home.shortcut.people.title'), t('home.shortcut.people.body'))}
${shortcut('/settings', icons.user, t('home.shortcut.settings.title'), t('home.shortcut.settings.body'))}
</div>
</aside>
</div>`
}
