import { z } from 'zod'
import { decodeCursor, encodeCursor } from '../domain/cursor.js'
import { BadRequestError, NotFoundError } from '../domain/errors.js'
import type { FollowKey, PeopleRepository, PersonRow, SearchKey } from './repository.js'

export const pageSize = 24

export interface PersonPage {
  items: PersonRow[]
  nextCursor: string | null
  /** The ids among `items` that the viewer follows (empty for a visitor). */
  followed: Set<string>
}

const searchKeySchema = z.tuple([z.number().int().min(0).max(3), z.number().int()])
const followKeySchema = z.tuple([z.number().int()])

/** Finding people and following them. Counts move with each follow, once. */
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly now: () => number = Date.now,
  ) {}

  async search(query: string, cursor: string | undefined, viewerId: string | null) {
    const list = `people:${query.trim()}`
    const after = cursor ? decodeCursor<SearchKey>(list, searchKeySchema, cursor) : undefined
    const page = await this.people.search(query, pageSize, after)
    return this.finish(page, list, viewerId)
  }

  async follows(
    direction: 'following' | 'followers',
    handle: string,
    cursor: string | undefined,
    viewerId: string | null,
  ) {
    const person = await this.require(handle)
    const list = `${direction}:${person.id}`
    const after = cursor ? decodeCursor<FollowKey>(list, followKeySchema, cursor) : undefined
    const page = await this.people.follows(direction, person.id, pageSize, after)
    return { person, ...(await this.finish(page, list, viewerId)) }
  }

  async require(handle: string): Promise<PersonRow> {
    const person = await this.people.findByHandle(handle)
    if (!person) throw new NotFoundError('people.notFound')
    return person
  }

  /** Which of the given people the viewer follows. */
  async followedAmong(viewerId: string, personIds: string[]): Promise<Set<string>> {
    return this.people.followedAmong(viewerId, personIds)
  }

  async isFollowing(viewerId: string, personId: string): Promise<boolean> {
    return (await this.people.followedAmong(viewerId, [personId])).has(personId)
  }

  async follow(followerId: string, handle: string): Promise<PersonRow> {
    const person = await this.require(handle)
    if (person.id === followerId) throw new BadRequestError('people.followSelf')
    await this.people.follow(followerId, person.id, this.now())
    return person
  }

  async unfollow(followerId: string, handle: string): Promise<PersonRow> {
    const person = await this.require(handle)
    await this.people.unfollow(followerId, person.id)
    return person
  }

  private async finish<Key extends readonly unknown[]>(
    page: { items: { item: PersonRow; key: Key }[]; hasMore: boolean },
    list: string,
    viewerId: string | null,
  ): Promise<PersonPage> {
    const items = page.items.map((entry) => entry.item)
    const last = page.items.at(-1)
    const nextCursor =
      page.hasMore && last ? encodeCursor(list, { key: last.key, id: last.item.id }) : null
    const followed = viewerId
      ? await this.people.followedAmong(
          viewerId,
          items.map((item) => item.id),
        )
      : new Set<string>()
    return { items, nextCursor, followed }
  }
}
