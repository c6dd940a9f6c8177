import { hash, verify } from '@node-rs/argon2'

// argon2id (the library's default algorithm) with OWASP's recommended cost:
// 19 MiB of memory, two passes, one lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined

/**
 * Spends the same time as a real check when there is no account to check against,
 * so that a wrong login and a wrong password cannot be told apart by timing.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('no account has this password, it only costs time')
  await verifyPassword(await dummyHash, password)
  return false
}

let commonPasswords: Promise<Set<string>> | undefined

/** True for a password in the list of the ~30,000 most common ones (case-insensitive). */
export async function isCommonPassword(password: string): Promise<boolean> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    (language) => new Set(language.dictionary.passwords),
  )
  return (await commonPasswords).has(password.toLowerCase())
}
