import { z } from '@hono/zod-openapi'
import { ageOn } from './age.js'
import type { User } from './users.js'

/** The caller's own account, as the API shows it to them and no one else. */
export const ownAccountSchema = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    email: z.string(),
    profileUrl: z.string().nullable(),
    birthdate: z.string().nullable(),
    showAge: z.boolean(),
    age: z.number().int().optional(),
    locale: z.enum(['ja', 'en']).nullable(),
    createdAt: z.string(),
  })
  .openapi('OwnAccount')

export type OwnAccount = z.infer<typeof ownAccountSchema>

export function presentOwnAccount(user: User, today: string): OwnAccount {
  return {
    handle: user.handle,
    displayName: user.displayName,
    email: user.email,
    profileUrl: user.profileUrl,
    birthdate: user.birthdate,
    showAge: user.showAge,
    ...(user.showAge && user.birthdate ? { age: ageOn(user.birthdate, today) } : {}),
    locale: user.locale,
    createdAt: new Date(user.createdAt).toISOString(),
  }
}

let day = { text: '', endsAt: 0 }

/** Today's date in UTC, `YYYY-MM-DD`: worked out once a day, as every list page asks. */
export function today(): string {
  const now = Date.now()
  if (now >= day.endsAt) {
    const text = new Date(now).toISOString().slice(0, 10)
    day = { text, endsAt: Date.parse(text) + 86_400_000 }
  }
  return day.text
}
