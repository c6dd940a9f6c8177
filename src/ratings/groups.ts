/** The band a score is listed under: 90–100, 80–89, … 0–9. */
export function scoreBand(score: number): { from: number; to: number } {
  if (score >= 90) return { from: 90, to: 100 }
  const from = Math.floor(score / 10) * 10
  return { from, to: from + 9 }
}

/** Films from before 1930 share one group, the 1920s and earlier. */
export const earliestDecade = 1920

export type DecadeGroup = { kind: 'decade'; decade: number } | { kind: 'undated' }

/** The decade a release date (`YYYY-MM-DD`, or `''` when unknown) is listed under. */
export function decadeOf(releaseKey: string): DecadeGroup {
  const year = Number(releaseKey.slice(0, 4))
  if (!releaseKey || !Number.isInteger(year)) return { kind: 'undated' }
  return { kind: 'decade', decade: Math.max(earliestDecade, Math.floor(year / 10) * 10) }
}

export interface Group<T> {
  key: string
  items: T[]
}

/** Splits a sorted list into runs of items that share a key, keeping their order. */
export function groupRuns<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups: Group<T>[] = []
  for (const item of items) {
    const key = keyOf(item)
    const last = groups.at(-1)
    if (last && last.key === key) last.items.push(item)
    else groups.push({ key, items: [item] })
  }
  return groups
}
