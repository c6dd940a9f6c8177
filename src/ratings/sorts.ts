import { z } from 'zod'
import { decodeCursor, encodeCursor, type Position } from '../domain/cursor.js'

export const ratingSorts = ['registered', 'score', 'release'] as const
export type RatingSort = (typeof ratingSorts)[number]

export const sortOrders = ['desc', 'asc'] as const
export type SortOrder = (typeof sortOrders)[number]

/** Every sort starts with its best-known end: newest, highest, most recent release. */
export const defaultOrder: SortOrder = 'desc'
export const defaultSort: RatingSort = 'registered'

/** What a position in a list is made of, past the id that breaks every tie. */
export type SortKey = readonly (string | number)[]
export type ListPosition = Position<SortKey>

const epochMs = z.number().int().min(0).max(8.64e15)
const score = z.number().int().min(0).max(100)
/** A release date, or `''` for a film whose release date is unknown. */
const releaseKey = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])

/**
 * The key of each sort, before the id: ties on score or release date fall back to the
 * registration time, then the id, so every order is total and stable.
 */
const keySchemas = {
  registered: z.tuple([epochMs]),
  score: z.tuple([score, epochMs]),
  release: z.tuple([releaseKey, epochMs]),
} satisfies Record<RatingSort, z.ZodType<SortKey>>

export interface SortableRating {
  id: string
  score: number
  createdAt: number
  releaseKey: string
}

export function positionOf(sort: RatingSort, rating: SortableRating): ListPosition {
  const key: SortKey =
    sort === 'registered'
      ? [rating.createdAt]
      : sort === 'score'
        ? [rating.score, rating.createdAt]
        : [rating.releaseKey, rating.createdAt]
  return { key, id: rating.id }
}

const listName = (sort: RatingSort, order: SortOrder) => `${sort}.${order}`

export function encodeListCursor(sort: RatingSort, order: SortOrder, last: SortableRating) {
  return encodeCursor(listName(sort, order), positionOf(sort, last))
}

export function decodeListCursor(sort: RatingSort, order: SortOrder, cursor: string) {
  return decodeCursor<SortKey>(listName(sort, order), keySchemas[sort], cursor)
}

// A film's raters, newest first: the key is the registration time.
const ratersKey = z.tuple([epochMs])

export const encodeRatersCursor = (last: { id: string; createdAt: number }) =>
  encodeCursor('raters', { key: [last.createdAt], id: last.id })

export const decodeRatersCursor = (cursor: string): ListPosition =>
  decodeCursor<SortKey>('raters', ratersKey, cursor)
