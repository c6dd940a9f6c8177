import { ageOn } from '../accounts/age.js'
import { Memo } from '../domain/memo.js'
import type { Locale } from '../i18n/locale.js'
import type { Translate } from '../i18n/translate.js'
import { titleIn } from '../movies/movie.js'
import { posterView } from '../movies/views.js'
import type { PersonRow } from '../people/repository.js'
import { followButton, initial } from '../people/views.js'
import { successNotice } from '../views/forms.js'
import { flat, type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { dayNumber, formatDate, formatDay } from './dates.js'
import { decadeOf, earliestDecade, groupRuns, scoreBand } from './groups.js'
import type { CardMovie, CardRating } from './repository.js'
import { defaultOrder, defaultSort, type RatingSort, type SortOrder } from './sorts.js'
import { scoreBadge } from './stars.js'
import { messageTemplate } from './templates.js'
import { deleteForm } from './views.js'

export interface ListViewData {
  owner: PersonRow
  isOwner: boolean
  isFollowing: boolean
  sort: RatingSort
  order: SortOrder
  items: CardRating[]
  /** The next page, or null on the last one. */
  nextHref: string | null
  /** Whether this is a later page (reached through a cursor). */
  isContinued: boolean
  notice?: string
  today: string
}

/** A person's films: who they are, the sort controls, and the cards, grouped. */
export function ratingListView(page: PageContext, data: ListViewData): Html {
  return html`${successNotice(data.notice)}
${profileHeader(page, data)}
${data.owner.ratingCount > 0 ? sortControls(page, data) : ''}
${data.items.length > 0 ? groupedCards(page, data) : emptyList(page, data)}
${moreLink(page, data)}`
}

function profileHeader(page: PageContext, data: ListViewData): Html {
  const { t } = page
  const { owner } = data
  const age = owner.showAge && owner.birthdate ? ageOn(owner.birthdate, data.today) : null
  const stat = (count: number, label: string, href?: string) => {
    const body = html`<span class="profile-stat-value">${count.toLocaleString('en-US')}</span><span class="profile-stat-label">${label}</span>`
    return href
      ? html`<a class="profile-stat" href="${href}">${body}</a>`
      : html`<span class="profile-stat">${body}</span>`
  }
  const base = `/users/${owner.handle}`
  return html`<header class="profile-header">
<span class="avatar avatar-lg" aria-hidden="true">${initial(owner.displayName)}</span>
<div class="profile-header-text">
<h1 class="h3 mb-0 text-break">${owner.displayName}</h1>
<p class="profile-meta mb-0"><span>@${owner.handle}</span>${age === null ? '' : html`<span>${t('ratings.list.age', { age })}</span>`}${owner.profileUrl ? html`<a class="text-truncate" href="${owner.profileUrl}" rel="nofollow ugc noopener">${shortUrl(owner.profileUrl)}</a>` : ''}</p>
</div>
<div class="profile-stats">
${stat(owner.ratingCount, t('ratings.list.statFilms'))}
${stat(owner.followingCount, t('ratings.list.statFollowing'), `${base}/following`)}
${stat(owner.followerCount, t('ratings.list.statFollowers'), `${base}/followers`)}
</div>
<div class="profile-actions">${followButton(page, { handle: owner.handle, displayName: owner.displayName, isFollowing: data.isFollowing })}</div>
</header>`
}

/** `https://example.com/me/` as `example.com/me`. */
function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

const orderLabels: Record<
  RatingSort,
  Record<
    SortOrder,
    | 'ratings.order.newest'
    | 'ratings.order.oldest'
    | 'ratings.order.highest'
    | 'ratings.order.lowest'
  >
> = {
  registered: { desc: 'ratings.order.newest', asc: 'ratings.order.oldest' },
  score: { desc: 'ratings.order.highest', asc: 'ratings.order.lowest' },
  release: { desc: 'ratings.order.newest', asc: 'ratings.order.oldest' },
}

const sortLabels = {
  registered: 'ratings.sort.registered',
  score: 'ratings.sort.score',
  release: 'ratings.sort.release',
} as const

/** The list's address for a sort and order, leaving the defaults out. */
export function listHref(handle: string, sort: RatingSort, order: SortOrder, cursor?: string) {
  const query = new URLSearchParams()
  if (sort !== defaultSort) query.set('sort', sort)
  if (order !== defaultOrder) query.set('order', order)
  if (cursor) query.set('cursor', cursor)
  const search = query.toString()
  return `/users/${handle}${search ? `?${search}` : ''}`
}

function sortControls(page: PageContext, data: ListViewData): Html {
  const { t } = page
  const handle = data.owner.handle
  const option = (href: string, label: string, isCurrent: boolean) =>
    html`<a class="btn btn-outline-secondary${isCurrent ? ' active' : ''}" href="${href}"${isCurrent ? html` aria-current="true"` : ''}>${label}</a>`
  const sorts = (['registered', 'score', 'release'] as const).map((sort) =>
    option(listHref(handle, sort, defaultOrder), t(sortLabels[sort]), sort === data.sort),
  )
  const orders = (['desc', 'asc'] as const).map((order) =>
    option(
      listHref(handle, data.sort, order),
      t(orderLabels[data.sort][order]),
      order === data.order,
    ),
  )
  return html`<div class="list-toolbar">
<nav class="list-toolbar-group" aria-label="${t('ratings.list.sort')}"><span class="list-toolbar-label" aria-hidden="true">${t('ratings.list.sort')}</span><div class="btn-group btn-group-sm">${sorts}</div></nav>
<nav class="list-toolbar-group" aria-label="${t('ratings.list.order')}"><span class="list-toolbar-label" aria-hidden="true">${t('ratings.list.order')}</span><div class="btn-group btn-group-sm">${orders}</div></nav>
</div>`
}

/** Score and release sorts read as sections under headings; the registration sort is flat. */
function groupedCards(page: PageContext, data: ListViewData): Html {
  const { t } = page
  const next = page.path
  if (data.sort === 'registered') {
    return html`<section aria-labelledby="films-heading" class="rating-group">
<h2 class="visually-hidden" id="films-heading">${t('ratings.list.statFilms')}</h2>
${cardList(page, data.items, data.isOwner, next)}
</section>`
  }
  const groups = groupRuns(data.items, (rating) => groupKey(data.sort, rating))
  return html`${groups.map((group, index) => {
    const id = `group-${index}`
    return html`<section aria-labelledby="${id}" class="rating-group" data-group="${group.key}">
<h2 class="rating-group-heading" id="${id}">${groupHeading(page, data.sort, group.key)}</h2>
${cardList(page, group.items, data.isOwner, next)}
</section>`
  })}`
}

function groupKey(sort: RatingSort, rating: CardRating): string {
  if (sort === 'score') return String(scoreBand(rating.score).from)
  const decade = decadeOf(rating.releaseKey)
  return decade.kind === 'undated' ? 'undated' : String(decade.decade)
}

function groupHeading(page: PageContext, sort: RatingSort, key: string): string {
  const { t } = page
  if (sort === 'score') return t('ratings.group.score', { ...scoreBand(Number(key)) })
  if (key === 'undated') return t('ratings.group.undated')
  const decade = Number(key)
  return decade === earliestDecade
    ? t('ratings.group.early', { decade })
    : t('ratings.group.decade', { decade })
}

function cardList(page: PageContext, items: CardRating[], isOwner: boolean, next: string) {
  return html`<ol class="rating-grid" role="list">${items.map((rating) => ratingCard(page, rating, isOwner, next))}</ol>`
}

/** One film in a list: poster, title, dates, stars and score; edit and delete for its owner. */
export function ratingCard(page: PageContext, rating: CardRating, isOwner: boolean, next: string) {
  const film = filmPart(page, rating.movie)
  return html`${film.opening}<span>${addedOn(page, rating.createdAt)}</span></p>
${scoreBadge(page, rating.score)}
${isOwner ? ownerActions(page, rating, film.title, next) : ''}
</div>
</li>`
}

interface FilmPart {
  /** What the markup was made from. */
  movie: CardMovie
  posterBase: string
  title: string
  /** The card up to its registration date: poster, title and release date. */
  opening: Html
}

/**
 * The part of a card that shows its film, made once per language and film and kept
 * while the film's stored details stay the same. Lists show the same films again and
 * again, and the poster and title were most of a card's work. It is kept as one flat
 * string: a page made of many small pieces took longer to be copied out than to be
 * made.
 */
function filmPart(page: PageContext, movie: CardMovie): FilmPart {
  const { t, locale } = page
  const kept = filmParts[locale].get(movie.id)
  const { posterBase } = page.catalog
  if (kept && kept.posterBase === posterBase && isSameFilm(kept.movie, movie)) return kept
  const title = titleIn(movie, locale)
  const released = movie.releaseDate
    ? messageTemplate(t, 'ratings.list.released', 'date')(formatDate(movie.releaseDate, locale))
    : t('movies.release.unknown')
  const opening = html`<li class="rating-card">
<div class="rating-card-poster">${posterView(movie, page, 'card', { decorative: true })}</div>
<div class="rating-card-body">
<h3 class="rating-card-title"><a class="stretched-link" href="/movies/${movie.id}">${title}</a></h3>
<p class="rating-card-dates"><span>${released}</span>`
  return filmParts[locale].set(movie.id, { movie, posterBase, title, opening: flat(opening) })
}

const filmParts: Record<Locale, Memo<string, FilmPart>> = {
  ja: new Memo(10_000),
  en: new Memo(10_000),
}

function isSameFilm(a: CardMovie, b: CardMovie): boolean {
  return (
    a.titles.ja === b.titles.ja &&
    a.titles.en === b.titles.en &&
    a.originalTitle === b.originalTitle &&
    a.releaseDate === b.releaseDate &&
    a.posterPath === b.posterPath
  )
}

/** "Registered on <day>", once per language and day. */
function addedOn(page: PageContext, createdAt: number): string {
  let days = addedByLanguage.get(page.t)
  if (!days) {
    days = new Memo(10_000)
    addedByLanguage.set(page.t, days)
  }
  const fill = messageTemplate(page.t, 'ratings.list.added', 'date')
  return days.of(dayNumber(createdAt), () => flat(fill(formatDay(createdAt, page.locale))))
}

const addedByLanguage = new WeakMap<Translate, Memo<number, string>>()

function ownerActions(page: PageContext, rating: CardRating, title: string, next: string) {
  const { t } = page
  const editHref = `/ratings/${rating.id}/edit?next=${encodeURIComponent(next)}`
  return html`<div class="rating-card-actions">
<a class="btn btn-sm btn-outline-secondary" href="${editHref}">${t('ratings.card.edit')}<span class="visually-hidden"> (${title})</span></a>
${deleteForm(page, rating.id, title, { buttonClass: 'btn btn-sm btn-outline-danger', next, isCompact: true })}
</div>`
}

function emptyList(page: PageContext, data: ListViewData): Html {
  const { t } = page
  if (data.isContinued)
    return html`<p class="text-body-secondary text-center py-4">${t('ratings.list.end')}</p>`
  const message = data.isOwner
    ? t('ratings.list.emptyOwn')
    : t('ratings.list.empty', { name: data.owner.displayName })
  return html`<div class="empty-list text-center">
<span class="empty-list-icon" aria-hidden="true">★</span>
<p class="lead mb-3">${message}</p>
${data.isOwner ? html`<a class="btn btn-primary" href="/movies/search">${t('ratings.list.findFilm')}</a>` : ''}
</div>`
}

function moreLink(page: PageContext, data: ListViewData): Html | '' {
  if (!data.nextHref) return ''
  return html`<nav class="list-more" aria-label="${page.t('ratings.list.pages')}">
<a class="btn btn-outline-primary px-4" href="${data.nextHref}" rel="next" data-list-more>${page.t('ratings.list.more')}</a>
</nav>`
}
