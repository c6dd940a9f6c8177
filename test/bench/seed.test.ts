import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { hashPassword } from '../../src/accounts/passwords.js'
import { type SeedSummary, seedDatabase } from '../../src/seed/seed.js'
import { createTestApp, TestClient } from '../support/app.js'
import { keptCountMismatches } from '../support/consistency.js'
import { describeEachDatabase } from '../support/databases.js'

const password = 'seeded-test-password'

describeEachDatabase('seeding', (database) => {
  let summary: SeedSummary

  beforeAll(async () => {
    summary = await seedDatabase(database().db, {
      people: 60,
      ratings: 3000,
      passwordHash: await hashPassword(password),
    })
  })

  it('writes what it was asked for, with a heavy tail', async () => {
    expect(summary).toMatchObject({ people: 60, ratings: 3000 })
    expect(summary.heaviest.handle).toBe('user1')
    expect(summary.heaviest.ratings).toBeGreaterThan(300)
    expect(summary.busiestFollower).toEqual({ handle: 'user2', following: 59 })
    const { db } = database()
    const count = await db
      .selectFrom('ratings')
      .select(db.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(3000)
  })

  it('keeps every count as the app keeps it', async () => {
    const { db } = database()
    expect(await keptCountMismatches(db)).toEqual([])
    const wrongActivity = await sql<{ id: string }>`
      select u.id from users u where u.last_active_at <> coalesce(
        (select max(r.updated_at) from ratings r where r.user_id = u.id), u.created_at)`.execute(db)
    expect(wrongActivity.rows).toEqual([])
    const wrongKeys = await sql<{ id: string }>`
      select r.id from ratings r join movies m on m.id = r.movie_id
      where r.release_key <> coalesce(m.release_date, '')`.execute(db)
    expect(wrongKeys.rows).toEqual([])
    const person = await db
      .selectFrom('users')
      .selectAll()
      .where('handle_key', '=', 'user7')
      .executeTakeFirstOrThrow()
    expect(person.search_text).toBe(`user7 ${person.display_name}`.normalize('NFKC').toLowerCase())
  })

  it('is served by the app like data made through it', async () => {
    const client = new TestClient(createTestApp(database().db))
    const page = await client.get('/users/user1?sort=score')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('@user1')
    const list = await client.get('/api/v1/users/user1/ratings?sort=score')
    const body = (await list.json()) as { items: { score: number }[]; nextCursor: string | null }
    expect(body.items).toHaveLength(48)
    expect(body.nextCursor).not.toBeNull()
    const login = await client.json('POST', '/api/v1/auth/login', { login: 'user2', password })
    expect(login.status).toBe(200)
    expect((await client.get('/')).status).toBe(200)
  })

  it('refuses a database that already has people', async () => {
    await expect(
      seedDatabase(database().db, { people: 1, ratings: 1, passwordHash: 'x' }),
    ).rejects.toThrow(/already has people/)
  })
})
