import { z } from 'zod'
import { isValidDate } from '../accounts/age.js'
import { CatalogUnavailableError } from '../domain/errors.js'
import type { Locale } from '../i18n/locale.js'
import type { Catalog, CatalogMovie, MovieDetails, SearchResults } from './movie.js'
import { tmdbMovieId, tmdbNumber } from './movie-id.js'
import { SearchCache } from './search-cache.js'
import type { TmdbClient } from './tmdb-client.js'

const languageTags: Record<Locale, string> = { ja: 'ja-JP', en: 'en-US' }
/** TMDB gives no page after this one. */
const lastPage = 500

// TMDB leaves fields out or empty (no release date, no poster): each field falls back
// to null on its own rather than failing the whole answer.
const text = z
  .string()
  .nullish()
  .catch(null)
  .transform((value) => value?.trim() || null)

const movieFields = z.object({
  id: z.number().int().positive(),
  title: text,
  original_title: text,
  original_language: text,
  release_date: text,
  poster_path: text,
  overview: text,
})
type TmdbMovie = z.infer<typeof movieFields>

const searchAnswer = z.object({
  page: z.number().int().positive().catch(1),
  total_pages: z.number().int().nonnegative().catch(0),
  results: z.array(z.unknown()),
})

const translation = z.object({
  iso_639_1: z.string(),
  data: z.object({ title: text, overview: text }).catch({ title: null, overview: null }),
})
const detailsAnswer = movieFields.extend({
  translations: z
    .object({ translations: z.array(z.unknown()) })
    .catch({ translations: [] })
    .optional(),
})

export interface TmdbCatalogOptions {
  searchCacheSize: number
  searchCacheMs: number
}

/** The catalog on TMDB's v3 API, with a short-lived cache of searches. */
export class TmdbCatalog implements Catalog {
  readonly source = 'tmdb'
  private readonly cache: SearchCache<SearchResults>
  private readonly pending = new Map<string, Promise<SearchResults>>()

  constructor(
    private readonly client: TmdbClient,
    options: TmdbCatalogOptions,
  ) {
    this.cache = new SearchCache(options.searchCacheSize, options.searchCacheMs)
  }

  /** Repeated searches come from the cache; the same search in flight is made once. */
  search(query: string, locale: Locale, page: number): Promise<SearchResults> {
    const key = `${locale}|${page}|${query.normalize('NFKC').toLowerCase()}`
    const cached = this.cache.get(key)
    if (cached) return Promise.resolve(cached)
    let pending = this.pending.get(key)
    if (!pending) {
      pending = this.fetchSearch(query, locale, page)
        .then((results) => {
          this.cache.set(key, results)
          return results
        })
        .finally(() => this.pending.delete(key))
      this.pending.set(key, pending)
    }
    return pending
  }

  async get(id: string, locale: Locale): Promise<CatalogMovie | null> {
    const number = tmdbNumber(id)
    if (number === null) return null
    const body = await this.client.get(`/movie/${number}`, { language: languageTags[locale] })
    return body === null ? null : toCatalogMovie(parse(movieFields, body, 'movie'))
  }

  async details(id: string, locale: Locale): Promise<MovieDetails | null> {
    const number = tmdbNumber(id)
    if (number === null) return null
    const body = await this.client.get(`/movie/${number}`, {
      language: languageTags[locale],
      append_to_response: 'translations',
    })
    if (body === null) return null
    return toDetails(parse(detailsAnswer, body, 'movie'), locale)
  }

  private async fetchSearch(query: string, locale: Locale, page: number): Promise<SearchResults> {
    const body = await this.client.get('/search/movie', {
      query,
      language: languageTags[locale],
      include_adult: 'false',
      page: String(page),
    })
    const answer = parse(searchAnswer, body ?? {}, 'search')
    const items = answer.results.flatMap((result) => {
      const movie = movieFields.safeParse(result)
      return movie.success && (movie.data.title || movie.data.original_title)
        ? [toCatalogMovie(movie.data)]
        : []
    })
    return { items, page: answer.page, totalPages: Math.min(answer.total_pages, lastPage) }
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  throw new CatalogUnavailableError('bad-gateway', {
    cause: new Error(`TMDB's ${what} answer has an unexpected shape`, { cause: result.error }),
  })
}

function toCatalogMovie(movie: TmdbMovie): CatalogMovie {
  return {
    id: tmdbMovieId(movie.id),
    title: movie.title ?? movie.original_title ?? tmdbMovieId(movie.id),
    originalTitle: movie.original_title,
    releaseDate: cleanDate(movie.release_date),
    posterPath: cleanPosterPath(movie.poster_path),
    overview: movie.overview,
  }
}

/**
 * Each language's title and overview from TMDB's translations. A film has no
 * translation into its own language, so its original title stands in; TMDB's
 * answer in the asked language (which falls back to English) fills what remains.
 */
function toDetails(movie: z.infer<typeof detailsAnswer>, asked: Locale): MovieDetails {
  const translations = (movie.translations?.translations ?? []).flatMap((entry) => {
    const parsed = translation.safeParse(entry)
    return parsed.success ? [parsed.data] : []
  })
  const textOf = (locale: Locale, field: 'title' | 'overview') => {
    const translated = translations.find((t) => t.iso_639_1 === locale)?.data[field]
    const original =
      field === 'title' && movie.original_language === locale ? movie.original_title : null
    return translated ?? original ?? (locale === asked ? movie[field] : null)
  }
  return {
    id: tmdbMovieId(movie.id),
    titles: { ja: textOf('ja', 'title'), en: textOf('en', 'title') },
    originalTitle: movie.original_title,
    releaseDate: cleanDate(movie.release_date),
    posterPath: cleanPosterPath(movie.poster_path),
    overviews: { ja: textOf('ja', 'overview'), en: textOf('en', 'overview') },
  }
}

const cleanDate = (date: string | null) => (date && isValidDate(date) ? date : null)

/** A file name on TMDB's image server, like `/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg`. */
const cleanPosterPath = (path: string | null) =>
  path && /^\/[\w.-]{1,200}$/.test(path) ? path : null
