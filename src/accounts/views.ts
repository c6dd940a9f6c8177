import type { FormFailure } from '../http/forms.js'
import { errorSummary, field, successNotice } from '../views/forms.js'
import { type Html, html } from '../views/html.js'
import type { PageContext } from '../views/page.js'
import { handlePattern } from './schemas.js'
import type { User } from './users.js'

type Values = Record<string, string | undefined>

export function signupView(page: PageContext, values: Values, failure?: FormFailure): Html {
  const { t } = page
  const errors = failure?.fields ?? {}
  return html`<div class="form-narrow form-panel mx-auto">
<h1 class="h3 fw-bold mb-2">${t('accounts.signup.title')}</h1>
<p class="text-body-secondary mb-4">${t('accounts.signup.intro')}</p>
${errorSummary(failure?.summary)}
<form method="post" action="/signup" novalidate>
${field({ name: 'handle', label: t('accounts.handle.label'), value: values.handle, error: errors.handle, hint: t('accounts.handle.hint'), autocomplete: 'username', required: true, maxlength: 20, pattern: handlePattern, autofocus: !failure })}
${field({ name: 'displayName', label: t('accounts.displayName.label'), value: values.displayName, error: errors.displayName, hint: t('accounts.displayName.hint'), autocomplete: 'nickname', required: true, maxlength: 50 })}
${field({ name: 'email', label: t('accounts.email.label'), type: 'email', value: values.email, error: errors.email, autocomplete: 'email', required: true, maxlength: 254 })}
${field({ name: 'password', label: t('accounts.password.label'), type: 'password', error: errors.password, hint: t('accounts.password.hint'), autocomplete: 'new-password', required: true, minlength: 8, maxlength: 128 })}
${field({ name: 'birthdate', label: t('accounts.birthdate.label'), type: 'date', value: values.birthdate, error: errors.birthdate, hint: t('accounts.birthdate.hint'), autocomplete: 'bday', optionalLabel: t('form.optional') })}
<button type="submit" class="btn btn-primary w-100 py-2">${t('accounts.signup.submit')}</button>
</form>
<p class="form-panel-footer">${t('accounts.signup.haveAccount')} <a href="/login">${t('nav.login')}</a></p>
</div>`
}

export function loginView(
  page: PageContext,
  values: Values,
  next: string,
  failure?: FormFailure,
  notice?: string,
): Html {
  const { t } = page
  const action = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`
  return html`<div class="form-narrow form-panel mx-auto">
<h1 class="h3 fw-bold mb-4">${t('accounts.login.title')}</h1>
${notice ? html`<div class="alert alert-info" role="status">${notice}</div>` : ''}
${errorSummary(failure?.summary)}
<form method="post" action="${action}" novalidate>
${field({ name: 'login', label: t('accounts.login.label'), value: values.login, error: failure?.fields.login, autocomplete: 'username', required: true, maxlength: 254, autofocus: true })}
${field({ name: 'password', label: t('accounts.password.label'), type: 'password', error: failure?.fields.password, autocomplete: 'current-password', required: true })}
<button type="submit" class="btn btn-primary w-100 py-2">${t('accounts.login.submit')}</button>
</form>
<p class="form-panel-footer">${t('accounts.login.noAccount')} <a href="/signup">${t('nav.signup')}</a></p>
</div>`
}

export type SettingsSection = 'profile' | 'password' | 'delete'

export interface SettingsState {
  /** The section that was just submitted, with its outcome. */
  section?: SettingsSection
  failure?: FormFailure
  notice?: string
  values?: Values
}

export function settingsView(page: PageContext, user: User, state: SettingsState = {}): Html {
  const { t } = page
  const failureOf = (section: SettingsSection) =>
    state.section === section ? state.failure : undefined
  return html`<div class="settings mx-auto">
<h1 class="h3 fw-bold mb-1">${t('accounts.settings.title')}</h1>
<p class="text-body-secondary mb-4">${t('accounts.settings.handle', { handle: user.handle })}</p>
${state.section ? '' : successNotice(state.notice)}
${profileSection(page, user, state, failureOf('profile'))}
${passwordSection(page, state, failureOf('password'))}
${deleteSection(page, failureOf('delete'))}
</div>`
}

function profileSection(
  page: PageContext,
  user: User,
  state: SettingsState,
  failure?: FormFailure,
) {
  const { t } = page
  const errors = failure?.fields ?? {}
  const values: Values = failure
    ? (state.values ?? {})
    : {
        displayName: user.displayName,
        profileUrl: user.profileUrl ?? '',
        birthdate: user.birthdate ?? '',
        showAge: user.showAge ? 'on' : undefined,
        locale: user.locale ?? '',
      }
  const localeOption = (value: string, label: string) =>
    html`<option value="${value}"${values.locale === value ? html` selected` : ''}>${label}</option>`
  return html`<section class="form-section card card-body" aria-labelledby="settings-profile">
<h2 class="h5 mb-3" id="settings-profile">${t('accounts.settings.profile')}</h2>
${state.section === 'profile' ? successNotice(state.notice) : ''}
${errorSummary(failure?.summary)}
<form method="post" action="/settings/profile" novalidate>
${field({ name: 'displayName', label: t('accounts.displayName.label'), value: values.displayName, error: errors.displayName, hint: t('accounts.displayName.hint'), autocomplete: 'nickname', required: true, maxlength: 50 })}
${field({ name: 'profileUrl', label: t('accounts.profileUrl.label'), type: 'url', value: values.profileUrl, error: errors.profileUrl, hint: t('accounts.profileUrl.hint'), autocomplete: 'url', maxlength: 300, optionalLabel: t('form.optional'), inputmode: 'url' })}
${field({ name: 'birthdate', label: t('accounts.birthdate.label'), type: 'date', value: values.birthdate, error: errors.birthdate, hint: t('accounts.birthdate.hint'), autocomplete: 'bday', optionalLabel: t('form.optional') })}
<div class="form-check mb-3">
<input class="form-check-input" type="checkbox" id="showAge" name="showAge"${values.showAge ? html` checked` : ''}>
<label class="form-check-label" for="showAge">${t('accounts.showAge.label')}</label>
</div>
<div class="mb-3">
<label class="form-label" for="locale">${t('accounts.locale.label')}</label>
<select class="form-select" id="locale" name="locale">
${localeOption('', t('accounts.locale.auto'))}
${localeOption('ja', t('language.ja'))}
${localeOption('en', t('language.en'))}
</select>
</div>
<button type="submit" class="btn btn-primary">${t('accounts.settings.save')}</button>
</form>
</section>`
}

function passwordSection(page: PageContext, state: SettingsState, failure?: FormFailure) {
  const { t } = page
  const errors = failure?.fields ?? {}
  return html`<section class="form-section card card-body" aria-labelledby="settings-password">
<h2 class="h5 mb-3" id="settings-password">${t('accounts.settings.password')}</h2>
${state.section === 'password' ? successNotice(state.notice) : ''}
${errorSummary(failure?.summary)}
<form method="post" action="/settings/password" novalidate>
${field({ name: 'currentPassword', label: t('accounts.settings.currentPassword'), type: 'password', error: errors.currentPassword, autocomplete: 'current-password', required: true })}
${field({ name: 'newPassword', label: t('accounts.settings.newPassword'), type: 'password', error: errors.newPassword, hint: t('accounts.settings.newPasswordHint'), autocomplete: 'new-password', required: true, minlength: 8, maxlength: 128 })}
<button type="submit" class="btn btn-primary">${t('accounts.settings.changePassword')}</button>
</form>
</section>`
}

function deleteSection(page: PageContext, failure?: FormFailure) {
  const { t } = page
  return html`<section class="form-section card card-body border-danger-subtle" aria-labelledby="settings-delete">
<h2 class="h5 mb-2 text-danger-emphasis" id="settings-delete">${t('accounts.settings.delete')}</h2>
<p>${t('accounts.settings.deleteWarning')}</p>
${errorSummary(failure?.summary)}
<form method="post" action="/settings/delete" data-confirm="${t('accounts.settings.deleteConfirm')}" novalidate>
${field({ name: 'password', id: 'deletePassword', label: t('accounts.settings.deleteConfirmLabel'), type: 'password', error: failure?.fields.password, autocomplete: 'current-password', required: true })}
<button type="submit" class="btn btn-outline-danger">${t('accounts.settings.deleteSubmit')}</button>
</form>
</section>`
}
