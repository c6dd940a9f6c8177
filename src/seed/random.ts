/** A small seeded generator (mulberry32), so that a seed of the same size reads the same. */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Standard normal, by Box–Muller. */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  /** Pareto with minimum 1: most values small, a few very large. */
  pareto(alpha: number): number {
    return (1 - this.next()) ** (-1 / alpha)
  }
}

/**
 * Splits `total` into `weights.length` integers in proportion to the weights, none
 * above `cap`; what the cap cuts off goes to the others.
 */
export function apportion(weights: number[], total: number, cap: number): number[] {
  const counts = new Array<number>(weights.length).fill(0)
  let remaining = Math.min(total, cap * weights.length)
  let open = weights.map((_, index) => index)
  while (remaining > 0 && open.length > 0) {
    const sum = open.reduce((acc, index) => acc + (weights[index] ?? 0), 0)
    let given = 0
    for (const index of open) {
      const share = Math.floor((remaining * (weights[index] ?? 0)) / sum)
      const room = cap - (counts[index] ?? 0)
      const add = Math.min(share, room)
      counts[index] = (counts[index] ?? 0) + add
      given += add
    }
    remaining -= given
    open = open.filter((index) => (counts[index] ?? 0) < cap)
    if (given === 0) {
      // Rounding left a few over: one each to the heaviest open ones.
      open.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0))
      for (const index of open.slice(0, remaining)) counts[index] = (counts[index] ?? 0) + 1
      break
    }
  }
  return counts
}

/**
 * `count` distinct indexes drawn without replacement, each in proportion to its
 * weight (Efraimidis–Spirakis keys for large draws, rejection for small ones).
 */
export function weightedSample(
  random: Random,
  cumulative: Float64Array,
  weights: Float64Array,
  count: number,
): number[] {
  const size = weights.length
  if (count * 8 < size) {
    const chosen = new Set<number>()
    const total = cumulative[size - 1] ?? 0
    while (chosen.size < count) chosen.add(lowerBound(cumulative, random.next() * total))
    return [...chosen]
  }
  const keys = new Float64Array(size)
  for (let i = 0; i < size; i++) keys[i] = Math.log(1 - random.next()) / (weights[i] ?? 1)
  const order = Array.from({ length: size }, (_, i) => i)
  order.sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0))
  return order.slice(0, count)
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((sorted[mid] ?? 0) < value) low = mid + 1
    else high = mid
  }
  return low
}
