/** A map that forgets its least recently used entries beyond a total size in bytes. */
export class LruBytes<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>()
  private total = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  /** The entry, without counting this as a use. */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value
  }

  set(key: string, value: V, bytes: number): void {
    this.delete(key)
    if (bytes > this.maxBytes) return
    this.entries.set(key, { value, bytes })
    this.total += bytes
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes) break
      this.entries.delete(oldest)
      this.total -= entry.bytes
    }
  }

  /** Counts more bytes against an entry (a compressed copy added to it). */
  grow(key: string, bytes: number): void {
    const entry = this.entries.get(key)
    if (!entry) return
    entry.bytes += bytes
    this.total += bytes
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.total -= entry.bytes
  }

  get size() {
    return { entries: this.entries.size, bytes: this.total }
  }
}
