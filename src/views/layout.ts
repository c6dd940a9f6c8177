import type { Locale } from '../i18n/locale.js'
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
  return html`<header class="navbar navbar-expand-md bg-body-tertiary border-bottom">
<nav class="container" aria-label="${t('nav.main')}">
<a class="navbar-brand d-flex align-items-center gap-2" href="/"><span class="brand-mark">${icons.film}</span>${t('app.name')}</a>
<button class="navbar-toggler" type="button" data-bs-toggle="collapse" data-bs-target="#site-nav" aria-controls="site-nav" aria-expanded="false" aria-label="${t('nav.toggle')}"><span class="navbar-toggler-icon"></span></button>
<div class="collapse navbar-collapse" id="site-nav">
<ul class="navbar-nav me-auto">
<li class="nav-item"><a class="nav-link" href="/">${t('nav.home')}</a></li>
</ul>
<div class="d-flex flex-column flex-md-row align-items-md-center gap-2 py-2 py-md-0">
${languageSwitch(page, 'btn btn-sm btn-outline-secondary')}
${user ? accountLinks(page) : guestLinks(page)}
</div>
</div>
</nav>
</header>`
}

function guestLinks({ t }: PageContext): Html {
  return html`<a class="btn btn-sm btn-outline-primary" href="/login">${t('nav.login')}</a>
<a class="btn btn-sm btn-primary" href="/signup">${t('nav.signup')}</a>`
}

function accountLinks({ t, user }: PageContext): Html {
  return html`<a class="nav-link px-md-2" href="/settings">${t('nav.settings')}</a>
<span class="navbar-text small text-body-secondary">@${user?.handle}</span>
<form method="post" action="/logout" class="d-inline">
<button type="submit" class="btn btn-sm btn-outline-secondary w-100">${t('nav.logout')}</button>
</form>`
}

const otherLocale: Record<Locale, Locale> = { ja: 'en', en: 'ja' }

/** A one-button form that switches to the other language and comes back here. */
export function languageSwitch(page: PageContext, buttonClass: string): Html {
  const target = otherLocale[page.locale]
  return html`<form method="post" action="/language" class="d-inline">
<input type="hidden" name="locale" value="${target}">
<input type="hidden" name="next" value="${page.path}">
<button type="submit" class="${buttonClass} d-inline-flex align-items-center gap-1" lang="${target}">${icons.globe}${page.t(`language.${target}`)}</button>
</form>`
}

function footer(page: PageContext): Html {
  const { t } = page
  return html`<footer class="site-footer border-top py-4 mt-5 bg-body-tertiary">
<div class="container d-flex flex-column flex-md-row gap-3 justify-content-between align-items-md-center">
<div>
<p class="mb-1 fw-semibold">${t('app.name')}</p>
<p class="mb-0 text-body-secondary">${t('footer.about')}</p>
</div>
<div class="d-flex align-items-center gap-2">
<span class="text-body-secondary">${t('footer.language')}:</span>
${languageSwitch(page, 'btn btn-sm btn-link px-1')}
</div>
</div>
</footer>`
}
