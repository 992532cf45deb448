import type { Notice } from '../core/rules/notice';
import { wordIn } from '../i18n/core';
import { text, type Lang, type StoredText } from '../i18n/keys';

// How a notice reads to a person: one title and one sentence, in the language given. Both homes use it
// (a browser notification, a runner's output line); words live in the catalogue, the engine only says
// what happened.

export function noticeText(notice: Notice, lang: Lang): { title: string; message: string } {
  const w = (value: StoredText | string) => wordIn(lang, value);
  switch (notice.kind) {
    case 'relogin':
      return { title: w(text('notice.relogin.title')), message: w(text('notice.relogin.message', { account: notice.account })) };
    case 'lost': {
      const reason = w(notice.reason ?? text('notice.lost.reason'));
      return { title: w(text('notice.lost.title', { date: notice.date })), message: w(text('notice.lost.message', { account: notice.account, reason })) };
    }
    case 'missed': {
      const separator = w(text('list.separator'));
      const { dates } = notice;
      const days = dates.length <= 3 ? dates.join(separator) : w(text('notice.missed.range', { first: dates[0], last: dates.at(-1) ?? '', count: dates.length }));
      return { title: w(text('notice.missed.title')), message: w(text('notice.missed.message', { days, accounts: notice.accounts.join(separator) })) };
    }
    case 'expiring':
      return { title: w(text('notice.expiring.title')), message: w(text('notice.expiring.message', { account: notice.account, points: notice.points })) };
    case 'homing-expired':
      return { title: w(text('notice.homingExpired.title')), message: w(text('notice.homingExpired.message', { account: notice.account })) };
  }
}
