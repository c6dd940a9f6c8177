import { z } from '@hono/zod-openapi'
import { messageKey } from '../i18n/translate.js'
import { isValidDate } from './age.js'

// The rules for every account field, shared by the API and the forms.

export const handlePattern = '[A-Za-z0-9_]{3,20}'

const handleExpression = new RegExp(`^${handlePattern}$`)

/** Whether some account could have this handle: anything else is looked up in vain. */
export const isPossibleHandle = (text: string) => handleExpression.test(text)

export const handleSchema = z
  .string()
  .trim()
  .regex(handleExpression, { error: messageKey('accounts.handle.invalid') })

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: messageKey('accounts.email.invalid') }))

export const newPasswordSchema = z
  .string()
  .min(8, { error: messageKey('accounts.password.tooShort') })
  .max(128, { error: messageKey('accounts.password.tooLong') })

/** A password being checked: any length we are willing to hash. */
const givenPasswordSchema = z.string().min(1).max(1024)

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/

export const displayNameSchema = z
  .string()
  .transform((name) => name.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: messageKey('validation.required') })
      .max(50)
      .refine((name) => !controlCharacters.test(name), {
        error: messageKey('accounts.displayName.invalid'),
      }),
  )

export const birthdateSchema = z
  .string()
  .refine(isValidDate, { error: messageKey('accounts.birthdate.invalid') })
  .refine((date) => date >= '1900-01-01', { error: messageKey('accounts.birthdate.invalid') })
  .refine((date) => date <= new Date().toISOString().slice(0, 10), {
    error: messageKey('accounts.birthdate.future'),
  })

export const profileUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine(isWebUrl, { error: messageKey('accounts.profileUrl.invalid') })

function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
}

export const localeSchema = z.enum(['ja', 'en'])

export const signupSchema = z.object({
  handle: handleSchema,
  email: emailSchema,
  password: newPasswordSchema,
  displayName: displayNameSchema,
  birthdate: birthdateSchema.nullish(),
})

export const loginSchema = z.object({
  login: z.string().trim().min(1).max(254),
  password: givenPasswordSchema,
})

export const profileSchema = z.object({
  displayName: displayNameSchema.optional(),
  profileUrl: profileUrlSchema.nullish(),
  birthdate: birthdateSchema.nullish(),
  showAge: z.boolean().optional(),
  locale: localeSchema.nullish(),
})

export const passwordChangeSchema = z.object({
  currentPassword: givenPasswordSchema,
  newPassword: newPasswordSchema,
})

export const accountDeletionSchema = z.object({ password: givenPasswordSchema })

export type SignupInput = z.infer<typeof signupSchema>
export type LoginInput = z.infer<typeof loginSchema>
export type ProfileInput = z.infer<typeof profileSchema>
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>
