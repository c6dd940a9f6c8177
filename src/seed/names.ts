import type { Random } from './random.js'

// Display names for synthetic people: Japanese first (the product is Japanese-first),
// Latin ones beside them, and a few that people really type (a nickname, a lower-case
// handle-like name).
const familyJa = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤']
const givenJa = ['陽翔', '蓮', '結衣', '葵', '湊', '陽菜', '大翔', '美咲', '悠真', 'さくら']
const givenEn = ['Alex', 'Maria', 'Sam', 'Priya', 'Jonas', 'Chloé', 'Diego', 'Hana', 'Omar', 'Lea']
const familyEn = ['Smith', 'García', 'Müller', 'Kim', 'Rossi', 'Dubois', 'Silva', 'Novak', 'Ito']
const nicknames = ['映画好き', 'cinephile', 'ねこ', 'film buff', 'シネマ', 'movie night']

export function displayNameFor(random: Random, index: number): string {
  const kind = random.next()
  if (kind < 0.45) return `${random.pick(familyJa)} ${random.pick(givenJa)}`
  if (kind < 0.85) return `${random.pick(givenEn)} ${random.pick(familyEn)}`
  return `${random.pick(nicknames)} ${index % 1000}`
}
