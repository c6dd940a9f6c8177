import type { AssetManifest } from '../http/assets.js'
import type { CurrentUser } from '../http/context.js'
import type { Locale } from '../i18n/locale.js'
import type { Translate } from '../i18n/translate.js'
import type { CatalogInfo } from '../movies/movie.js'

/** What every page view needs to know about the request it renders for. */
export interface PageContext {
  t: Translate
  locale: Locale
  user: CurrentUser | null
  /** The request's path and query: where the language switch and log-in come back to. */
  path: string
  assets: AssetManifest
  /** The film catalog in use and where its posters are. */
  catalog: CatalogInfo
}
