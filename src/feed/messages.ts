import { defineMessages } from '../i18n/define.js'

export default defineMessages({
  en: {
    'feed.title': 'Lately, from people you follow',
    'feed.empty.title': 'Your feed is waiting',
    'feed.empty.body':
      'Follow people whose taste you trust, and what they rate will appear here as they rate it.',
    'feed.empty.action': 'Find people to follow',
    'feed.more': 'Older ratings',
    'feed.end': 'That is everything for now.',
  },
  ja: {
    'feed.title': 'フォロー中の人の最近の評価',
    'feed.empty.title': 'フィードはまだ空です',
    'feed.empty.body':
      '好みを信頼できる人をフォローすると、その人が映画を評価するたびにここに表示されます。',
    'feed.empty.action': 'フォローする人を探す',
    'feed.more': 'さらに前の評価',
    'feed.end': '今のところはここまでです。',
  },
})
