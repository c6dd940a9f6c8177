import type { Locale } from '../i18n/locale.js'
import type { Translate } from '../i18n/translate.js'
import type { Logger } from '../logging/logger.js'
import type { CatalogInfo } from '../movies/movie.js'
import type { ListPageLookup } from '../page-cache/list-page-cache.js'
import type { AssetManifest } from './assets.js'

/** The logged-in person, as every request sees them. */
export interface CurrentUser {
  id: string
  handle: string
  displayName: string
  locale: Locale | null
}

export interface AppVariables {
  requestId: string
  log: Logger
  locale: Locale
  t: Translate
  /** The person whose live session came with the request, if any. */
  user: CurrentUser | null
  /** The hash of the live session's id, if any. */
  sessionHash: string | null
  /** Whether the request came over TLS (the public URL or the proxy says so). */
  isSecure: boolean
  /** The client's address, as far as we can tell. */
  clientAddress: string
  /** The built script and stylesheet the pages link to. */
  assets: AssetManifest
  /** The film catalog in use and where its posters are. */
  catalog: CatalogInfo
  /** A visitor's list page the page cache will keep once it is rendered. */
  listPage?: ListPageLookup
}

export type AppEnv = { Variables: AppVariables }
