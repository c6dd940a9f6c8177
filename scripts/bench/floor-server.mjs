// The floor under any cold list page, for `npm run bench:floor`: a bare Node server,
// no framework, that does only what no list page can avoid. For `/users/<handle>` it
// makes the three reads the app's cold list page makes, with the app's own SQL
// (prepared once, rows as arrays), then sends the bytes of a page the app rendered
// earlier: no rendering, escaping or encoding, no middleware, session, security
// headers or log line. `/bytes` sends those bytes without reading anything, and
// `/healthz` answers as the app's does.
//
// Environment: DATABASE_PATH (an SQLite file), PAGE_FILE (the page's bytes), PORT.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import Database from 'better-sqlite3'

const database = new Database(process.env.DATABASE_PATH, { readonly: true, fileMustExist: true })
// As the app opens it: the file mapped into memory.
database.pragma('mmap_size = 1073741824')
const page = readFileSync(process.env.PAGE_FILE)

// The app's statements, written as Kysely sends them for a cold list page by score
// (the list cache's version read, the person, the cards). Copied by hand: when the
// app's queries change, these must follow.
const version = database
  .prepare(
    'select "handle_key" as "key", "id", "list_version" from "users" where "handle_key" in (?)',
  )
  .raw(true)
const person = database.prepare('select * from "users" where "handle_key" = ?').raw(true)
const cards = database
  .prepare(
    `select "r"."id", "r"."movie_id", "r"."score", "r"."release_key", "r"."created_at",
      "m"."title_ja", "m"."title_en", "m"."original_title", "m"."release_date", "m"."poster_path"
    from "ratings" as "r" inner join "movies" as "m" on "m"."id" = "r"."movie_id"
    where "r"."user_id" = ?
    order by "r"."score" desc, "r"."created_at" desc, "r"."id" desc limit 49`,
  )
  .raw(true)

const health = Buffer.from('{"status":"ok"}')

createServer((request, response) => {
  const path = request.url?.split('?')[0] ?? ''
  if (path === '/healthz') return send(response, 'application/json', health)
  if (path === '/bytes') return send(response, 'text/html; charset=UTF-8', page)
  if (!path.startsWith('/users/')) return send(response, 'text/plain', Buffer.from('none'), 404)

  const handle = path.slice('/users/'.length).toLowerCase()
  version.get(handle)
  const row = person.get(handle)
  if (!row) return send(response, 'text/plain', Buffer.from('none'), 404)
  cards.all(row[0])
  send(response, 'text/html; charset=UTF-8', page)
}).listen(Number(process.env.PORT), '127.0.0.1')

function send(response, type, body, status = 200) {
  response.writeHead(status, { 'content-type': type, 'content-length': body.byteLength })
  response.end(body)
}
