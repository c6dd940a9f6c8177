import type { Config } from '../config/env.js'
import type { Db } from '../db/database.js'
import { isUniqueViolation } from '../db/dialect.js'
import { UnauthorizedError, ValidationError } from '../domain/errors.js'
import type { Locale } from '../i18n/locale.js'
import type { RateLimiter } from '../limits/rate-limiter.js'
import {
  hashPassword,
  isCommonPassword,
  verifyAgainstNothing,
  verifyPassword,
} from './passwords.js'
import type { LoginInput, PasswordChangeInput, ProfileInput, SignupInput } from './schemas.js'
import type { NewSession, SessionStore } from './sessions.js'
import { type User, UserRepository, type UserWithPassword } from './users.js'

/**
 * Runs inside the deletion's transaction, before the person's row goes: a feature
 * that keeps counts over the person's data (ratings per film, followers) corrects
 * them here. The rows themselves go with the person through the foreign keys.
 */
export type AccountDeletionHook = (trx: Db, userId: string) => Promise<void>

export interface AccountsDeps {
  db: Db
  /** Called in order when an account is deleted; see `AccountDeletionHook`. */
  beforeDelete?: AccountDeletionHook[]
  users: UserRepository
  sessions: SessionStore
  limiter: RateLimiter
  limits: Config['limits']
  now?: () => number
}

export interface SignedIn {
  user: User
  session: NewSession
}

/** Signing up, logging in and looking after one's own account. */
export class AccountService {
  private readonly now: () => number

  constructor(private readonly deps: AccountsDeps) {
    this.now = deps.now ?? Date.now
  }

  async signup(input: SignupInput, address: string, locale: Locale): Promise<SignedIn> {
    const { users, limiter, limits } = this.deps
    await limiter.consume(`signup:address:${address}`, {
      max: limits.signupPerAddress,
      windowMs: limits.signupWindowMs,
    })
    await this.checkNewPassword(input.password, input.handle)
    // Hash first, so that a taken email costs the same time as a fresh one.
    const passwordHash = await hashPassword(input.password)
    if (await users.isHandleTaken(input.handle)) {
      throw new ValidationError([{ field: 'handle', messageKey: 'accounts.handle.taken' }])
    }
    if (await users.isEmailTaken(input.email)) throw emailUnavailable()

    let user: UserWithPassword
    try {
      const birthdate = input.birthdate ?? null
      const newUser = { ...input, birthdate, passwordHash, locale }
      user = await users.insert(newUser, this.now())
    } catch (error) {
      // Two sign-ups raced for the same handle or email.
      if (isUniqueViolation(error)) throw emailUnavailable()
      throw error
    }
    return { user, session: await this.deps.sessions.create(user.id, this.now()) }
  }

  /**
   * Logs in by handle or email. An unknown login and a wrong password get the same
   * answer in about the same time; failures count against the account and the address.
   */
  async login(input: LoginInput, address: string): Promise<SignedIn> {
    const { users, limiter, limits } = this.deps
    const window = limits.loginWindowMs
    const addressKey = `login:address:${address}`
    await limiter.check(addressKey, { max: limits.loginPerAddress, windowMs: window })
    const user = await users.findByLogin(input.login)
    const accountKey = `login:account:${user?.id ?? input.login.toLowerCase()}`
    await limiter.check(accountKey, { max: limits.loginPerAccount, windowMs: window })

    const isValid = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstNothing(input.password)
    if (!user || !isValid) {
      await limiter.hit(addressKey, { max: limits.loginPerAddress, windowMs: window })
      await limiter.hit(accountKey, { max: limits.loginPerAccount, windowMs: window })
      throw new UnauthorizedError('accounts.login.failed')
    }
    await limiter.reset(accountKey)
    return { user, session: await this.deps.sessions.create(user.id, this.now()) }
  }

  async logout(sessionHash: string): Promise<void> {
    await this.deps.sessions.revoke(sessionHash)
  }

  async updateProfile(userId: string, changes: ProfileInput): Promise<User> {
    await this.deps.users.updateProfile(userId, changes, this.now())
    return this.requireUser(userId)
  }

  /** Sets a new password and ends every other session of the person. */
  async changePassword(user: User, input: PasswordChangeInput, keepSession: string | null) {
    await this.checkCurrentPassword(user.id, input.currentPassword, 'currentPassword')
    await this.checkNewPassword(input.newPassword, user.handle, 'newPassword')
    const passwordHash = await hashPassword(input.newPassword)
    await this.deps.users.updatePasswordHash(user.id, passwordHash, this.now())
    await this.deps.sessions.revokeOthers(user.id, keepSession)
  }

  /** Removes the person and, through the database's cascades, all their data. */
  async deleteAccount(userId: string, password: string): Promise<void> {
    await this.checkCurrentPassword(userId, password, 'password')
    await this.deps.db.transaction().execute(async (trx) => {
      for (const hook of this.deps.beforeDelete ?? []) await hook(trx, userId)
      await new UserRepository(trx).delete(userId)
    })
  }

  async requireUser(userId: string): Promise<UserWithPassword> {
    const user = await this.deps.users.findById(userId)
    if (!user) throw new UnauthorizedError()
    return user
  }

  private async checkCurrentPassword(userId: string, password: string, field: string) {
    const user = await this.requireUser(userId)
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new ValidationError([{ field, messageKey: 'accounts.password.wrong' }])
    }
  }

  private async checkNewPassword(password: string, handle: string, field = 'password') {
    if (password.toLowerCase() === handle.toLowerCase() || (await isCommonPassword(password))) {
      throw new ValidationError([{ field, messageKey: 'accounts.password.common' }])
    }
  }
}

/**
 * Without email verification a taken email cannot be hidden entirely; the message
 * names no account and reads the same for a race on the handle.
 */
function emailUnavailable() {
  return new ValidationError([{ field: 'email', messageKey: 'accounts.signup.unavailable' }])
}
