import { titleIn } from '../movies/movie.js'
import { posterView } from '../movies/views.js'
import { formatDay } from '../ratings/dates.js'
import { scoreBadge } from '../ratings/stars.js'
import { type Html, html } from '../views/html.js'
import { icons } from '../views/icons.js'
import type { PageContext } from '../views/page.js'
import type { FeedItem } from './repository.js'
import type { FeedPage } from './service.js'

/** The home feed: the latest ratings by the people one follows, or an invitation. */
export function feedView(page: PageContext, feed: FeedPage, isContinued: boolean): Html {
  const { t } = page
  if (feed.items.length === 0) return isContinued ? endOfFeed(page) : emptyFeed(page)
  const next = feed.nextCursor ? `/?cursor=${encodeURIComponent(feed.nextCursor)}` : null
  return html`<section aria-labelledby="feed-heading" class="feed">
<h2 class="h5 fw-semibold mb-3" id="feed-heading">${t('feed.title')}</h2>
<ol class="feed-list" role="list">${feed.items.map((item) => feedEntry(page, item))}</ol>
${next ? html`<nav class="text-center my-4" aria-label="${t('feed.more')}"><a class="btn btn-outline-primary px-4" href="${next}" rel="next">${t('feed.more')}</a></nav>` : ''}
</section>`
}

function feedEntry(page: PageContext, item: FeedItem): Html {
  const { locale } = page
  const title = titleIn(item.movie, locale)
  const year = item.movie.releaseDate?.slice(0, 4)
  return html`<li class="feed-entry">
<a class="feed-poster" href="/movies/${item.movie.id}" tabindex="-1" aria-hidden="true">${posterView(item.movie, page, 'thumb', { decorative: true })}</a>
<div class="feed-body">
<p class="feed-who mb-1"><a href="/users/${item.user.handle}">${item.user.displayName}</a> <span class="text-body-secondary">@${item.user.handle}</span></p>
<h3 class="feed-title"><a href="/movies/${item.movie.id}">${title}</a>${year ? html` <span class="text-body-secondary fw-normal">(${year})</span>` : ''}</h3>
${scoreBadge(page, item.score)}
<p class="feed-when small text-body-secondary mb-0"><time datetime="${new Date(item.createdAt).toISOString()}">${formatDay(item.createdAt, locale)}</time></p>
</div>
</li>`
}

function emptyFeed(page: PageContext): Html {
  const { t } = page
  return html`<section class="feed-empty card card-body text-center py-5" aria-labelledby="feed-empty">
<span class="feature-icon mx-auto mb-3">${icons.users}</span>
<h2 class="h5 fw-semibold" id="feed-empty">${t('feed.empty.title')}</h2>
<p class="text-body-secondary mx-auto mb-4 feed-empty-text">${t('feed.empty.body')}</p>
<div><a class="btn btn-primary" href="/users">${t('feed.empty.action')}</a></div>
</section>`
}

function endOfFeed(page: PageContext): Html {
  return html`<p class="text-body-secondary text-center py-4">${page.t('feed.end')}</p>`
}
