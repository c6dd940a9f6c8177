import type { Config } from '../config/env.js'
import type { Catalog, CatalogInfo } from './movie.js'
import { OfflineCatalog } from './offline-catalog.js'
import { TmdbCatalog } from './tmdb-catalog.js'
import { TmdbClient } from './tmdb-client.js'

export interface Catalogs {
  searchCatalog: Catalog
  catalogs: Catalog[]
  info: CatalogInfo
}

/**
 * TMDB when a credential is configured, the offline list otherwise. The offline list
 * stays available for fetching its own films, so that films stored while offline
 * keep working after TMDB is configured.
 */
export function createCatalogs(tmdb: Config['tmdb']): Catalogs {
  const offline = new OfflineCatalog()
  const online = tmdb.token
    ? new TmdbCatalog(
        new TmdbClient({ token: tmdb.token, baseUrl: tmdb.url, timeoutMs: tmdb.timeoutMs }),
        { searchCacheSize: tmdb.searchCacheSize, searchCacheMs: tmdb.searchCacheMs },
      )
    : null
  const searchCatalog = online ?? offline
  return {
    searchCatalog,
    catalogs: online ? [online, offline] : [offline],
    info: { source: searchCatalog.source, posterBase: tmdb.imageUrl },
  }
}
