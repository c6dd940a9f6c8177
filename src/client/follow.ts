// Follow buttons switch at once: the form is sent through the API instead of a page
// load, and flipped in place. Without JavaScript the form posts and comes back.

export function enhanceFollowButtons(root: ParentNode = document) {
  for (const form of root.querySelectorAll<HTMLFormElement>('form[data-follow]')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      void toggle(form)
    })
  }
}

async function toggle(form: HTMLFormElement) {
  const button = form.querySelector<HTMLButtonElement>('button')
  if (!button || button.disabled) return
  const handle = form.dataset.follow ?? ''
  const isFollowing = form.dataset.following === 'true'
  button.disabled = true
  try {
    const response = await fetch(`/api/v1/me/following/${encodeURIComponent(handle)}`, {
      method: isFollowing ? 'DELETE' : 'PUT',
      credentials: 'same-origin',
    })
    if (response.status === 401) {
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`)
      return
    }
    if (!response.ok) throw new Error(String(response.status))
    render(form, button, !isFollowing)
  } catch {
    form.submit()
  } finally {
    button.disabled = false
  }
}

function render(form: HTMLFormElement, button: HTMLButtonElement, isFollowing: boolean) {
  const handle = form.dataset.follow ?? ''
  form.dataset.following = String(isFollowing)
  form.action = `/users/${handle}/${isFollowing ? 'unfollow' : 'follow'}`
  button.textContent =
    (isFollowing ? button.dataset.labelUnfollow : button.dataset.labelFollow) ?? ''
  const label = isFollowing ? button.dataset.ariaUnfollow : button.dataset.ariaFollow
  if (label) button.setAttribute('aria-label', label)
  button.classList.toggle('btn-primary', !isFollowing)
  button.classList.toggle('btn-outline-secondary', isFollowing)
}
