// Builds the server (TypeScript to ESM, dependencies left external) and the client
// assets: a minified script and stylesheet with content-hashed names, each with gzip
// and brotli copies beside it, and a manifest the pages read.
import { createHash } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { compile } from 'sass'

const root = new URL('..', import.meta.url).pathname
const dist = join(root, 'dist')
// Built aside and swapped in at the end, so that a server or a test reading `dist`
// while a build runs never sees it half-written.
const out = join(root, `dist.building-${process.pid}`)
const assets = join(out, 'public', 'assets')

await rm(out, { recursive: true, force: true })
await mkdir(assets, { recursive: true })

// Dependencies are bundled too: resolving hundreds of modules one by one at start
// cost more than the app's whole start-up budget (300 ms to the first answer).
// Native addons, pino (its transports load by name in a worker) and data that is
// only read on demand stay outside.
await build({
  entryPoints: [
    'src/main.ts',
    'src/migrate-cli.ts',
    'src/backup-cli.ts',
    'src/restore-cli.ts',
    'src/seed/seed-cli.ts',
  ],
  absWorkingDir: root,
  outdir: join(out, 'server'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [
    'better-sqlite3',
    '@node-rs/argon2',
    'pino',
    'pino-pretty',
    'pg-native',
    '@zxcvbn-ts/language-common',
  ],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
})

const script = await build({
  entryPoints: ['src/client/app.ts'],
  absWorkingDir: root,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
})

const styles = compile(join(root, 'src/client/styles.scss'), {
  loadPaths: [join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function'],
})

const manifest = {
  'app.js': await writeAsset('app', 'js', script.outputFiles[0].contents),
  'styles.css': await writeAsset('styles', 'css', Buffer.from(styles.css)),
}
await writeFile(join(out, 'public', 'manifest.json'), JSON.stringify(manifest, null, 2))

const previous = join(root, `dist.previous-${process.pid}`)
await rename(dist, previous).catch(() => {})
await rename(out, dist)
await rm(previous, { recursive: true, force: true })

async function writeAsset(name, extension, body) {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10)
  const file = join(assets, `${name}-${hash}.${extension}`)
  await writeFile(file, body)
  await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }))
  const brotli = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY }
  await writeFile(`${file}.br`, brotliCompressSync(body, { params: brotli }))
  return `/assets/${basename(file)}`
}
