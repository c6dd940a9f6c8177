// What search compares: a title and a query both reduced to the same plain form, so
// that case, character width (ＭＡＴＲＩＸ, ｶﾀｶﾅ), accents (Amélie) and punctuation
// (Spider-Man) make no difference.

const apostrophes = /['’‘`´]/g
const latinMarks = /(\p{Script=Latin})\p{M}+/gu
const separators = /[^\p{L}\p{N}]+/gu

/**
 * NFKC folds width and compatibility forms; accents are dropped from Latin letters
 * only, so that Japanese voiced marks (が, パ) still count.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(latinMarks, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(apostrophes, '')
    .replace(separators, ' ')
    .trim()
}

const leadingArticle = /^(the|a|an) /

/** The key without a leading English article: `the matrix` is also `matrix`. */
export function withoutArticle(key: string): string {
  return key.replace(leadingArticle, '')
}
