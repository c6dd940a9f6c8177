// Rendering cost of a person's list page: 48 real cards, grouped, in the shared layout.
// Run with `npm run bench:render`; it should stay well under a millisecond a page.
import { bench, describe } from 'vitest'
import { translator } from '../i18n/translate.js'
import type { PersonRow } from '../people/repository.js'
import { layout } from '../views/layout.js'
import type { PageContext } from '../views/page.js'
import { ratingListView } from './list-view.js'
import type { ListedRating } from './repository.js'

const page: PageContext = {
  t: translator('ja'),
  locale: 'ja',
  user: { id: 'u1', handle: 'carol', displayName: 'Carol', locale: 'ja' },
  path: '/users/yamada_films?sort=score',
  assets: { 'app.js': '/assets/app-abc.js', 'styles.css': '/assets/styles-abc.css' },
  catalog: { source: 'tmdb', posterBase: 'https://image.tmdb.org/t/p' },
}

const owner: PersonRow = {
  id: 'u2',
  handle: 'yamada_films',
  displayName: '山田 <映画> 日記',
  profileUrl: 'https://example.com/?a=1&b=2',
  birthdate: '1988-06-15',
  showAge: true,
  ratingCount: 1234,
  followingCount: 12,
  followerCount: 345,
  lastActiveAt: 0,
}

const items: ListedRating[] = Array.from({ length: 48 }, (_, i) => ({
  id: `rating${i}`,
  userId: 'u2',
  movieId: `tmdb-${1000 + i}`,
  score: 100 - i,
  releaseKey: `19${50 + i}-04-0${1 + (i % 9)}`,
  createdAt: 1_700_000_000_000 + i * 86_400_000,
  updatedAt: 1_700_000_000_000 + i * 86_400_000,
  movie: {
    id: `tmdb-${1000 + i}`,
    titles: { ja: `映画 <${i}> の物語`, en: `Film "${i}"` },
    originalTitle: `Film ${i}`,
    releaseDate: `19${50 + i}-04-0${1 + (i % 9)}`,
    posterPath: i % 4 === 0 ? null : `/poster${i}.jpg`,
    overviews: { ja: null, en: null },
    fetchedAt: 0,
  },
}))

describe('list page rendering', () => {
  bench("48 cards, registered sort, a visitor's view", () => {
    const body = ratingListView(page, {
      owner,
      isOwner: false,
      isFollowing: false,
      sort: 'registered',
      order: 'desc',
      items,
      nextHref: '/users/yamada_films?cursor=abc',
      isContinued: false,
      today: '2026-01-01',
    })
    String(layout(page, { title: 'List' }, body))
  })

  for (const sort of ['registered', 'score', 'release'] as const) {
    bench(`48 cards, ${sort} sort, owner's view`, () => {
      const body = ratingListView(
        { ...page, user: { ...page.user, id: 'u2' } as PageContext['user'] },
        {
          owner,
          isOwner: true,
          isFollowing: false,
          sort,
          order: 'desc',
          items,
          nextHref: '/users/yamada_films?cursor=abc',
          isContinued: false,
          today: '2026-01-01',
        },
      )
      String(layout(page, { title: 'List' }, body))
    })
  }
})
