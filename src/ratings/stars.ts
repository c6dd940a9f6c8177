import { type Html, html, trusted } from '../views/html.js'
import { starFillWidth, starsPath, starsViewBox } from './star-geometry.js'

const track = trusted(`<path class="stars-track" d="${starsPath}"/>`)
const fill = trusted(`<path d="${starsPath}"/>`)

/**
 * The five-star bar for a score, as an inline SVG: the gold part is a nested viewport
 * whose `width` attribute clips it, so no inline style is needed (the CSP forbids them).
 * `label` is its text alternative, e.g. "87 out of 100".
 */
export function starBar(score: number, label: string, extraClass = ''): Html {
  return html`<svg class="stars${extraClass ? ` ${extraClass}` : ''}" viewBox="${starsViewBox}" width="120" height="24" role="img" aria-label="${label}" focusable="false">${track}<svg class="stars-fill" width="${starFillWidth(score)}">${fill}</svg></svg>`
}
