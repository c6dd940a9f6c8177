import { z } from 'zod'
import { decodeCursor, encodeCursor } from '../domain/cursor.js'
import type { FeedItem, FeedRepository } from './repository.js'

export const feedPageSize = 20

const keySchema = z.tuple([z.number().int().min(0)])

export interface FeedPage {
  items: FeedItem[]
  nextCursor: string | null
}

/** What the people someone follows rated lately, a page at a time. */
export class FeedService {
  constructor(private readonly feed: FeedRepository) {}

  async page(userId: string, cursor?: string, limit = feedPageSize): Promise<FeedPage> {
    const position = cursor ? decodeCursor<[number]>('feed', keySchema, cursor) : null
    const after = position ? { createdAt: position.key[0], id: position.id } : null
    const rows = await this.feed.page(userId, after, limit + 1)
    const items = rows.slice(0, limit)
    const last = items.at(-1)
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor('feed', { key: [last.createdAt], id: last.id })
        : null
    return { items, nextCursor }
  }
}
