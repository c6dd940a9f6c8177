import type { FormFailure } from '../http/forms.js'
import type { StoredMovie } from '../movies/movie.js'
import { titleIn } from '../movies/movie.js'
import { posterView } from '../movies/views.js'
import { errorSummary, successNotice } from '../views/forms.js'
import { type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { formatDate, formatDay } from './dates.js'
import type { OwnedRating } from './service.js'
import { starBar } from './stars.js'
import { messageTemplate } from './templates.js'

export interface ScoreControlOptions {
  /** The score to start from; none for a film not rated yet. */
  value?: number | null
  /** What was typed, shown again after a failed submission. */
  typed?: string
  error?: string
  id?: string
}

/**
 * The score input: a number field that works everywhere, and, with JavaScript, a
 * slider beside it for the thumb and the five stars following both.
 */
export function scoreControl(page: PageContext, options: ScoreControlOptions = {}): Html {
  const { t } = page
  const id = options.id ?? 'score'
  const value = options.value ?? null
  const typed = options.typed ?? (value === null ? '' : String(value))
  const shown = /^\d{1,3}$/.test(typed) && Number(typed) <= 100 ? Number(typed) : null
  const describedBy = options.error ? `${id}-error ${id}-hint` : `${id}-hint`
  return html`<div class="score-control mb-3${shown === null ? ' is-unset' : ''}" data-score-control>
<label class="form-label fw-semibold" for="${id}">${t('ratings.score.label')}</label>
<div class="score-control-row">
<input class="form-range score-slider" type="range" min="0" max="100" step="1" value="${shown ?? 50}" aria-label="${t('ratings.score.slider')}" data-score-slider>
<input class="form-control score-number${options.error ? ' is-invalid' : ''}" id="${id}" name="score" type="number" min="0" max="100" step="1" inputmode="numeric" required value="${typed}" aria-describedby="${describedBy}"${options.error ? html` aria-invalid="true"` : ''} data-score-number>
</div>
${options.error ? html`<div class="invalid-feedback d-block" id="${id}-error">${options.error}</div>` : ''}
<div class="score-preview" aria-hidden="true">${starBar(shown ?? 0)}<span class="score-value"><span data-score-text>${shown ?? '–'}</span><span class="score-max">/100</span></span></div>
<div class="form-text" id="${id}-hint">${t('ratings.score.hint')}</div>
</div>`
}

/**
 * The head of a rating page: the film's poster and title (the page's heading) under
 * what is being done, e.g. "Rate this film".
 */
export function filmHeading(
  page: PageContext,
  movie: StoredMovie,
  kicker: string,
  extra: Html | string = '',
) {
  const { t, locale } = page
  const released = movie.releaseDate
    ? formatDate(movie.releaseDate, locale)
    : t('movies.release.unknown')
  return html`<div class="film-summary d-flex gap-3 align-items-center mb-4">
<a class="film-summary-poster flex-shrink-0" href="/movies/${movie.id}" tabindex="-1" aria-hidden="true">${posterView(movie, page, 'thumb', { decorative: true })}</a>
<div class="min-w-0">
<p class="film-summary-kicker mb-1">${kicker}</p>
<h1 class="h4 fw-bold mb-1 text-break"><a class="link-body-emphasis" href="/movies/${movie.id}">${titleIn(movie, locale)}</a></h1>
<p class="text-body-secondary small mb-0">${released}</p>
${extra}
</div>
</div>`
}

export interface NewRatingState {
  failure?: FormFailure
  typed?: string
}

/** Rating a film not rated yet: from the search results, or a film page's form sent wrong. */
export function newRatingView(page: PageContext, movie: StoredMovie, state: NewRatingState = {}) {
  const { t } = page
  return html`<div class="form-narrow mx-auto">
${filmHeading(page, movie, t('ratings.film.rate'))}
${errorSummary(state.failure?.summary)}
${ratingForm(page, movie.id, state)}
</div>`
}

/** The form that rates a film; it lives on the film page too. */
export function ratingForm(page: PageContext, movieId: string, state: NewRatingState = {}) {
  const { t } = page
  return html`<form method="post" action="/ratings" class="rating-form" novalidate>
<input type="hidden" name="movieId" value="${movieId}">
${scoreControl(page, { typed: state.typed, error: state.failure?.fields.score ?? state.failure?.fields.movieId })}
<button type="submit" class="btn btn-primary px-4">${t('ratings.new.submit')}</button>
</form>`
}

export interface EditState {
  failure?: FormFailure
  typed?: string
  notice?: string
  /** Asking to confirm a deletion sent without JavaScript's confirmation. */
  isConfirmingDelete?: boolean
  /** Where to go after saving or deleting. */
  next?: string
}

export function editRatingView(page: PageContext, rating: OwnedRating, state: EditState = {}) {
  const { t, locale } = page
  const ratedOn = html`<p class="text-body-secondary small mb-0">${t('ratings.edit.ratedOn', { date: formatDay(rating.createdAt, locale) })}</p>`
  return html`<div class="form-narrow mx-auto">
${successNotice(state.notice)}
${filmHeading(page, rating.movie, t('ratings.edit.title'), ratedOn)}
${state.isConfirmingDelete ? deleteConfirmation(page, rating, state.next) : ''}
${errorSummary(state.failure?.summary)}
<form method="post" action="/ratings/${rating.id}" novalidate>
${nextField(state.next)}
${scoreControl(page, { value: rating.score, typed: state.typed, error: state.failure?.fields.score })}
<div class="d-flex flex-wrap gap-2 align-items-center">
<button type="submit" class="btn btn-primary px-4">${t('ratings.edit.save')}</button>
<a class="btn btn-link" href="/movies/${rating.movie.id}">${t('ratings.edit.back')}</a>
</div>
</form>
${state.isConfirmingDelete ? '' : deleteSection(page, rating, state.next)}
</div>`
}

function deleteSection(page: PageContext, rating: OwnedRating, next?: string) {
  const { t } = page
  return html`<section class="form-section card card-body border-danger-subtle" aria-labelledby="delete-rating">
<h2 class="h6 mb-2 text-danger-emphasis" id="delete-rating">${t('ratings.delete.title')}</h2>
<p class="small text-body-secondary">${t('ratings.delete.warning')}</p>
${deleteForm(page, rating.id, titleIn(rating.movie, page.locale), { buttonClass: 'btn btn-outline-danger', next })}
</section>`
}

/** Shown when a deletion came without the script's confirmation (no JavaScript). */
function deleteConfirmation(page: PageContext, rating: OwnedRating, next?: string) {
  const { t } = page
  const title = titleIn(rating.movie, page.locale)
  return html`<div class="alert alert-warning" role="alert">
<p class="fw-semibold">${t('ratings.delete.ask', { title })}</p>
<p class="small">${t('ratings.delete.warning')}</p>
<form method="post" action="/ratings/${rating.id}/delete" class="d-flex flex-wrap gap-2">
${nextField(next)}
<input type="hidden" name="confirmed" value="yes">
<button type="submit" class="btn btn-danger">${t('ratings.delete.submit')}</button>
<a class="btn btn-outline-secondary" href="/ratings/${rating.id}/edit">${t('ratings.delete.keep')}</a>
</form>
</div>`
}

export interface DeleteFormOptions {
  buttonClass: string
  next?: string
  /** A short "Delete" whose accessible name still says which film. */
  isCompact?: boolean
}

/**
 * A delete button that asks first: the client script's dialog, or, without
 * JavaScript, a confirmation page (the server sees no `confirmed` and asks).
 */
export function deleteForm(
  page: PageContext,
  ratingId: string,
  title: string,
  options: DeleteFormOptions,
) {
  const { t } = page
  const label = options.isCompact
    ? html`${t('ratings.card.delete')}<span class="visually-hidden"> (${title})</span>`
    : t('ratings.delete.submit')
  const confirm = messageTemplate(t, 'ratings.delete.confirm', 'title')(title)
  return html`<form method="post" action="/ratings/${ratingId}/delete" data-confirm="${confirm}" class="d-inline">
${nextField(options.next)}
<input type="hidden" name="confirmed" value="">
<button type="submit" class="${options.buttonClass}">${label}</button>
</form>`
}

const nextField = (next?: string) =>
  next ? html`<input type="hidden" name="next" value="${next}">` : ''

/** "Rate" beside a search result: straight to the score, or to one's rating if it exists. */
export function rateLink(page: PageContext, movieId: string, title: string): Html {
  const { t } = page
  return html`<a class="btn btn-sm btn-outline-primary movie-result-rate" href="/ratings/new?movieId=${encodeURIComponent(movieId)}">${t('ratings.search.rate')}<span class="visually-hidden"> (${title})</span></a>`
}
