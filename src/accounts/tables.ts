import type { Generated } from 'kysely'

export interface UserTable {
  id: string
  handle: string
  /** The handle lower-cased: what uniqueness and look-ups use. */
  handle_key: string
  email: string
  /** The email lower-cased and trimmed. */
  email_key: string
  display_name: string
  password_hash: string
  birthdate: string | null
  show_age: number
  profile_url: string | null
  locale: string | null
  /** How many films the person has rated, kept by the ratings feature. */
  rating_count: Generated<number>
  /** Kept by the people feature. */
  following_count: Generated<number>
  follower_count: Generated<number>
  /** Handle and display name, NFKC-normalised and lower-cased, for people search. */
  search_text: string
  /** The last time the person rated something (their sign-up time before that). */
  last_active_at: number
  /**
   * Moves with every change to what the person's list page shows (their ratings,
   * profile, follow counts, a rated film's details): cached pages are checked against it.
   */
  list_version: Generated<number>
  created_at: number
  updated_at: number
}

export interface SessionTable {
  /** SHA-256 of the cookie's secret, base64url: the secret itself is never stored. */
  id_hash: string
  user_id: string
  created_at: number
  expires_at: number
}

export interface AccountTables {
  users: UserTable
  sessions: SessionTable
}
