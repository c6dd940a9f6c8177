import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// A stand-in for TMDB's v3 API and image server on 127.0.0.1, so that no test reaches
// the internet. It serves /3/search/movie, /3/movie/<id> (with translations) and SVG
// posters under /t/p/<size>/, checks the bearer token, and can be told to misbehave.

export interface FakeMovie {
  id: number
  /** Titles and overviews by language (`en`, `ja`); a missing one is not translated. */
  titles: Partial<Record<'en' | 'ja', string>>
  overviews?: Partial<Record<'en' | 'ja', string>>
  originalTitle?: string | null
  originalLanguage?: string
  releaseDate?: string | null
  posterPath?: string | null
}

/** Something to do instead of answering: a status, a delay, or a broken body. */
export type Fault =
  | { status: number; retryAfter?: string; body?: string }
  | { delayMs: number }
  | { malformed: true }

export interface FakeRequest {
  path: string
  params: Record<string, string>
  authorization: string | undefined
}

export const fakeMovies: FakeMovie[] = [
  {
    id: 603,
    titles: { en: 'The Matrix', ja: 'マトリックス' },
    overviews: {
      en: 'A computer hacker learns about the true nature of reality.',
      ja: 'ネオはある日、この世界が仮想現実であることを知る。',
    },
    originalTitle: 'The Matrix',
    originalLanguage: 'en',
    releaseDate: '1999-03-31',
    posterPath: '/poster-603.svg',
  },
  {
    id: 604,
    titles: { en: 'The Matrix Reloaded', ja: 'マトリックス リローデッド' },
    overviews: { en: 'Neo and the rebels fight on.' },
    originalTitle: 'The Matrix Reloaded',
    originalLanguage: 'en',
    releaseDate: '2003-05-15',
    posterPath: '/poster-604.svg',
  },
  {
    id: 129,
    titles: { en: 'Spirited Away' },
    overviews: { en: 'A girl wanders into a world of spirits.' },
    originalTitle: '千と千尋の神隠し',
    originalLanguage: 'ja',
    releaseDate: '2001-07-20',
    posterPath: '/poster-129.svg',
  },
  {
    // Everything TMDB may leave out: no date, no poster, no original title, no overview.
    id: 999,
    titles: { en: 'Matrix of Nothing' },
    originalTitle: null,
    releaseDate: '',
    posterPath: null,
  },
]

export class FakeTmdb {
  readonly token = 'fake-tmdb-token'
  readonly requests: FakeRequest[] = []
  private readonly faults: Fault[] = []

  constructor(
    private readonly origin: string,
    private readonly movies: FakeMovie[],
    private readonly close: () => Promise<void>,
  ) {}

  /** The API base URL, as TMDB_API_URL takes it. */
  get apiUrl() {
    return `${this.origin}/3`
  }

  /** The image base URL, as TMDB_IMAGE_URL takes it. */
  get imageUrl() {
    return `${this.origin}/t/p`
  }

  /** The environment that points the app at this fake. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      TMDB_API_TOKEN: this.token,
      TMDB_API_URL: this.apiUrl,
      TMDB_IMAGE_URL: this.imageUrl,
      ...extra,
    }
  }

  /** The next API requests meet these faults, one each, in order. */
  failNext(...faults: Fault[]) {
    this.faults.push(...faults)
  }

  reset() {
    this.faults.length = 0
    this.requests.length = 0
  }

  stop() {
    return this.close()
  }

  async handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', this.origin)
    if (url.pathname.startsWith('/t/p/')) return this.poster(url.pathname, response)

    const params = Object.fromEntries(url.searchParams)
    const authorization = request.headers.authorization
    this.requests.push({ path: url.pathname, params, authorization })

    const fault = this.faults.shift()
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs))
    if (fault && 'status' in fault) {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter }
      return send(response, fault.status, fault.body ?? '{"status_code":25}', headers)
    }
    if (fault && 'malformed' in fault) return send(response, 200, '{"results": [{"id": 6')
    if (authorization !== `Bearer ${this.token}`) {
      return send(response, 401, '{"status_code":7,"status_message":"Invalid API key"}')
    }
    return this.answer(url.pathname, params, response)
  }

  private answer(path: string, params: Record<string, string>, response: ServerResponse) {
    const language = (params.language ?? 'en-US').slice(0, 2) === 'ja' ? 'ja' : 'en'
    if (path === '/3/search/movie') {
      const query = (params.query ?? '').toLowerCase()
      const found = this.movies.filter((movie) =>
        Object.values(movie.titles).some((title) => title.toLowerCase().includes(query)),
      )
      const page = Number(params.page ?? '1')
      const results = found.slice((page - 1) * 20, page * 20).map((m) => summary(m, language))
      const body = { page, results, total_pages: Math.ceil(found.length / 20) }
      return send(response, 200, JSON.stringify({ ...body, total_results: found.length }))
    }
    const match = /^\/3\/movie\/(\d+)$/.exec(path)
    const movie = match && this.movies.find((m) => m.id === Number(match[1]))
    if (!movie) return send(response, 404, '{"status_code":34}')
    const translations = params.append_to_response?.includes('translations')
      ? { translations: { translations: translationsOf(movie) } }
      : {}
    return send(response, 200, JSON.stringify({ ...summary(movie, language), ...translations }))
  }

  private poster(path: string, response: ServerResponse) {
    const id = Number(/poster-(\d+)\.svg$/.exec(path)?.[1])
    const movie = this.movies.find((m) => m.id === id)
    if (!movie) return send(response, 404, 'not found')
    response.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=60' })
    response.end(posterSvg(movie.titles.en ?? String(id), id))
  }
}

/** What TMDB answers for a film in one language: its title falls back to English. */
function summary(movie: FakeMovie, language: 'en' | 'ja') {
  return {
    id: movie.id,
    title: movie.titles[language] ?? movie.titles.en ?? movie.originalTitle,
    original_title: movie.originalTitle ?? undefined,
    original_language: movie.originalLanguage ?? 'en',
    release_date: movie.releaseDate ?? undefined,
    poster_path: movie.posterPath ?? null,
    overview: movie.overviews?.[language] ?? '',
    adult: false,
  }
}

function translationsOf(movie: FakeMovie) {
  return (['en', 'ja'] as const)
    .filter((language) => movie.titles[language] || movie.overviews?.[language])
    .map((language) => ({
      iso_3166_1: language === 'ja' ? 'JP' : 'US',
      iso_639_1: language,
      data: {
        // TMDB leaves a translation's title empty when it is the original title.
        title: movie.originalLanguage === language ? '' : (movie.titles[language] ?? ''),
        overview: movie.overviews?.[language] ?? '',
      },
    }))
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', ...headers })
  response.end(body)
}

const hues = [200, 340, 30, 140, 270]

function posterSvg(title: string, id: number): string {
  const hue = hues[id % hues.length]
  const escaped = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="450" viewBox="0 0 300 450"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,35%)"/><stop offset="1" stop-color="hsl(${hue},70%,12%)"/></linearGradient></defs><rect width="300" height="450" fill="url(#g)"/><circle cx="150" cy="170" r="70" fill="hsl(${hue},80%,70%)" opacity="0.35"/><text x="150" y="360" fill="#fff" font-family="sans-serif" font-size="26" font-weight="700" text-anchor="middle">${escaped}</text></svg>`
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeTmdb(movies: FakeMovie[] = fakeMovies): Promise<FakeTmdb> {
  let fake: FakeTmdb | undefined
  const server = createServer((request, response) => {
    fake?.handle(request, response).catch((error: unknown) => {
      response.writeHead(500)
      response.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  fake = new FakeTmdb(`http://127.0.0.1:${port}`, movies, close)
  return fake
}
