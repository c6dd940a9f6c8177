import type { Locale } from '../i18n/locale.js'
import { type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { type StoredMovie, titleIn } from './movie.js'
import { formatReleaseDate, posterView } from './views.js'

export interface FilmViewOptions {
  /** The stored copy is shown because the catalog failed. */
  isStale?: boolean
  /**
   * The "Rate this film" area: the average, who rated it, and the caller's own rating
   * or a way to rate. The ratings feature draws it; `ratingPlaceholder` until then.
   */
  ratingSlot: Html
}

const otherLocale: Record<Locale, Locale> = { ja: 'en', en: 'ja' }

/** A film's page: poster, titles, release date and overview, then the rating area. */
export function filmView(page: PageContext, movie: StoredMovie, options: FilmViewOptions): Html {
  const { t } = page
  const title = titleIn(movie, page.locale)
  return html`${options.isStale ? html`<div class="alert alert-warning small" role="status">${t('movies.film.stale')}</div>` : ''}
<article class="film" aria-labelledby="film-title">
<div class="film-poster">${posterView(movie, page, 'page')}</div>
<div class="film-facts">
<h1 class="film-title" id="film-title">${title}</h1>
${factsView(page, movie, title)}
</div>
<div class="film-body">
<section class="film-overview" aria-labelledby="film-overview-heading">
<h2 class="film-section-title" id="film-overview-heading">${t('movies.film.overview')}</h2>
${overviewView(page, movie)}
</section>
<section class="film-rating" aria-labelledby="film-rating-heading">
<h2 class="film-section-title" id="film-rating-heading">${t('movies.film.rate')}</h2>
${options.ratingSlot}
</section>
</div>
</article>`
}

/** The release date, and the titles in the other language and the original one. */
function factsView(page: PageContext, movie: StoredMovie, shown: string): Html {
  const { t, locale } = page
  const other = otherLocale[locale]
  const otherTitle = movie.titles[other]
  const original = movie.originalTitle
  const showsOther = otherTitle !== null && otherTitle !== shown
  const showsOriginal = original !== null && original !== shown && original !== otherTitle
  const release = movie.releaseDate
    ? html`<time datetime="${movie.releaseDate}">${formatReleaseDate(movie.releaseDate, locale)}</time>`
    : html`<span class="text-body-secondary">${t('movies.release.unknownShort')}</span>`
  return html`<dl class="film-meta">
<div><dt>${t('movies.film.released')}</dt><dd>${release}</dd></div>
${showsOther ? html`<div><dt>${t('movies.film.otherTitle')}</dt><dd lang="${other}">${otherTitle}</dd></div>` : ''}
${showsOriginal ? html`<div><dt>${t('movies.film.originalTitle')}</dt><dd>${original}</dd></div>` : ''}
</dl>`
}

function overviewView(page: PageContext, movie: StoredMovie): Html {
  const { t, locale } = page
  const own = movie.overviews[locale]
  if (own) return html`<p class="film-overview-text">${own}</p>`
  const other = otherLocale[locale]
  const fallback = movie.overviews[other]
  if (fallback) return html`<p class="film-overview-text" lang="${other}">${fallback}</p>`
  return html`<p class="text-body-secondary">${t('movies.film.noOverview')}</p>`
}

/**
 * What the rating area shows until the ratings feature fills it: a way to log in for
 * visitors, and an honest "no ratings yet".
 */
export function ratingPlaceholder(page: PageContext): Html {
  const { t, user, path } = page
  const login = `/login?next=${encodeURIComponent(path)}`
  return html`<div class="rating-slot">
<p class="mb-0 text-body-secondary">${t('movies.film.noRatings')}</p>
${user ? '' : html`<a class="btn btn-primary mt-3" href="${login}">${t('movies.film.loginToRate')}</a>`}
</div>`
}
