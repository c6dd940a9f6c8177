import { Memo } from '../domain/memo.js'
import type { Translate } from '../i18n/translate.js'
import { flat, type Html, html, trusted } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { starFillWidth, starsPath, starsViewBox } from './star-geometry.js'
import { messageTemplate } from './templates.js'

// The five stars' outline is drawn once per page (`starsSprite`, in the layout) and
// referenced by each bar: a list of 48 cards would otherwise repeat it 96 times.
const track = trusted('<use class="stars-track" href="#stars-shape"/>')
const fill = trusted('<use href="#stars-shape"/>')

/** The shape every star bar on the page uses; invisible itself. */
export const starsSprite = trusted(
  `<svg class="stars-sprite" width="0" height="0" aria-hidden="true" focusable="false"><path id="stars-shape" d="${starsPath}"/></svg>`,
)

/**
 * The five-star bar for a score, as an inline SVG: the gold part is a nested viewport
 * whose `width` attribute clips it, so no inline style is needed (the CSP forbids them).
 * With a `label` it is an image with that text alternative ("87 out of 100");
 * without one it is decoration beside a score written out.
 */
export function starBar(score: number, label?: string): Html {
  const role = label ? html`role="img" aria-label="${label}"` : html`aria-hidden="true"`
  return html`<svg class="stars" viewBox="${starsViewBox}" width="120" height="24" ${role} focusable="false">${track}<svg class="stars-fill" width="${starFillWidth(score)}">${fill}</svg></svg>`
}

/**
 * A score as the product shows it everywhere: the star bar and a large `87/100`, read
 * out once as "87 out of 100". Made once per language, score and size.
 */
export function scoreBadge(page: Pick<PageContext, 't'>, score: number, size = ''): Html {
  let badges = badgesByLanguage.get(page.t)
  if (!badges) {
    badges = new Memo(1000)
    badgesByLanguage.set(page.t, badges)
  }
  return badges.of(`${size}|${score}`, () => {
    const label = messageTemplate(page.t, 'ratings.score.alt', 'score')(score)
    return flat(
      html`<span class="score-badge${size ? ` score-badge-${size}` : ''}">${starBar(score, label)}<span class="score-value" aria-hidden="true">${score}<span class="score-max">/100</span></span></span>`,
    )
  })
}

const badgesByLanguage = new WeakMap<Translate, Memo<string, Html>>()
