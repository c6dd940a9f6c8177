// The one client script: small enhancements on top of pages that work without it.
// Bootstrap's collapse wires the navbar toggler through its data attributes.
import 'bootstrap/js/dist/collapse'
import { enhanceFollowButtons } from './follow.js'
import { enhanceMovieSearch } from './movie-search.js'
import { enhanceListMore, enhanceScoreControls } from './ratings.js'

document.documentElement.classList.remove('no-js')

// Forms that ask before doing something that cannot be undone.
// Listened to on the document, so that forms added later ask too. A form may carry a
// `confirmed` field, set here, so the server can ask itself when no script did.
document.addEventListener('submit', (event) => {
  const form = event.target
  if (!(form instanceof HTMLFormElement) || form.dataset.confirm === undefined) return
  if (!window.confirm(form.dataset.confirm)) event.preventDefault()
  else form.querySelector<HTMLInputElement>('input[name="confirmed"]')?.setAttribute('value', 'yes')
})

enhanceFollowButtons()
enhanceMovieSearch()
enhanceScoreControls()
enhanceListMore()
