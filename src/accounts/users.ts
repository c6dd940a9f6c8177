import { type Selectable, sql } from 'kysely'
import type { Db } from '../db/database.js'
import { newId } from '../db/ids.js'
import { isLocale, type Locale } from '../i18n/locale.js'
import type { UserTable } from './tables.js'

export interface User {
  id: string
  handle: string
  email: string
  displayName: string
  birthdate: string | null
  showAge: boolean
  profileUrl: string | null
  locale: Locale | null
  createdAt: number
  updatedAt: number
}

export interface UserWithPassword extends User {
  passwordHash: string
}

export function toUser(row: Selectable<UserTable>): UserWithPassword {
  return {
    id: row.id,
    handle: row.handle,
    email: row.email,
    displayName: row.display_name,
    birthdate: row.birthdate,
    showAge: row.show_age === 1,
    profileUrl: row.profile_url,
    locale: isLocale(row.locale) ? row.locale : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordHash: row.password_hash,
  }
}

export const handleKey = (handle: string) => handle.toLowerCase()

/** Text folded for search: NFKC (so full-width `ＤＡＮＶ` is `danv`) and lower case. */
export const foldForSearch = (text: string) => text.normalize('NFKC').toLowerCase()

export const searchText = (handle: string, displayName: string) =>
  foldForSearch(`${handle} ${displayName}`)
export const emailKey = (email: string) => email.trim().toLowerCase()

export interface NewUser {
  handle: string
  email: string
  displayName: string
  passwordHash: string
  birthdate: string | null
  locale: Locale | null
}

export interface ProfileChanges {
  displayName?: string
  profileUrl?: string | null
  birthdate?: string | null
  showAge?: boolean
  locale?: Locale | null
}

/** Queries on the users table; the rules live in the accounts service. */
export class UserRepository {
  constructor(private readonly db: Db) {}

  async insert(user: NewUser, now: number): Promise<UserWithPassword> {
    const row = {
      id: newId(),
      handle: user.handle,
      handle_key: handleKey(user.handle),
      email: user.email.trim(),
      email_key: emailKey(user.email),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      birthdate: user.birthdate,
      show_age: 0,
      profile_url: null,
      locale: user.locale,
      rating_count: 0,
      following_count: 0,
      follower_count: 0,
      search_text: searchText(user.handle, user.displayName),
      last_active_at: now,
      list_version: 0,
      created_at: now,
      updated_at: now,
    }
    await this.db.insertInto('users').values(row).execute()
    return toUser(row)
  }

  async findById(id: string): Promise<UserWithPassword | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    return row && toUser(row)
  }

  async findByHandle(handle: string): Promise<UserWithPassword | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('handle_key', '=', handleKey(handle))
      .executeTakeFirst()
    return row && toUser(row)
  }

  /** A log-in names a handle or an email: an `@` tells which. */
  async findByLogin(login: string): Promise<UserWithPassword | undefined> {
    const column = login.includes('@') ? 'email_key' : 'handle_key'
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where(column, '=', login.trim().toLowerCase())
      .executeTakeFirst()
    return row && toUser(row)
  }

  async isHandleTaken(handle: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('users')
      .select('id')
      .where('handle_key', '=', handleKey(handle))
      .executeTakeFirst()
    return row !== undefined
  }

  async isEmailTaken(email: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('users')
      .select('id')
      .where('email_key', '=', emailKey(email))
      .executeTakeFirst()
    return row !== undefined
  }

  async updateProfile(id: string, changes: ProfileChanges, now: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        display_name: changes.displayName,
        search_text:
          changes.displayName === undefined
            ? undefined
            : sql<string>`handle_key || ' ' || ${foldForSearch(changes.displayName)}`,
        profile_url: changes.profileUrl,
        birthdate: changes.birthdate,
        show_age: changes.showAge === undefined ? undefined : changes.showAge ? 1 : 0,
        locale: changes.locale,
        list_version: sql<number>`list_version + 1`,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
  }

  async updatePasswordHash(id: string, passwordHash: string, now: number): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', id)
      .execute()
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('users').where('id', '=', id).execute()
  }
}
