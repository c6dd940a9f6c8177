/**
 * Results of pure work, kept by their inputs so that work asked for again and again is
 * done once: the pieces of a list's cards, the encoding a client accepts. Past
 * `max` entries the memo starts again empty, which keeps it bounded without the
 * bookkeeping of an LRU. It never holds anything that could go stale: a key holds every
 * input of the work, or the caller checks the entry against them.
 */
export class Memo<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key)
  }

  set(key: K, value: V): V {
    if (this.entries.size >= this.max) this.entries.clear()
    this.entries.set(key, value)
    return value
  }

  /** The kept result for `key`, made (and kept) first if need be. */
  of(key: K, make: (key: K) => V): V {
    const kept = this.entries.get(key)
    return kept !== undefined ? kept : this.set(key, make(key))
  }
}
