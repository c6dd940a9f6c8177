import { describe, expect, it } from 'vitest'
import { html, trusted } from './html.js'

describe('html', () => {
  it('escapes every interpolated string', () => {
    const name = '<script>alert("x")</script>&\''
    expect(String(html`<p title="${name}">${name}</p>`)).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    )
  })

  it('keeps nested markup and joins arrays, skipping empty values', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`)
    const out = html`<ul>${items}${null}${false}${undefined}</ul>${trusted('<hr>')}${3}`
    expect(String(out)).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>3')
  })
})
