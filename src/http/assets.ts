import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv } from './context.js'

/** Where the built script and stylesheet are, by their logical names. */
export interface AssetManifest {
  'app.js': string
  'styles.css': string
}

export function readAssetManifest(publicDir: string): AssetManifest {
  try {
    return JSON.parse(readFileSync(join(publicDir, 'manifest.json'), 'utf8'))
  } catch (error) {
    throw new Error(`client assets are not built in ${publicDir}: run \`npm run build\``, {
      cause: error,
    })
  }
}

const immutable = 'public, max-age=31536000, immutable'

/** Serves the hashed assets, precompressed, cached for a year. */
export function assetRoutes(publicDir: string) {
  const app = new Hono<AppEnv>()
  app.use(
    '/assets/*',
    serveStatic({
      root: publicDir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', immutable)
      },
    }),
  )
  return app
}
