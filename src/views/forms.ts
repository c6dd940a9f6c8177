import { type Html, html } from './html.js'
import { icons } from './icons.js'

/** Messages by field name, already translated. */
export type FieldMessages = Partial<Record<string, string>>

export interface FieldOptions {
  name: string
  label: string
  value?: string | null
  type?: 'text' | 'email' | 'password' | 'date' | 'url'
  error?: string
  hint?: string
  autocomplete?: string
  required?: boolean
  maxlength?: number
  minlength?: number
  pattern?: string
  optionalLabel?: string
  inputmode?: string
  autofocus?: boolean
  /** Passed to the input as `id`; the field name otherwise. */
  id?: string
}

/** A labelled input with its hint and, when there is one, its error tied to it. */
export function field(options: FieldOptions): Html {
  const id = options.id ?? options.name
  const hintId = options.hint ? `${id}-hint` : null
  const errorId = options.error ? `${id}-error` : null
  const describedBy = [errorId, hintId].filter(Boolean).join(' ')
  return html`<div class="mb-3">
<label class="form-label" for="${id}">${options.label}${
    options.optionalLabel
      ? html` <span class="text-body-secondary small">(${options.optionalLabel})</span>`
      : ''
  }</label>
<input class="form-control${options.error ? ' is-invalid' : ''}" id="${id}" name="${options.name}" type="${options.type ?? 'text'}"${attr('value', options.value)}${attr('autocomplete', options.autocomplete)}${attr('maxlength', options.maxlength)}${attr('minlength', options.minlength)}${attr('pattern', options.pattern)}${attr('inputmode', options.inputmode)}${options.required ? html` required` : ''}${options.autofocus ? html` autofocus` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${options.error ? html` aria-invalid="true"` : ''}>
${options.error ? html`<div class="invalid-feedback" id="${errorId}">${options.error}</div>` : ''}
${options.hint ? html`<div class="form-text" id="${hintId}">${options.hint}</div>` : ''}
</div>`
}

function attr(name: string, value: string | number | null | undefined): Html | string {
  return value === undefined || value === null || value === '' ? '' : html` ${name}="${value}"`
}

/** The banner at the top of a form that failed: says what to do, read out at once. */
export function errorSummary(message: string | undefined): Html | string {
  if (!message) return ''
  return html`<div class="alert alert-danger d-flex gap-2 align-items-start" role="alert">${icons.alert}<div>${message}</div></div>`
}

/** A notice after something worked. */
export function successNotice(message: string | undefined): Html | string {
  if (!message) return ''
  return html`<div class="alert alert-success" role="status">${message}</div>`
}
