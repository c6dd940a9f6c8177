// The five-star bar's drawing, shared by the server's markup and the client script
// that moves it with the slider. No imports: the client bundles this file.

/** Each star sits in a 24-unit cell; the shape spans 19 units of it, from 2.5. */
const cell = 24
const inset = 2.5
const span = 19
const points = 20

export const starsViewBox = `0 0 ${cell * 5} ${cell}`

// One star drawn with relative moves, so the same text repeats four cells along.
const star = 'l2.9 6 6.6.8-4.9 4.5 1.3 6.5-5.9-3.3-5.9 3.3 1.3-6.5-4.9-4.5 6.6-.8z'
export const starsPath = `M12 2.5${star}${`m${cell} 0${star}`.repeat(4)}`

/**
 * How much of the bar's width to fill for a score: 20 points a star, a partial star
 * filled in proportion across its visible shape rather than its whole cell.
 */
export function starFillWidth(score: number): number {
  const clamped = Math.min(100, Math.max(0, score))
  const whole = Math.floor(clamped / points)
  const part = (clamped % points) / points
  const width = whole * cell + (part > 0 ? inset + span * part : 0)
  return Math.round(width * 100) / 100
}
