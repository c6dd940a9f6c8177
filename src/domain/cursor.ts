import { z } from 'zod'
import { BadRequestError } from './errors.js'

/**
 * Where a list page ended: the last row's sort key and id. A keyset page continues
 * strictly after it, so rows added meanwhile never shift or repeat what follows.
 */
export interface Position<Key extends readonly unknown[]> {
  key: Key
  id: string
}

// Opaque to clients: base64url JSON of the list it belongs to, the key and the id.
export function encodeCursor(list: string, position: Position<readonly unknown[]>): string {
  const json = JSON.stringify({ l: list, k: position.key, i: position.id })
  return Buffer.from(json, 'utf8').toString('base64url')
}

const envelopeSchema = z.object({
  l: z.string(),
  k: z.array(z.unknown()).max(4),
  i: z.string().regex(/^[\w-]{1,64}$/),
})

const maxCursorLength = 512

/**
 * Reads a cursor made by `encodeCursor` for the same list, checking every part;
 * anything else (tampered, truncated, from another sort) is a 400.
 */
export function decodeCursor<Key extends readonly unknown[]>(
  list: string,
  keySchema: z.ZodType<Key>,
  cursor: string,
): Position<Key> {
  const invalid = () => new BadRequestError('error.cursor.invalid')
  if (cursor.length > maxCursorLength || !/^[\w-]+$/.test(cursor)) throw invalid()
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  const envelope = envelopeSchema.safeParse(parsed)
  if (!envelope.success || envelope.data.l !== list) throw invalid()
  const key = keySchema.safeParse(envelope.data.k)
  if (!key.success) throw invalid()
  return { key: key.data, id: envelope.data.i }
}
