import { type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import type { PersonRow } from './repository.js'

export interface FollowState {
  handle: string
  displayName: string
  isFollowing: boolean
}

/**
 * Follow or unfollow, as a form that works without JavaScript (it posts and comes
 * back); the client script sends it through the API instead and flips it in place.
 * A visitor gets a link to log in and come back. Nothing for one's own entry.
 */
export function followButton(page: PageContext, person: FollowState, size = 'btn-sm'): Html | '' {
  const { t, user } = page
  if (user && user.handle.toLowerCase() === person.handle.toLowerCase()) return ''
  const name = person.displayName
  if (!user) {
    const next = encodeURIComponent(`/users/${person.handle}`)
    return html`<a class="btn ${size} btn-primary" href="/login?next=${next}" aria-label="${t('people.follow.label', { name })}">${t('people.follow')}</a>`
  }
  const action = person.isFollowing ? 'unfollow' : 'follow'
  return html`<form method="post" action="/users/${person.handle}/${action}" class="d-inline" data-follow="${person.handle}" data-following="${person.isFollowing ? 'true' : 'false'}">
<input type="hidden" name="next" value="${page.path}">
<button type="submit" class="btn ${size} ${person.isFollowing ? 'btn-outline-secondary' : 'btn-primary'} follow-button" aria-label="${t(person.isFollowing ? 'people.unfollow.label' : 'people.follow.label', { name })}" data-label-follow="${t('people.follow')}" data-label-unfollow="${t('people.unfollow')}" data-aria-follow="${t('people.follow.label', { name })}" data-aria-unfollow="${t('people.unfollow.label', { name })}">${t(person.isFollowing ? 'people.unfollow' : 'people.follow')}</button>
</form>`
}

/** One person in a list: name, handle, counts and the follow button. */
export function personItem(page: PageContext, person: PersonRow, isFollowing: boolean): Html {
  const { t } = page
  return html`<li class="list-group-item d-flex align-items-center gap-3 py-3">
<span class="avatar" aria-hidden="true">${initial(person.displayName)}</span>
<div class="flex-grow-1 min-w-0">
<a class="fw-semibold d-block text-truncate" href="/users/${person.handle}">${person.displayName}</a>
<span class="text-body-secondary small">@${person.handle} · ${t('people.filmCount', { count: person.ratingCount })} · ${t('people.followerCount', { count: person.followerCount })}</span>
</div>
${followButton(page, { handle: person.handle, displayName: person.displayName, isFollowing })}
</li>`
}

/** The first character of a name, for the round avatar. */
export function initial(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?'
}

export function personList(
  page: PageContext,
  people: PersonRow[],
  followed: Set<string>,
  empty: string,
): Html {
  if (people.length === 0) return html`<p class="text-body-secondary py-4">${empty}</p>`
  return html`<ul class="list-group list-group-flush border-top border-bottom">${people.map((person) => personItem(page, person, followed.has(person.id)))}</ul>`
}

/** The link to the next page, as a plain link that works without JavaScript. */
export function moreLink(label: string, href: string | null): Html | '' {
  if (!href) return ''
  return html`<div class="text-center my-4"><a class="btn btn-outline-secondary" href="${href}" rel="next">${label}</a></div>`
}

export function searchPeopleView(
  page: PageContext,
  query: string,
  people: PersonRow[],
  followed: Set<string>,
  nextHref: string | null,
): Html {
  const { t } = page
  const heading = query ? t('people.search.results', { query }) : t('people.title')
  const empty = query ? t('people.search.none', { query }) : t('people.empty')
  return html`<div class="mx-auto col-lg-8">
<h1 class="h3 mb-1">${t('people.title')}</h1>
<p class="text-body-secondary">${t('people.intro')}</p>
<form method="get" action="/users" role="search" class="d-flex gap-2 mb-4">
<label class="visually-hidden" for="people-q">${t('people.search.label')}</label>
<input class="form-control" type="search" id="people-q" name="q" value="${query}" placeholder="${t('people.search.placeholder')}" maxlength="100" autocomplete="off">
<button class="btn btn-primary flex-shrink-0" type="submit">${t('people.search.submit')}</button>
</form>
${query ? html`<h2 class="h6 text-body-secondary mb-2">${heading}</h2>` : ''}
${personList(page, people, followed, empty)}
${moreLink(t('people.more'), nextHref)}
</div>`
}

export function followListView(
  page: PageContext,
  direction: 'following' | 'followers',
  person: PersonRow,
  people: PersonRow[],
  followed: Set<string>,
  nextHref: string | null,
): Html {
  const { t } = page
  const name = person.displayName
  const title = t(direction === 'following' ? 'people.following.title' : 'people.followers.title', {
    name,
  })
  const empty = t(direction === 'following' ? 'people.following.empty' : 'people.followers.empty', {
    name,
  })
  const tab = (which: 'following' | 'followers', label: string) =>
    html`<li class="nav-item"><a class="nav-link${which === direction ? ' active' : ''}" href="/users/${person.handle}/${which}"${which === direction ? html` aria-current="page"` : ''}>${label}</a></li>`
  return html`<div class="mx-auto col-lg-8">
<p class="mb-2"><a href="/users/${person.handle}">← ${t('people.backToProfile', { name })}</a></p>
<h1 class="h3 mb-3">${title}</h1>
<ul class="nav nav-underline mb-3">
${tab('following', t('people.followingCount', { count: person.followingCount }))}
${tab('followers', t('people.followerCount', { count: person.followerCount }))}
</ul>
${personList(page, people, followed, empty)}
${moreLink(t('people.more'), nextHref)}
</div>`
}
