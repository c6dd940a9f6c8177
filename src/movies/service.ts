import { CatalogUnavailableError, NotFoundError } from '../domain/errors.js'
import type { Locale } from '../i18n/locale.js'
import type { Logger } from '../logging/logger.js'
import type { Catalog, SearchResults, StoredMovie } from './movie.js'
import { sourceOf } from './movie-id.js'
import type { MovieRepository } from './repository.js'

export interface MovieServiceDeps {
  repository: MovieRepository
  /** The catalog searches go to: TMDB when configured, the offline list otherwise. */
  searchCatalog: Catalog
  /** Every catalog films can be fetched from, by the source in their id. */
  catalogs: readonly Catalog[]
  /** How long a stored film is trusted before it is fetched again. */
  refreshAfterMs: number
  /** Where a catalog failure that was covered by a stored copy is reported. */
  logger?: Logger
  /**
   * Called when a refresh changed a stored film's release date: the ratings keep a
   * copy of it to sort by.
   */
  onReleaseDateChange?: (movie: StoredMovie) => Promise<void>
  now?: () => number
}

/** The longest query we pass on, and the last page TMDB will give. */
export const maxQueryLength = 100
export const maxSearchPage = 500

export interface StoredMovieView {
  movie: StoredMovie
  /** True when the catalog failed and the film shown is the copy we had. */
  isStale: boolean
}

/**
 * Finding films and keeping our own copy of the ones people look at or rate, so that
 * pages and lists render from our database and keep working while TMDB is down.
 */
export class MovieService {
  private readonly now: () => number

  constructor(private readonly deps: MovieServiceDeps) {
    this.now = deps.now ?? Date.now
  }

  /** A page of results; an empty query finds nothing rather than everything. */
  async search(query: string, locale: Locale, page = 1): Promise<SearchResults> {
    const text = query.normalize('NFC').trim().slice(0, maxQueryLength)
    const wanted = Math.min(Math.max(1, Math.trunc(page) || 1), maxSearchPage)
    if (text === '') return { items: [], page: 1, totalPages: 0 }
    return this.deps.searchCatalog.search(text, locale, wanted)
  }

  /** The stored film, as it is, without asking any catalog. */
  find(id: string): Promise<StoredMovie | undefined> {
    return this.deps.repository.find(id)
  }

  /**
   * The stored film, fetched from its catalog and saved first when it is missing or
   * stale. Throws `NotFoundError` for an id that is malformed or unknown to the
   * catalog, and `CatalogUnavailableError` when the catalog fails and there is no copy.
   */
  async ensureStored(id: string, locale: Locale): Promise<StoredMovie> {
    return (await this.load(id, locale)).movie
  }

  /** Like `ensureStored`, and says whether the copy is stale because the catalog failed. */
  async load(id: string, locale: Locale): Promise<StoredMovieView> {
    const source = sourceOf(id)
    if (!source) throw new NotFoundError()
    const stored = await this.deps.repository.find(id)
    if (stored && this.now() - stored.fetchedAt < this.deps.refreshAfterMs) {
      return { movie: stored, isStale: false }
    }

    const catalog = this.deps.catalogs.find((candidate) => candidate.source === source)
    if (!catalog) {
      // A film of a catalog that is not configured any more: what we kept is all there is.
      if (stored) return { movie: stored, isStale: false }
      throw new NotFoundError()
    }
    return this.refresh(catalog, id, locale, stored)
  }

  private async refresh(
    catalog: Catalog,
    id: string,
    locale: Locale,
    stored: StoredMovie | undefined,
  ): Promise<StoredMovieView> {
    let details: Awaited<ReturnType<Catalog['details']>>
    try {
      details = await catalog.details(id, locale)
    } catch (error) {
      if (!stored || !(error instanceof CatalogUnavailableError)) throw error
      this.deps.logger?.warn(
        { err: error.cause, failure: error.failure, movieId: id },
        'catalog failed; showing the stored film',
      )
      return { movie: stored, isStale: true }
    }
    if (!details) {
      // The catalog dropped a film someone rated: keep showing our copy.
      if (stored) return { movie: stored, isStale: false }
      throw new NotFoundError()
    }

    const movie: StoredMovie = { ...details, fetchedAt: this.now() }
    await this.deps.repository.save(movie)
    if (stored && stored.releaseDate !== movie.releaseDate) {
      await this.deps.onReleaseDateChange?.(movie)
    }
    return { movie, isStale: false }
  }
}
