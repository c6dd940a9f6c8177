// Ratings: the score slider and number field kept in step with the stars, and the
// list's "more" link loading the next page in place. Both work as plain forms and
// links without this script.
import { starFillWidth } from '../ratings/star-geometry.js'

const asScore = (text: string) =>
  /^\d{1,3}$/.test(text) && Number(text) <= 100 ? Number(text) : null

export function enhanceScoreControls(root: ParentNode = document) {
  for (const control of root.querySelectorAll<HTMLElement>('[data-score-control]')) {
    const slider = control.querySelector<HTMLInputElement>('[data-score-slider]')
    const number = control.querySelector<HTMLInputElement>('[data-score-number]')
    const fill = control.querySelector('.stars-fill')
    const text = control.querySelector('[data-score-text]')
    if (!slider || !number || !fill || !text) continue

    const show = (score: number | null) => {
      fill.setAttribute('width', String(starFillWidth(score ?? 0)))
      text.textContent = score === null ? '–' : String(score)
      control.classList.toggle('is-unset', score === null)
    }
    slider.addEventListener('input', () => {
      number.value = slider.value
      number.classList.remove('is-invalid')
      show(Number(slider.value))
    })
    number.addEventListener('input', () => {
      const score = asScore(number.value.trim())
      if (score !== null) slider.value = String(score)
      show(score)
    })
  }
}

let loadedPages = 0

/** "Show more films" appends the next page, joining a group that continues across it. */
export function enhanceListMore() {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-list-more]')
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return
    event.preventDefault()
    void loadMore(link)
  })
}

async function loadMore(link: HTMLAnchorElement) {
  if (link.getAttribute('aria-disabled') === 'true') return
  link.setAttribute('aria-disabled', 'true')
  try {
    const response = await fetch(link.href, { credentials: 'same-origin' })
    if (!response.ok) throw new Error(String(response.status))
    const next = new DOMParser().parseFromString(await response.text(), 'text/html')
    const firstNew = appendGroups(link.closest('.list-more'), next)
    const nextMore = next.querySelector('.list-more')
    const here = link.closest('.list-more')
    if (nextMore) here?.replaceWith(document.importNode(nextMore, true))
    else here?.remove()
    firstNew?.focus()
  } catch {
    window.location.assign(link.href)
  }
}

function appendGroups(before: Element | null, next: Document): HTMLElement | null {
  loadedPages += 1
  let firstNew: HTMLElement | null = null
  for (const [index, group] of next.querySelectorAll<HTMLElement>('.rating-group').entries()) {
    const groups = document.querySelectorAll<HTMLElement>('.rating-group')
    const last = groups[groups.length - 1]
    const cards = [...group.querySelectorAll('.rating-card')].map((card) =>
      document.importNode(card, true),
    )
    firstNew ??= cards[0]?.querySelector<HTMLElement>('.rating-card-title a') ?? null
    if (last && last.dataset.group === group.dataset.group) {
      last.querySelector('.rating-grid')?.append(...cards)
      continue
    }
    const section = document.importNode(group, true)
    const heading = section.querySelector('h2')
    const id = `group-more-${loadedPages}-${index}`
    heading?.setAttribute('id', id)
    section.setAttribute('aria-labelledby', id)
    section.querySelector('.rating-grid')?.replaceChildren(...cards)
    before?.before(section)
  }
  return firstNew
}
