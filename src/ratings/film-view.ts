import { type StoredMovie, titleIn } from '../movies/movie.js'
import { followButton, initial } from '../people/views.js'
import { successNotice } from '../views/forms.js'
import { type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { formatDay } from './dates.js'
import type { RaterRating, RatingRecord } from './repository.js'
import type { ListPage, MovieStatsView } from './service.js'
import { scoreBadge, starBar } from './stars.js'
import { deleteForm, ratingForm, scoreControl } from './views.js'

export interface FilmRatingsData {
  movie: StoredMovie
  stats: MovieStatsView
  mine: RatingRecord | null
  raters: ListPage<RaterRating>
  /** The viewer's followees' ratings of the film, shown first. */
  followed: RaterRating[]
  /** Which raters on this page the viewer follows, for their follow buttons. */
  following: Set<string>
  notice?: string
}

/** The film page's rating area, in the slot the film page leaves for it. */
export function filmRatingsView(page: PageContext, data: FilmRatingsData): Html {
  return html`<div class="rating-slot" id="your-rating">
${successNotice(data.notice)}
${statsView(page, data.stats)}
${ownRatingView(page, data)}
${followedView(page, data)}
${ratersView(page, data)}
</div>`
}

function statsView(page: PageContext, stats: MovieStatsView): Html {
  const { t } = page
  if (stats.average === null) {
    return html`<p class="text-body-secondary mb-4">${t('ratings.film.none')}</p>`
  }
  const average = stats.average.toFixed(1)
  const count =
    stats.count === 1 ? t('ratings.film.countOne') : t('ratings.film.count', { count: stats.count })
  return html`<div class="film-stats mb-4">
<div class="film-stats-average"><span class="film-stats-label">${t('ratings.film.average')}</span>
<span class="film-stats-value">${average}<span class="score-max">/100</span></span></div>
<div class="film-stats-detail">${starBar(stats.average, t('ratings.score.alt', { score: average }))}<span class="text-body-secondary">${count}</span></div>
</div>`
}

function ownRatingView(page: PageContext, data: FilmRatingsData): Html {
  const { t, user, locale } = page
  if (!user) {
    const login = `/login?next=${encodeURIComponent(`/movies/${data.movie.id}`)}`
    return html`<div class="own-rating mb-4"><a class="btn btn-primary" href="${login}">${t('ratings.film.loginToRate')}</a></div>`
  }
  const { mine } = data
  if (!mine) {
    return html`<div class="own-rating card card-body mb-4">${ratingForm(page, data.movie.id)}</div>`
  }
  const title = titleIn(data.movie, locale)
  const next = `/movies/${data.movie.id}`
  return html`<div class="own-rating card card-body mb-4">
<div class="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-2">
<h3 class="h6 mb-0">${t('ratings.film.yours')}</h3>
<span class="small text-body-secondary">${t('ratings.edit.ratedOn', { date: formatDay(mine.createdAt, locale) })}</span>
</div>
${scoreBadge(page, mine.score, 'lg')}
<details class="own-rating-change mt-3">
<summary class="btn btn-outline-primary btn-sm">${t('ratings.film.change')}</summary>
<form method="post" action="/ratings/${mine.id}" class="mt-3" novalidate>
${scoreControl(page, { value: mine.score, id: 'rescore' })}
<button type="submit" class="btn btn-primary">${t('ratings.edit.save')}</button>
</form>
</details>
<div class="mt-2">${deleteForm(page, mine.id, title, { buttonClass: 'btn btn-link link-danger px-0 btn-sm', next })}</div>
</div>`
}

function followedView(page: PageContext, data: FilmRatingsData): Html | '' {
  if (data.followed.length === 0) return ''
  return html`<section class="film-raters mb-4" aria-labelledby="followed-heading">
<h3 class="h6" id="followed-heading">${page.t('ratings.film.followed')}</h3>
<ol class="rater-list list-unstyled mb-0">${data.followed.map((rating) => raterItem(page, rating, null))}</ol>
</section>`
}

function ratersView(page: PageContext, data: FilmRatingsData): Html | '' {
  const { t } = page
  const { items, nextCursor } = data.raters
  if (items.length === 0) return ''
  const more = nextCursor
    ? html`<a class="btn btn-outline-secondary btn-sm mt-3" rel="next" href="/movies/${data.movie.id}?after=${nextCursor}#raters">${t('ratings.film.more')}</a>`
    : ''
  return html`<section class="film-raters" id="raters" aria-labelledby="raters-heading">
<h3 class="h6" id="raters-heading">${t('ratings.film.raters')}</h3>
<ol class="rater-list list-unstyled mb-0">
${items.map((rating) => raterItem(page, rating, data.following.has(rating.userId)))}
</ol>
${more}
</section>`
}

/** One rater: who, when, the score, and (in the full list) a follow button. */
function raterItem(page: PageContext, rating: RaterRating, isFollowing: boolean | null): Html {
  const { user } = rating
  const follow =
    isFollowing === null
      ? ''
      : followButton(page, { handle: user.handle, displayName: user.displayName, isFollowing })
  return html`<li class="rater">
<span class="avatar" aria-hidden="true">${initial(user.displayName)}</span>
<span class="rater-who"><a class="rater-name fw-semibold" href="/users/${user.handle}">${user.displayName}</a>
<span class="small text-body-secondary">@${user.handle} · ${formatDay(rating.createdAt, page.locale)}</span></span>
${scoreBadge(page, rating.score, 'sm')}
${follow ? html`<span class="rater-follow">${follow}</span>` : ''}
</li>`
}
