import type { Context } from 'hono'
import type { AppEnv } from '../http/context.js'
import type { StoredMovie } from '../movies/movie.js'
import type { PeopleService } from '../people/service.js'
import type { PageContext } from '../views/page.js'
import { filmRatingsView } from './film-view.js'
import { presentOwnRating } from './present.js'
import type { RatingService } from './service.js'

// What the ratings feature adds to a film: its page's rating area and the ratings part
// of `GET /api/v1/movies/{id}`. The films feature calls these through its seams.

/** `stats` and `myRating` for a film's page data. */
export function movieRatingsLoader(ratings: RatingService) {
  return async (movie: StoredMovie, callerId: string | null) => {
    const [stats, mine] = await Promise.all([
      ratings.statsOf(movie.id),
      callerId ? ratings.findMine(callerId, movie.id) : undefined,
    ])
    return { stats, myRating: mine ? presentOwnRating(mine) : null }
  }
}

/** The rating area of a film's page: average and count, one's own rating, everyone's. */
export function ratingSlot(ratings: RatingService, people: PeopleService) {
  return async (c: Context<AppEnv>, movie: StoredMovie, page: PageContext) => {
    const user = c.get('user')
    const [stats, mine, raters, followed] = await Promise.all([
      ratings.statsOf(movie.id),
      user ? ratings.findMine(user.id, movie.id) : undefined,
      ratings.ratersOf(movie, c.req.query('after') || undefined),
      user ? ratings.followedRatersOf(movie, user.id) : [],
    ])
    const raterIds = raters.items.map((rating) => rating.userId)
    const following = user ? await people.followedAmong(user.id, raterIds) : new Set<string>()
    const t = page.t
    const done = c.req.query('done')
    const notice =
      c.req.query('rated') === '1' && mine
        ? t('ratings.film.rated', { score: mine.score })
        : done === 'deleted'
          ? t('ratings.delete.done')
          : undefined
    return filmRatingsView(page, {
      movie,
      stats,
      mine: mine ?? null,
      raters,
      followed,
      following,
      notice,
    })
  }
}
