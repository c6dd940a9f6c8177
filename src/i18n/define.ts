/**
 * A feature's messages in both languages. The Japanese table must carry exactly the
 * English table's keys, so a missing or stray key fails the typecheck.
 */
export function defineMessages<const En extends Record<string, string>>(messages: {
  en: En
  ja: { [K in keyof En]: string }
}) {
  return messages
}
