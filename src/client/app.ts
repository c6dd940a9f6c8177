// The one client script: small enhancements on top of pages that work without it.
// Bootstrap's collapse wires the navbar toggler through its data attributes.
import 'bootstrap/js/dist/collapse'
import { enhanceFollowButtons } from './follow.js'
import { enhanceMovieSearch } from './movie-search.js'

document.documentElement.classList.remove('no-js')

// Forms that ask before doing something that cannot be undone.
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm ?? '')) event.preventDefault()
  })
}

enhanceFollowButtons()
enhanceMovieSearch()
