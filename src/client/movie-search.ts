// Live film search: results follow the typing without a reload, and the arrow keys
// move between the search box and the results. Without this script the same form
// is an ordinary GET that renders the same results.

const debounceMs = 250

export function enhanceMovieSearch() {
  const form = document.querySelector<HTMLFormElement>('form[data-live-search]')
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]')
  const results = document.getElementById('search-results')
  const announcer = document.getElementById('search-announcer')
  if (!form || !input || !results || !announcer) return

  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined
  let shown = input.value.trim()

  const update = async () => {
    const query = input.value.trim()
    if (query === shown) return
    inFlight?.abort()
    const controller = new AbortController()
    inFlight = controller
    results.setAttribute('aria-busy', 'true')
    try {
      const response = await fetch(`/movies/search/results?q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
        headers: { Accept: 'text/html' },
      })
      // 502–504 bring the catalog's message as a fragment; anything else is not ours to show.
      if (!response.ok && response.status < 502)
        throw new Error(`search failed: ${response.status}`)
      const fragment = document.createElement('template')
      fragment.innerHTML = await response.text()
      results.replaceChildren(fragment.content)
      shown = query
      const status = results.querySelector('[data-search-status]')?.textContent ?? ''
      announcer.textContent = status.trim()
      const url = query ? `/movies/search?q=${encodeURIComponent(query)}` : '/movies/search'
      history.replaceState(null, '', url)
    } catch (error) {
      // A newer search took over, or the network failed: the old results stay.
      if ((error as Error).name !== 'AbortError') shown = ''
    } finally {
      if (inFlight === controller) results.removeAttribute('aria-busy')
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(update, debounceMs)
  })

  const links = () => Array.from(results.querySelectorAll<HTMLAnchorElement>('a.movie-result'))

  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return
    const first = links()[0]
    if (!first) return
    event.preventDefault()
    first.focus()
  })

  // Enter on a focused result follows its link, as links do.
  results.addEventListener('keydown', (event) => {
    const all = links()
    const index = all.indexOf(event.target as HTMLAnchorElement)
    if (index < 0) return
    const target =
      event.key === 'ArrowDown'
        ? all[Math.min(index + 1, all.length - 1)]
        : event.key === 'ArrowUp'
          ? (all[index - 1] ?? input)
          : event.key === 'Escape'
            ? input
            : undefined
    if (!target) return
    event.preventDefault()
    target.focus()
  })
}
