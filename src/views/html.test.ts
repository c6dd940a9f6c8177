import { describe, expect, it } from 'vitest'
import { escapeHtml, html, trusted } from './html.js'

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

  it('flattens nested arrays, keeps markup inside them and writes numbers as they are', () => {
    const nested = [['<a>', html`<b>${'<c>'}</b>`], [[0, true]], -1.5]
    expect(String(html`<p>${nested}</p>`)).toBe('<p>&lt;a&gt;<b>&lt;c&gt;</b>0-1.5</p>')
  })

  it('treats markup as text once it is turned into a string', () => {
    const inner = html`<i>${'x'}</i>`
    expect(String(html`${String(inner)}|${inner}`)).toBe('&lt;i&gt;x&lt;/i&gt;|<i>x</i>')
  })

  it('leaves text without special characters untouched, Japanese included', () => {
    const text = '千と千尋の神隠し (2001) — 100/100'
    expect(escapeHtml(text)).toBe(text)
    expect(escapeHtml(`${text}&`)).toBe(`${text}&amp;`)
  })
})
