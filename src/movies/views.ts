import { Memo } from '../domain/memo.js'
import type { Locale } from '../i18n/locale.js'
import { classes, type Html, html, trusted } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { type CatalogMovie, type StoredMovie, type TitledMovie, titleIn } from './movie.js'
import { type PosterWidth, posterUrl } from './present.js'

// Pieces of film markup shared by the film pages and by anything that lists films.

/**
 * `thumb` for search results and compact lists, `card` for poster grids, `page` for a
 * film's own page. Each names the width drawn (its height is 3/2 of it) and the image
 * widths fetched for ordinary and high-density screens.
 */
export type PosterSize = 'thumb' | 'card' | 'page'

const posterSizes: Record<PosterSize, { width: number; src: PosterWidth; src2x: PosterWidth }> = {
  thumb: { width: 92, src: 'w92', src2x: 'w185' },
  card: { width: 185, src: 'w185', src2x: 'w342' },
  page: { width: 342, src: 'w342', src2x: 'w780' },
}

/** A film a poster can be drawn for: a stored one (or part of one), or a search result. */
export type PosteredMovie = (TitledMovie & Pick<StoredMovie, 'posterPath'>) | CatalogMovie

export interface PosterOptions {
  /** Hide the poster from assistive technology when the title is right beside it. */
  decorative?: boolean
}

/**
 * A film's poster at a fixed 2:3 ratio (no layout shift while it loads), or, without
 * one, a tinted card with the title drawn from the film's id. Takes a stored film or
 * a search result.
 */
export function posterView(
  movie: PosteredMovie,
  page: Pick<PageContext, 't' | 'locale' | 'catalog'>,
  size: PosterSize,
  options: PosterOptions = {},
): Html {
  const title = 'titles' in movie ? titleIn(movie, page.locale) : movie.title
  const { width, src, src2x } = posterSizes[size]
  const base = page.catalog.posterBase
  const url = posterUrl(base, movie.posterPath, src)
  const sizeClass = `poster poster-${size}`
  if (!url) return posterPlaceholder(movie.id, title, sizeClass, page, options)

  const alt = options.decorative ? '' : page.t('movies.poster.alt', { title })
  return html`<img class="${sizeClass}" src="${url}" srcset="${url} 1x, ${posterUrl(base, movie.posterPath, src2x)} 2x" width="${width}" height="${Math.round(width * 1.5)}" alt="${alt}" loading="lazy" decoding="async">`
}

const tintCount = 8

function posterPlaceholder(
  id: string,
  title: string,
  sizeClass: string,
  page: Pick<PageContext, 't'>,
  options: PosterOptions,
): Html {
  const tint = `poster-tint-${hashOf(id) % tintCount}`
  const label = options.decorative
    ? html` aria-hidden="true"`
    : html` role="img" aria-label="${page.t('movies.poster.none', { title })}"`
  return html`<div class="${classes(sizeClass, 'poster-placeholder', tint)}"${label}>
<span class="poster-placeholder-body" aria-hidden="true">
<span class="poster-initials">${initialsOf(title)}</span>
<span class="poster-title">${title}</span>
</span>
</div>`
}

/** A small, stable number from a string (FNV-1a), to pick the same tint every time. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

const minorWords = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'to', 'for', 'at'])

/** `The Matrix Reloaded` → `MR`; `Matrix of Nothing` → `MN`; `千と千尋の神隠し` → `千`. */
export function initialsOf(title: string): string {
  return initialsByTitle.of(title, findInitials)
}

// Lists show the same films again and again; their initials are worked out once.
const initialsByTitle = new Memo<string, string>(10_000)

function findInitials(title: string): string {
  const words = title.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
  const significant = words.filter((word) => !minorWords.has(word.toLowerCase()))
  const chosen = (significant.length > 0 ? significant : words).slice(0, 2)
  return chosen
    .map((word) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '')
    .join('')
    .toLocaleUpperCase()
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/** `1999-03-31` as `1999年3月31日` or `March 31, 1999`. */
export function formatReleaseDate(date: string, locale: Locale): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
      dateStyle: 'long',
      timeZone: 'UTC',
    })
    dateFormats.set(locale, format)
  }
  return format.format(new Date(`${date}T00:00:00Z`))
}

/** The release year, or null. */
export const releaseYear = (date: string | null): string | null => date?.slice(0, 4) ?? null

/** The film search in the navbar: a plain GET form, so it works without script. */
export function navSearchForm(page: PageContext): Html {
  const { t } = page
  return html`<form class="nav-search" role="search" method="get" action="/movies/search">
<label class="visually-hidden" for="nav-search-q">${t('movies.search.label')}</label>
<input class="form-control form-control-sm" type="search" id="nav-search-q" name="q" placeholder="${t('movies.search.placeholder')}" maxlength="100" autocomplete="off" enterkeyhint="search">
</form>`
}

/**
 * The notice the catalog's terms ask for. TMDB wants its sentence and its mark, less
 * prominent than our own; the mark is drawn here, nothing is loaded from TMDB.
 */
export function catalogNotice(page: PageContext): Html {
  const { t } = page
  if (page.catalog.source !== 'tmdb') {
    return html`<p class="catalog-notice mb-0 text-body-secondary">${t('movies.source.offline')}</p>`
  }
  return html`<p class="catalog-notice mb-0 text-body-secondary d-flex align-items-center gap-2">
<a class="tmdb-mark" href="https://www.themoviedb.org/" rel="noopener" aria-label="TMDB">${tmdbMark}</a>
<span lang="en">${t('movies.source.tmdb')}</span>
</p>`
}

const tmdbMark = trusted(
  '<svg xmlns="http://www.w3.org/2000/svg" width="58" height="18" viewBox="0 0 58 18" aria-hidden="true" focusable="false"><defs><linearGradient id="tmdb-mark-fill" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="#90cea1"/><stop offset="0.56" stop-color="#3cbec9"/><stop offset="1" stop-color="#00b3e5"/></linearGradient></defs><rect width="58" height="18" rx="9" fill="url(#tmdb-mark-fill)"/><text x="29" y="13" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="11" font-weight="700" letter-spacing="1" fill="#0d253f">TMDB</text></svg>',
)
