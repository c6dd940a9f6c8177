import { expect, it } from 'vitest'
import { hashToken, SessionStore } from '../../src/accounts/sessions.js'
import { UserRepository } from '../../src/accounts/users.js'
import { describeEachDatabase } from '../support/databases.js'

const day = 24 * 60 * 60 * 1000

describeEachDatabase('session store', (database) => {
  const person = async (handle: string) =>
    new UserRepository(database().db).insert(
      {
        handle,
        email: `${handle}@example.com`,
        displayName: handle,
        passwordHash: 'x',
        birthdate: null,
        locale: null,
      },
      0,
    )

  it('stores only a hash of the token and slides expiry at most once a day', async () => {
    const user = await person('slider')
    const sessions = new SessionStore(database().db, 30)
    const start = 1_700_000_000_000
    const session = await sessions.create(user.id, start)
    expect(session.token).toMatch(/^[\w-]{43}$/)
    const stored = await database()
      .db.selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute()
    expect(stored.map((s) => s.id_hash)).toEqual([hashToken(session.token)])

    const sameDay = await sessions.resolve(session.token, start + 60_000)
    expect(sameDay?.isRenewed).toBe(false)
    const later = await sessions.resolve(session.token, start + 2 * day)
    expect(later?.isRenewed).toBe(true)
    expect(later?.expiresAt).toBe(start + 32 * day)
    expect(later?.user.handle).toBe('slider')
  })

  it('lets an expired or unknown token find nothing', async () => {
    const user = await person('expiring')
    const sessions = new SessionStore(database().db, 1)
    const session = await sessions.create(user.id, 0)
    expect(await sessions.resolve(session.token, day + 1)).toBeUndefined()
    expect(await sessions.resolve('x'.repeat(43), 0)).toBeUndefined()
    expect(await sessions.resolve('short', 0)).toBeUndefined()
  })
})
