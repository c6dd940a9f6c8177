import type { RequestListener } from 'node:http'
import { OpenAPIHono } from '@hono/zod-openapi'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { accountApi } from './accounts/api.js'
import { accountPages } from './accounts/pages.js'
import { AccountService } from './accounts/service.js'
import { sessionMiddleware } from './accounts/session-cookie.js'
import { SessionStore } from './accounts/sessions.js'
import { UserRepository } from './accounts/users.js'
import type { Config } from './config/env.js'
import type { Db } from './db/database.js'
import { PayloadTooLargeError } from './domain/errors.js'
import { feedApi } from './feed/api.js'
import { FeedRepository } from './feed/repository.js'
import { FeedService } from './feed/service.js'
import { healthRoutes } from './health/routes.js'
import { homePages } from './home/pages.js'
import { type AssetManifest, assetRoutes } from './http/assets.js'
import { compression } from './http/compression.js'
import type { AppEnv } from './http/context.js'
import { handleError, handleNotFound } from './http/errors.js'
import { requestContext } from './http/request-context.js'
import { crossSiteGuard, securityHeaders } from './http/security.js'
import { localeMiddleware } from './i18n/middleware.js'
import { languageRoutes } from './i18n/routes.js'
import { RateLimiter } from './limits/rate-limiter.js'
import { writeLimit } from './limits/write-limit.js'
import type { Logger } from './logging/logger.js'
import { Metrics } from './metrics/metrics.js'
import { metricsRoutes } from './metrics/routes.js'
import { movieApi } from './movies/api.js'
import { createCatalogs } from './movies/catalogs.js'
import { moviePages } from './movies/pages.js'
import { MovieService } from './movies/service.js'
import { ListPageCache } from './page-cache/list-page-cache.js'
import { VersionedMovieRepository } from './page-cache/movie-versions.js'
import { keptPagesFirst } from './page-cache/node-front.js'
import { peopleApi } from './people/api.js'
import { peoplePages } from './people/pages.js'
import { forgetFollows, PeopleRepository } from './people/repository.js'
import { PeopleService } from './people/service.js'
import { ratingApi } from './ratings/api.js'
import { movieRatingsLoader, ratingSlot } from './ratings/film.js'
import { ratingPages } from './ratings/pages.js'
import { RatingRepository, takeBackRatingsOf } from './ratings/repository.js'
import { RatingService } from './ratings/service.js'

export interface AppDeps {
  config: Config
  db: Db
  logger: Logger
  /** The folder of the built client assets (`dist/public`). */
  publicDir: string
  assets: AssetManifest
}

const maxBodyBytes = 64 * 1024
const hasNoBody = (method: string) => method === 'GET' || method === 'HEAD'

/** The whole web application: pages, the JSON API and static assets. */
export function createApp({ config, db: database, logger, publicDir, assets }: AppDeps) {
  // Metrics cost nothing unless a token turns them on.
  const metrics = config.metricsToken ? new Metrics() : undefined
  const db = metrics ? database.withPlugin(metrics.queryTimer()) : database
  const sessions = new SessionStore(db, config.sessionDays)
  const users = new UserRepository(db)
  const limiter = new RateLimiter(db)
  const beforeDelete = [forgetFollows, takeBackRatingsOf]
  const accounts = new AccountService({
    db,
    users,
    sessions,
    limiter,
    limits: config.limits,
    beforeDelete,
  })
  const people = new PeopleService(new PeopleRepository(db))
  const feed = new FeedService(new FeedRepository(db))

  const app = new Hono<AppEnv>()
  if (metrics && config.metricsToken) {
    app.use(metrics.middleware())
    app.route('/', metricsRoutes(metrics, config.metricsToken))
  }
  app.route('/', healthRoutes(db))
  app.route('/', assetRoutes(publicDir))
  const requestOptions = {
    logger,
    isPublicUrlSecure: config.publicUrl?.startsWith('https:') ?? false,
    trustProxy: config.trustProxy,
  }
  // The page cache's one read goes to the database itself: on SQLite it has a
  // connection of its own for it (metrics do not time that read).
  const listPages = new ListPageCache({
    ...requestOptions,
    db: database,
    buildId: assets['app.js'] + assets['styles.css'],
  })
  app.use('/users/:handle', listPages.front())

  const catalogs = createCatalogs(config.tmdb)
  const ratingRepository = new RatingRepository(db)
  const movies = new MovieService({
    repository: new VersionedMovieRepository(db),
    searchCatalog: catalogs.searchCatalog,
    catalogs: catalogs.catalogs,
    refreshAfterMs: config.movieRefreshMs,
    logger: logger.child({ subsystem: 'movies' }),
    onReleaseDateChange: (movie) => ratingRepository.syncReleaseKey(movie),
  })
  const ratings = new RatingService({ ratings: ratingRepository, movies, people })

  app.use(async (c, next) => {
    c.set('assets', assets)
    c.set('catalog', catalogs.info)
    await next()
  })
  app.use(requestContext(requestOptions))
  app.use(compression())
  app.use(securityHeaders(new URL(config.tmdb.imageUrl).origin))
  app.use(sessionMiddleware(sessions))
  app.use(localeMiddleware())
  app.use(
    writeLimit(limiter, {
      max: config.limits.writePerAddress,
      windowMs: config.limits.writeWindowMs,
    }),
  )
  const limitBody = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw new PayloadTooLargeError()
    },
  })
  // Reads without a body skip it: looking for one builds the whole Request object, a
  // twentieth of a page's time.
  app.use((c, next) => (hasNoBody(c.req.method) ? next() : limitBody(c, next)))
  app.use(crossSiteGuard(config.publicUrl))
  app.use('/users/:handle', listPages.store())

  const api = new OpenAPIHono<AppEnv>()
  api.route('/', accountApi(accounts))
  api.route('/', movieApi(movies, movieRatingsLoader(ratings)))
  api.route('/', ratingApi(ratings))
  api.route('/', peopleApi(people))
  api.route('/', feedApi(feed))
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'MyMovie API', version: '1.0.0' },
  })
  app.route('/api/v1', api)

  app.route('/', homePages(feed))
  app.route('/', accountPages(accounts))
  app.route('/', languageRoutes())
  app.route('/', moviePages(movies, ratingSlot(ratings, people)))
  app.route('/', ratingPages({ ratings, movies, people }))
  app.route('/', peoplePages(people))

  app.notFound(handleNotFound)
  app.onError(handleError)
  const onAnswered =
    metrics &&
    ((status: number, seconds: number) => metrics.observe('GET', '/users/:handle', status, seconds))
  return Object.assign(app, {
    /**
     * For the Node server: `listener` (the app's) with visitors' kept list pages
     * answered before it.
     */
    withKeptPagesFirst: (listener: RequestListener) =>
      keptPagesFirst(listPages, listener, onAnswered),
  })
}

export type App = ReturnType<typeof createApp>
