import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/database.js'
import { toUser, type UserWithPassword } from './users.js'

const day = 24 * 60 * 60 * 1000

export interface NewSession {
  /** The secret for the cookie: 256 random bits. Only its hash is stored. */
  token: string
  hash: string
  expiresAt: number
}

export interface LiveSession {
  hash: string
  expiresAt: number
  /** True when this request extended the session: the cookie must be sent again. */
  isRenewed: boolean
  user: UserWithPassword
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/**
 * Sessions kept in the database, so that any app process can serve any request.
 * Expiry slides: a session used within its lifetime is extended, at most once a day.
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly lifetimeDays: number,
  ) {}

  get lifetimeMs(): number {
    return this.lifetimeDays * day
  }

  async create(userId: string, now: number): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url')
    const session = { token, hash: hashToken(token), expiresAt: now + this.lifetimeMs }
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: session.hash,
        user_id: userId,
        created_at: now,
        expires_at: session.expiresAt,
      })
      .execute()
    return session
  }

  /** The live session for a cookie's token, extended when a day of it has passed. */
  async resolve(token: string, now: number): Promise<LiveSession | undefined> {
    if (!/^[\w-]{43}$/.test(token)) return undefined
    const hash = hashToken(token)
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.expires_at as session_expires_at'])
      .where('sessions.id_hash', '=', hash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst()
    if (!row) return undefined

    let expiresAt = row.session_expires_at
    const isRenewed = expiresAt - now < this.lifetimeMs - day
    if (isRenewed) {
      expiresAt = now + this.lifetimeMs
      await this.db
        .updateTable('sessions')
        .set({ expires_at: expiresAt })
        .where('id_hash', '=', hash)
        .execute()
    }
    return { hash, expiresAt, isRenewed, user: toUser(row) }
  }

  async revoke(hash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', hash).execute()
  }

  /** Ends every session of a person but the one given. */
  async revokeOthers(userId: string, keepHash: string | null): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId)
    if (keepHash) query = query.where('id_hash', '!=', keepHash)
    await query.execute()
  }

  async pruneExpired(now: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
  }
}
