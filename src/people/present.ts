import { z } from '@hono/zod-openapi'
import { ageOn } from '../accounts/age.js'
import type { PersonRow } from './repository.js'

export const personSchema = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    profileUrl: z.string().nullable(),
    age: z.number().int().optional().openapi({ description: 'Only when the person shows it.' }),
    ratingCount: z.number().int(),
    followingCount: z.number().int(),
    followerCount: z.number().int(),
    isFollowing: z
      .boolean()
      .optional()
      .openapi({ description: 'Whether the caller follows them; only for a logged-in caller.' }),
  })
  .openapi('Person')

export type Person = z.infer<typeof personSchema>

export interface Viewer {
  id: string
  following: Set<string>
}

/** A person for anyone to see: never the birthdate, the age only when they show it. */
export function presentPerson(person: PersonRow, today: string, viewer: Viewer | null): Person {
  return {
    handle: person.handle,
    displayName: person.displayName,
    profileUrl: person.profileUrl,
    ...(person.showAge && person.birthdate ? { age: ageOn(person.birthdate, today) } : {}),
    ratingCount: person.ratingCount,
    followingCount: person.followingCount,
    followerCount: person.followerCount,
    ...(viewer ? { isFollowing: viewer.following.has(person.id) } : {}),
  }
}
