import { rateLink } from '../ratings/views.js'
import { type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import type { CatalogMovie, SearchResults } from './movie.js'
import { maxQueryLength } from './service.js'
import { posterView, releaseYear } from './views.js'

/** What a search came to: results, or a message in place of them. */
export type SearchOutcome =
  | { kind: 'results'; results: SearchResults }
  | { kind: 'failed'; message: string }

/**
 * The search page: a form that works as a plain GET, and the results below it. The
 * client script makes it live: it swaps `#search-results` for the fragment of
 * `/movies/search/results` as one types, and reads the new count out through the
 * status region.
 */
export function searchPageView(page: PageContext, query: string, outcome: SearchOutcome): Html {
  const { t } = page
  return html`<div class="movie-search mx-auto">
<h1 class="h3 mb-3">${t('movies.search.title')}</h1>
<form class="movie-search-form mb-4" role="search" method="get" action="/movies/search" data-live-search>
<label class="form-label" for="search-q">${t('movies.search.label')}</label>
<div class="input-group">
<input class="form-control form-control-lg" type="search" id="search-q" name="q" value="${query}" maxlength="${maxQueryLength}" autocomplete="off" spellcheck="false" enterkeyhint="search" aria-describedby="search-hint" aria-controls="search-results"${query ? '' : html` autofocus`}>
<button class="btn btn-primary px-4" type="submit">${t('movies.search.submit')}</button>
</div>
<p class="form-text js-only mb-0" id="search-hint">${t('movies.search.hint')}</p>
</form>
<div class="visually-hidden" role="status" aria-live="polite" id="search-announcer"></div>
<div id="search-results">
${searchResultsView(page, query, outcome)}
</div>
</div>`
}

/** The part of the page that live search replaces. */
export function searchResultsView(page: PageContext, query: string, outcome: SearchOutcome): Html {
  const { t } = page
  if (query === '') {
    return html`<p class="text-body-secondary mb-2" data-search-status>${t('movies.search.intro')}</p>
${examplesView(page)}`
  }
  if (outcome.kind === 'failed') {
    return html`<div class="alert alert-warning" role="alert" data-search-status>${outcome.message}</div>`
  }

  const { items, page: current, totalPages } = outcome.results
  if (items.length === 0) {
    const key = page.catalog.source === 'vega' ? 'movies.search.noneOffline' : 'movies.search.none'
    return html`<p class="search-none" data-search-status>${t(key, { query })}</p>`
  }
  return html`<p class="search-count text-body-secondary small mb-2" data-search-status>${countText(page, outcome.results)}</p>
<ol class="movie-results list-unstyled mb-4" id="search-results-list">
${items.map((movie) => html`<li>${resultView(page, movie)}</li>`)}
</ol>
${pagination(page, query, current, totalPages)}`
}

// The offline list has English titles only; TMDB finds titles in the viewer's language.
const examples = {
  vega: ['The Matrix', 'Star Wars', 'Amélie'],
  ja: ['千と千尋の神隠し', 'マトリックス', 'アメリ'],
  en: ['Spirited Away', 'The Matrix', 'Amélie'],
}

function examplesView(page: PageContext): Html {
  const queries = page.catalog.source === 'vega' ? examples.vega : examples[page.locale]
  const link = (query: string) =>
    html`<li><a class="search-example" href="/movies/search?q=${encodeURIComponent(query)}">${query}</a></li>`
  return html`<div class="search-examples">
<span class="text-body-secondary">${page.t('movies.search.examples')}</span>
<ul>${queries.map(link)}</ul>
</div>`
}

function countText({ t }: PageContext, { items, page, totalPages }: SearchResults): string {
  if (totalPages > 1) return t('movies.search.pageOf', { page, total: totalPages })
  return items.length === 1
    ? t('movies.search.countOne')
    : t('movies.search.count', { count: items.length })
}

function resultView(page: PageContext, movie: CatalogMovie): Html {
  const year = releaseYear(movie.releaseDate)
  const original =
    movie.originalTitle && movie.originalTitle !== movie.title ? movie.originalTitle : null
  return html`<a class="movie-result" href="/movies/${movie.id}">
${posterView(movie, page, 'thumb', { decorative: true })}
<span class="movie-result-body">
<span class="movie-result-title">${movie.title}</span>
${original ? html`<span class="movie-result-original">${original}</span>` : ''}
<span class="movie-result-year">${year ?? page.t('movies.release.unknown')}</span>
</span>
</a>
${rateLink(page, movie.id, movie.title)}`
}

function pagination(page: PageContext, query: string, current: number, total: number): Html | '' {
  if (total <= 1) return ''
  const { t } = page
  const href = (n: number) => `/movies/search?q=${encodeURIComponent(query)}&page=${n}`
  const link = (n: number, label: string, rel: string) =>
    html`<li class="page-item"><a class="page-link" href="${href(n)}" rel="${rel}">${label}</a></li>`
  return html`<nav aria-label="${t('movies.search.pages')}">
<ul class="pagination justify-content-center">
${current > 1 ? link(current - 1, t('movies.search.previous'), 'prev') : ''}
<li class="page-item active" aria-current="page"><span class="page-link">${current} / ${total}</span></li>
${current < total ? link(current + 1, t('movies.search.next'), 'next') : ''}
</ul>
</nav>`
}
