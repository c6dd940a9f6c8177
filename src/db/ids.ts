import { randomBytes } from 'node:crypto'

/** A new record id: 96 random bits, URL-safe, made by the app and never by a sequence. */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}
