import { expect, it } from 'vitest'
import { generousLimits, newAccount } from '../support/app.js'
import { keptCountMismatches } from '../support/consistency.js'
import { describeEachDatabase } from '../support/databases.js'
import { type ServerProcess, startServerProcess } from '../support/server-process.js'

// The built server is killed with SIGKILL while ratings pour in, then started again:
// every rating it acknowledged must be there, and nothing may be half-written (the
// kept counts agree with the rows).

interface Attempt {
  cookie: string
  movieId: string
  score: number
  status?: number
  ratingId?: string
}

async function signUp(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(newAccount()),
  })
  expect(response.status).toBe(201)
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

async function filmIds(server: ServerProcess, count: number): Promise<string[]> {
  const ids = new Set<string>()
  for (const q of ['the', 'love', 'man', 'night', 'day', 'a']) {
    const found = await (await fetch(`${server.url}/api/v1/movies/search?q=${q}`)).json()
    for (const item of found.items as { id: string }[]) ids.add(item.id)
    if (ids.size >= count) break
  }
  return [...ids].slice(0, count)
}

async function rate(server: ServerProcess, attempt: Attempt) {
  try {
    const response = await fetch(`${server.url}/api/v1/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: attempt.cookie },
      body: JSON.stringify({ movieId: attempt.movieId, score: attempt.score }),
    })
    attempt.status = response.status
    if (response.status === 201) attempt.ratingId = (await response.json()).id
    else await response.arrayBuffer()
  } catch {
    // Killed before it answered: it may or may not have been written.
  }
}

describeEachDatabase('a crash mid-stream', (testDatabase) => {
  it('loses no acknowledged rating and leaves nothing half-written', async () => {
    const database = testDatabase()
    const env = { DATABASE_URL: database.url, ...generousLimits }
    const server = await startServerProcess(env)
    const cookies = await Promise.all(Array.from({ length: 4 }, () => signUp(server)))
    const films = await filmIds(server, 40)
    expect(films.length).toBeGreaterThanOrEqual(20)

    // Every person rates every film, eight requests in flight at a time.
    const queue: Attempt[] = films.flatMap((movieId, i) =>
      cookies.map((cookie, j) => ({ cookie, movieId, score: (i * 7 + j * 13) % 101 })),
    )
    const attempts: Attempt[] = []
    let acknowledged = 0
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        attempts.push(next)
        await rate(server, next)
        if (next.status === 201) acknowledged += 1
        if (acknowledged >= 30 && server.child.exitCode === null && !server.child.killed) {
          server.child.kill('SIGKILL')
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
    expect((await server.exited).signal).toBe('SIGKILL')
    expect(attempts.some((a) => a.status === undefined)).toBe(true)

    const restarted = await startServerProcess(env)
    try {
      const rows = await database.db
        .selectFrom('ratings')
        .select(['id', 'movie_id', 'score'])
        .execute()
      const stored = new Map(rows.map((row) => [row.id, row]))
      const ok = attempts.filter((a) => a.status === 201)
      expect(ok.length).toBeGreaterThanOrEqual(30)
      for (const attempt of ok) {
        expect(stored.get(attempt.ratingId ?? ''), attempt.ratingId).toMatchObject({
          movie_id: attempt.movieId,
          score: attempt.score,
        })
      }
      // Nothing that was never sent, and only what was sent or in flight.
      expect(rows.length).toBeGreaterThanOrEqual(ok.length)
      expect(rows.length).toBeLessThanOrEqual(attempts.length)
      expect(await keptCountMismatches(database.db)).toEqual([])

      // And the restarted server takes writes again.
      const more = queue.shift() ?? {
        cookie: cookies[0] ?? '',
        movieId: films[0] ?? '',
        score: 1,
      }
      await rate(restarted, more)
      expect([201, 409]).toContain(more.status)
    } finally {
      restarted.child.kill('SIGTERM')
      await restarted.exited
    }
  }, 60_000)
})
