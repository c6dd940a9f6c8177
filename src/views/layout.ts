import type { Locale } from '../i18n/locale.js'
import { catalogNotice, navSearchForm } from '../movies/views.js'
import { starsSprite } from '../ratings/stars.js'
import { type Html, html } from './html.js'
import { icons } from './icons.js'
import type { PageContext } from './page.js'

export interface LayoutOptions {
  title: string
  /** Extra text for the description meta tag; the tagline otherwise. */
  description?: string
  /** Keeps the page out of search engines (forms, settings). */
  noindex?: boolean
}

/** The one page frame every server-rendered page shares. */
export function layout(page: PageContext, options: LayoutOptions, body: Html): Html {
  const { t, locale, assets } = page
  const fullTitle =
    options.title === t('app.name') ? options.title : `${options.title} · ${t('app.name')}`
  return html`<!doctype html>
<html lang="${locale}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
<meta name="description" content="${options.description ?? t('footer.about')}">
${options.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="stylesheet" href="${assets['styles.css']}">
<script type="module" src="${assets['app.js']}"></script>
</head>
<body>
${starsSprite}
<a class="skip-link" href="#main">${t('nav.skip')}</a>
${navbar(page)}
<main id="main" tabindex="-1" class="container py-4">
${body}
</main>
${footer(page)}
</body>
</html>`
}

function navbar(page: PageContext): Html {
  const { t, user } = page
  return html`<header class="site-header navbar navbar-expand-md border-bottom">
<nav class="container" aria-label="${t('nav.main')}">
<a class="navbar-brand d-flex align-items-center gap-2" href="/"><span class="brand-mark">${icons.film}</span>${t('app.name')}</a>
<button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#site-nav" aria-controls="site-nav" aria-expanded="false" aria-label="${t('nav.toggle')}"><span class="navbar-toggler-icon"></span></button>
<div class="collapse navbar-collapse" id="site-nav">
<ul class="navbar-nav me-auto">
<li class="nav-item">${navLink(page, '/', t('nav.home'))}</li>
<li class="nav-item">${navLink(page, '/users', t('nav.people'))}</li>
</ul>
${navSearchForm(page)}
<ul class="navbar-nav align-items-md-center gap-md-1 pb-2 pb-md-0">
<li class="nav-item">${languageSwitch(page, 'nav-link')}</li>
${user ? accountLinks(page) : guestLinks(page)}
</ul>
</div>
</nav>
</header>`
}

/** A navbar link, marked as the current page when it is the one shown. */
function navLink(page: PageContext, href: string, label: string): Html {
  const isCurrent = page.path.split('?')[0] === href
  return html`<a class="nav-link" href="${href}"${isCurrent ? html` aria-current="page"` : ''}>${label}</a>`
}

function guestLinks(page: PageContext): Html {
  const { t } = page
  return html`<li class="nav-item">${navLink(page, '/login', t('nav.login'))}</li>
<li class="nav-item"><a class="btn btn-primary btn-sm px-3 ms-md-1 my-1 my-md-0" href="/signup">${t('nav.signup')}</a></li>`
}

function accountLinks(page: PageContext): Html {
  const { t, user } = page
  return html`<li class="nav-item">${navLink(page, `/users/${user?.handle}`, t('nav.myFilms'))}</li>
<li class="nav-item">${navLink(page, '/settings', t('nav.settings'))}</li>
<li class="nav-item"><form method="post" action="/logout"><button type="submit" class="nav-link">${t('nav.logout')}</button></form></li>`
}

const otherLocale: Record<Locale, Locale> = { ja: 'en', en: 'ja' }

/** A one-button form that switches to the other language and comes back here. */
export function languageSwitch(page: PageContext, buttonClass: string, withIcon = true): Html {
  const target = otherLocale[page.locale]
  return html`<form method="post" action="/language" class="d-inline">
<input type="hidden" name="locale" value="${target}">
<input type="hidden" name="next" value="${page.path}">
<button type="submit" class="${buttonClass} d-inline-flex align-items-center gap-1" lang="${target}">${withIcon ? icons.globe : ''}${page.t(`language.${target}`)}</button>
</form>`
}

function footer(page: PageContext): Html {
  const { t } = page
  return html`<footer class="site-footer border-top py-4 mt-5 bg-body-tertiary">
<div class="container d-flex flex-column flex-md-row gap-3 justify-content-between align-items-md-center">
<div>
<p class="mb-1 fw-semibold d-flex align-items-center gap-2"><span class="brand-mark">${icons.film}</span>${t('app.name')}</p>
<p class="mb-0 text-body-secondary">${t('footer.about')}</p>
${catalogNotice(page)}
</div>
${languageChoice(page)}
</div>
</footer>`
}

/** Both languages side by side: the current one marked, the other a switch. */
function languageChoice(page: PageContext): Html {
  const { t, locale } = page
  return html`<div class="d-flex align-items-center gap-2" role="group" aria-label="${t('footer.language')}">
<span class="text-body-secondary d-inline-flex">${icons.globe}</span>
<span class="fw-semibold" lang="${locale}" aria-current="true">${t(`language.${locale}`)}</span>
<span class="text-body-tertiary" aria-hidden="true">/</span>
${languageSwitch(page, 'btn btn-link btn-sm p-0', false)}
</div>`
}
