import { defineMessages } from '../i18n/define.js'

export default defineMessages({
  en: {
    'home.title': 'Keep a scored record of every film you watch',
    'home.lead':
      'Give each film a score from 0 to 100, sort your list by score, release or the day you saw it, and follow people whose taste you trust.',
    'home.cta.signup': 'Create your free account',
    'home.cta.login': 'I already have an account',
    'home.feature.score.title': 'Score out of 100',
    'home.feature.score.body':
      'Finer than five stars: 87/100 says exactly how much you liked it, and a star bar shows it at a glance.',
    'home.feature.list.title': 'Your list, your order',
    'home.feature.list.body':
      'Sort by score, by release decade or by when you registered a film. Your list is public, your birthdate is not.',
    'home.feature.people.title': 'Taste you trust',
    'home.feature.people.body':
      'Follow friends and critics, see what they rated lately, and find films through people rather than ads.',
    'home.welcome': 'Welcome, {name}',
    'home.deleted': 'Your account and all its data were deleted.',
    'home.shortcuts': 'Shortcuts',
    'home.shortcut.rate.title': 'Rate a film',
    'home.shortcut.rate.body': 'Find a film you have watched and give it a score.',
    'home.shortcut.list.title': 'Your list',
    'home.shortcut.list.body': 'Every film you have scored, as others see it.',
    'home.shortcut.people.title': 'Find people',
    'home.shortcut.people.body': 'Search by name or handle and follow people you trust.',
    'home.shortcut.settings.title': 'Your profile',
    'home.shortcut.settings.body': 'Display name, profile link, language and password.',
  },
  ja: {
    'home.title': '観た映画を、ぜんぶ点数で記録しよう',
    'home.lead':
      '映画ごとに0〜100点をつけて、点数順・公開順・観た順に並べられます。信頼できる人をフォローして、好みの近い人の評価を参考にしましょう。',
    'home.cta.signup': '無料でアカウントを作成',
    'home.cta.login': 'アカウントをお持ちの方',
    'home.feature.score.title': '100点満点で採点',
    'home.feature.score.body':
      '星5つより細かく。87/100 で「どれくらい好きか」を正確に残し、星のバーでひと目で伝えます。',
    'home.feature.list.title': '自分のリストを自分の順に',
    'home.feature.list.body':
      '点数、公開年代、登録日で並べ替え。リストは公開、生年月日は非公開です。',
    'home.feature.people.title': '信頼できる人の好み',
    'home.feature.people.body':
      '友だちや批評家をフォローして、最近の評価をチェック。広告ではなく人から映画に出会えます。',
    'home.welcome': 'ようこそ、{name}さん',
    'home.deleted': 'アカウントとすべてのデータを削除しました。',
    'home.shortcuts': 'ショートカット',
    'home.shortcut.rate.title': '映画を採点する',
    'home.shortcut.rate.body': '観た映画を探して点数をつけましょう。',
    'home.shortcut.list.title': '自分のリスト',
    'home.shortcut.list.body': '採点した映画の一覧を、他の人と同じ見え方で確認できます。',
    'home.shortcut.people.title': 'ユーザーを探す',
    'home.shortcut.people.body': '名前やハンドルで検索して、信頼できる人をフォローしましょう。',
    'home.shortcut.settings.title': 'プロフィール',
    'home.shortcut.settings.body': '表示名、プロフィールリンク、言語、パスワード。',
  },
})
