import { isUniqueViolation } from '../db/dialect.js'
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.js'
import type { Locale } from '../i18n/locale.js'
import type { StoredMovie } from '../movies/movie.js'
import type { PersonRow } from '../people/repository.js'
import type { PeopleService } from '../people/service.js'
import type {
  CardRating,
  ListedRating,
  RaterRating,
  RatingRecord,
  RatingRepository,
} from './repository.js'
import {
  decodeListCursor,
  decodeRatersCursor,
  encodeListCursor,
  encodeRatersCursor,
  type ListPosition,
  type RatingSort,
  type SortOrder,
} from './sorts.js'

/** What the ratings need of the films: a stored copy, fetched when missing. */
export interface MovieSource {
  ensureStored(id: string, locale: Locale): Promise<StoredMovie>
  find(id: string): Promise<StoredMovie | undefined>
}

export interface RatingServiceDeps {
  ratings: RatingRepository
  movies: MovieSource
  people: Pick<PeopleService, 'require'>
  now?: () => number
}

export interface OwnedRating extends RatingRecord {
  movie: StoredMovie
}

export interface ListPage<T> {
  items: T[]
  nextCursor: string | null
}

export interface MovieStatsView {
  /** The mean score to one decimal place, or null before anyone rated the film. */
  average: number | null
  count: number
}

export const listPageSize = 48
export const ratersPageSize = 20

/**
 * Rating films: one rating per person per film, changed or deleted only by its owner
 * (who is always the caller's session, never an id the client sends), and the lists.
 */
export class RatingService {
  private readonly now: () => number

  constructor(private readonly deps: RatingServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  /** Rates a film; a second rating of the same film is a conflict naming the first. */
  async rate(userId: string, movieId: string, score: number, locale: Locale) {
    const movie = await this.storedMovie(movieId, locale)
    const existing = await this.deps.ratings.findByUserAndMovie(userId, movie.id)
    if (existing) throw alreadyRated(existing.id)
    try {
      const record = await this.deps.ratings.insert(userId, movie, score, this.now())
      return { ...record, movie }
    } catch (error) {
      // Two requests raced to rate the same film: the other one won.
      if (!isUniqueViolation(error)) throw error
      const winner = await this.deps.ratings.findByUserAndMovie(userId, movie.id)
      throw alreadyRated(winner?.id ?? '')
    }
  }

  async rescore(userId: string, ratingId: string, score: number): Promise<OwnedRating> {
    const record = await this.deps.ratings.rescore(ratingId, userId, score, this.now())
    return { ...record, movie: await this.movieOf(record) }
  }

  async delete(userId: string, ratingId: string): Promise<OwnedRating> {
    const record = await this.deps.ratings.delete(ratingId, userId)
    return { ...record, movie: await this.movieOf(record) }
  }

  /** The caller's own rating, or the same 404 whether it is missing or someone else's. */
  async requireOwned(userId: string, ratingId: string): Promise<OwnedRating> {
    const record = await this.deps.ratings.findOwned(ratingId, userId)
    if (!record) throw new NotFoundError('ratings.notFound')
    return { ...record, movie: await this.movieOf(record) }
  }

  async findMine(userId: string, movieId: string): Promise<RatingRecord | undefined> {
    return this.deps.ratings.findByUserAndMovie(userId, movieId)
  }

  /** The caller's scores for some films, e.g. the search results on a page. */
  async scoresOf(userId: string, movieIds: readonly string[]) {
    return this.deps.ratings.scoresOf(userId, movieIds)
  }

  /** One page of a person's list; a cursor from another sort or order is a 400. */
  async listOf(
    handle: string,
    sort: RatingSort,
    order: SortOrder,
    cursor: string | undefined,
    limit = listPageSize,
  ): Promise<ListPage<ListedRating> & { owner: PersonRow }> {
    return this.pageOf(handle, sort, order, cursor, limit, (...range) =>
      this.deps.ratings.listByUser(...range),
    )
  }

  /** The same page as `listOf`, with only what its cards show (the list page). */
  async cardsOf(
    handle: string,
    sort: RatingSort,
    order: SortOrder,
    cursor: string | undefined,
    limit = listPageSize,
  ): Promise<ListPage<CardRating> & { owner: PersonRow }> {
    return this.pageOf(handle, sort, order, cursor, limit, (...range) =>
      this.deps.ratings.cardsByUser(...range),
    )
  }

  private async pageOf<Item extends CardRating>(
    handle: string,
    sort: RatingSort,
    order: SortOrder,
    cursor: string | undefined,
    limit: number,
    read: (
      userId: string,
      sort: RatingSort,
      order: SortOrder,
      after: ListPosition | null,
      limit: number,
    ) => Promise<Item[]>,
  ): Promise<ListPage<Item> & { owner: PersonRow }> {
    const after = cursor ? decodeListCursor(sort, order, cursor) : null
    const owner = await this.deps.people.require(handle)
    const rows = await read(owner.id, sort, order, after, limit + 1)
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    const nextCursor = rows.length > limit && last ? encodeListCursor(sort, order, last) : null
    return { owner, items, nextCursor }
  }

  /** One page of everyone who rated a stored film, newest first, each with the film. */
  async ratersOf(
    movie: StoredMovie,
    cursor: string | undefined,
    limit = ratersPageSize,
  ): Promise<ListPage<RaterRating & { movie: StoredMovie }>> {
    const after = cursor ? decodeRatersCursor(cursor) : null
    const rows = await this.deps.ratings.listByMovie(movie.id, after, limit + 1)
    const items = rows.slice(0, limit).map((rating) => ({ ...rating, movie }))
    const last = items.at(-1)
    return { items, nextCursor: rows.length > limit && last ? encodeRatersCursor(last) : null }
  }

  /**
   * Like `ratersOf` for a film named by id. A film not stored yet has no ratings;
   * whether it exists at all is the catalog's to say (a 404 when it does not).
   */
  async ratersOfFilm(movieId: string, locale: Locale, cursor: string | undefined, limit?: number) {
    if (cursor) decodeRatersCursor(cursor)
    const movie =
      (await this.deps.movies.find(movieId)) ??
      (await this.deps.movies.ensureStored(movieId, locale))
    return this.ratersOf(movie, cursor, limit)
  }

  /** The ratings of a film by the people someone follows, newest first, a page's worth. */
  async followedRatersOf(movie: StoredMovie, followerId: string, limit = ratersPageSize) {
    return this.deps.ratings.listByMovieFromFollowed(movie.id, followerId, limit)
  }

  /** A film's average and count, from the totals kept on its row. */
  async statsOf(movieId: string): Promise<MovieStatsView> {
    const stats = await this.deps.ratings.movieStats(movieId)
    if (!stats || stats.count === 0) return { average: null, count: 0 }
    return { average: Math.round((stats.sum / stats.count) * 10) / 10, count: stats.count }
  }

  /** The stored film, an unknown id being a mistake in the request's `movieId`. */
  private async storedMovie(movieId: string, locale: Locale): Promise<StoredMovie> {
    try {
      return await this.deps.movies.ensureStored(movieId, locale)
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error
      throw new ValidationError([{ field: 'movieId', messageKey: 'ratings.movie.unknown' }])
    }
  }

  private async movieOf(record: RatingRecord): Promise<StoredMovie> {
    const movie = await this.deps.movies.find(record.movieId)
    // A rating's film is kept by the foreign key, so it is always stored.
    if (!movie) throw new Error(`film ${record.movieId} of rating ${record.id} is not stored`)
    return movie
  }
}

function alreadyRated(ratingId: string) {
  return new ConflictError('ratings.exists', { ratingId })
}
