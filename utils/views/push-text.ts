import type { Notice } from '../core/rules/notice';
import type { PushText } from '../core/push/channel';
import type { DayOutcome, DaySummary, PushMessage } from '../core/rules/push-policy';
import { wordIn } from '../i18n/core';
import { text, type Lang, type StoredText } from '../i18n/keys';
import { noticeText } from './notice-text';

// How a push reads on the phone (issue 12), in the language given: both homes word the engine's message
// here, so the extension and the runner send the same words. Accounts are named as the engine names
// them (a nickname or a masked phone); nothing else about an account goes out.

/** One alert as a line that stands on its own (the lost day's date is in its title otherwise). */
function alertLine(notice: Notice, lang: Lang): string {
  if (notice.kind !== 'lost') return noticeText(notice, lang).message;
  const reason = wordIn(lang, notice.reason ?? text('notice.lost.reason'));
  return wordIn(lang, text('push.line.lost', { date: notice.date, account: notice.account, reason }));
}

function accountPart(day: DayOutcome, lang: Lang): string {
  const w = (value: StoredText) => wordIn(lang, value);
  if (day.outcome === 'lost') return w(text('push.summary.lost', { account: day.account }));
  if (day.outcome === 'relogin') return w(text('push.summary.relogin', { account: day.account }));
  return [
    w(text('push.summary.signed', { account: day.account })),
    ...(day.reward ? [w(text('push.summary.reward', { points: day.reward }))] : []),
    ...(day.streak ? [w(text('push.summary.streak', { days: day.streak }))] : []),
  ].join(' ');
}

/** `今日签到 3/3 · 妈妈 ✓ +5 连续 12 天 · 爸爸 ✓ 连续 3 天`. */
export function summaryLine(summary: DaySummary, lang: Lang): string {
  const head = wordIn(lang, text('push.summary', { done: summary.done, total: summary.total }));
  return [head, ...summary.accounts.map((day) => accountPart(day, lang))].join(wordIn(lang, text('push.summary.separator')));
}

/**
 * The message of one wake: one alert reads as the browser's notice would (its title and sentence);
 * several get a count for a title and a line each; the summary comes last (alone, under its own title).
 */
export function pushText(message: PushMessage, lang: Lang): PushText {
  const group = wordIn(lang, text('app.name'));
  const lines = [...message.alerts.map((notice) => alertLine(notice, lang)), ...(message.summary ? [summaryLine(message.summary, lang)] : [])];
  let title: string;
  if (message.alerts.length === 1) title = noticeText(message.alerts[0], lang).title;
  else if (message.alerts.length > 1) title = wordIn(lang, text('push.title.alerts', { count: message.alerts.length }));
  else title = wordIn(lang, text('push.title.summary'));
  return { title, body: lines.join('\n'), group };
}

/** The test message of the options page's button and the runner's `notify-test`. */
export function testPushText(lang: Lang): PushText {
  return { title: wordIn(lang, text('push.test.title')), body: wordIn(lang, text('push.test.body')), group: wordIn(lang, text('app.name')) };
}
