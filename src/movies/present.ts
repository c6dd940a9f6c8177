import { z } from '@hono/zod-openapi'
import type { Locale } from '../i18n/locale.js'
import { type CatalogMovie, type StoredMovie, titleIn } from './movie.js'

/** A film as the API shows it, in the caller's language. */
export const movieSchema = z
  .object({
    id: z.string().openapi({ example: 'tmdb-603' }),
    title: z.string().openapi({ example: 'マトリックス' }),
    originalTitle: z.string().nullable().openapi({ example: 'The Matrix' }),
    releaseDate: z
      .string()
      .nullable()
      .openapi({ description: '`YYYY-MM-DD`', example: '1999-03-31' }),
    posterUrl: z.url().nullable(),
    overview: z.string().nullable(),
  })
  .openapi('Movie')

export type MovieJson = z.infer<typeof movieSchema>

/**
 * TMDB's poster widths we use. Posters are 2:3; the height follows.
 * https://developer.themoviedb.org/docs/image-basics
 */
export type PosterWidth = 'w92' | 'w185' | 'w342' | 'w500' | 'w780'

/** The URL of a poster on the image server at `posterBase`, or null without a poster. */
export function posterUrl(
  posterBase: string,
  posterPath: string | null,
  width: PosterWidth = 'w342',
): string | null {
  return posterPath ? `${posterBase}/${width}${posterPath}` : null
}

/** The other language's text when ours is missing: an English overview beats none. */
export function textIn(values: StoredMovie['titles'], locale: Locale): string | null {
  return values[locale] ?? values[locale === 'ja' ? 'en' : 'ja']
}

export function presentMovie(movie: StoredMovie, locale: Locale, posterBase: string): MovieJson {
  return {
    id: movie.id,
    title: titleIn(movie, locale),
    originalTitle: movie.originalTitle,
    releaseDate: movie.releaseDate,
    posterUrl: posterUrl(posterBase, movie.posterPath),
    overview: textIn(movie.overviews, locale),
  }
}

/** A search result: already in the language it was searched in. */
export function presentCatalogMovie(movie: CatalogMovie, posterBase: string): MovieJson {
  return {
    id: movie.id,
    title: movie.title,
    originalTitle: movie.originalTitle,
    releaseDate: movie.releaseDate,
    posterUrl: posterUrl(posterBase, movie.posterPath),
    overview: movie.overview,
  }
}
