import type { NoticeCatalogue } from '../keys';

// English, the notifications' and pushes' words (see zh-CN.ts beside this file), typed against the
// Chinese catalogue.

export const notices: NoticeCatalogue = {
  'title.none': 'Linli Check-in: no account to check in',
  'title.done': 'Linli Check-in: {done}/{total} checked in today',
  'title.attention': 'Linli Check-in: {done}/{total} checked in today; an account needs attention',

  'notice.relogin.title': 'Linli Check-in: log in again',
  'notice.relogin.message': 'The login of {account} has ended. Please log in again.',
  'notice.lost.title': 'Linli Check-in: no check-in on {date}',
  'notice.lost.message': 'Account {account}: {reason}',
  'notice.lost.reason': 'The browser was closed or the computer asleep, so the check-in did not run',
  'notice.missed.title': 'Linli Check-in: days without a check-in',
  'notice.missed.message': 'No check-in ran on {days} (accounts {accounts}).',
  'notice.missed.range': '{first} to {last} ({count} days)',
  'notice.expiring.title': 'Linli Check-in: points about to expire',
  'notice.expiring.message': 'Account {account} has {points} points expiring within 7 days.',
  'notice.homingExpired.title': 'Linli Check-in: Homing login expired',
  'notice.homingExpired.message': 'The Homing login of {account} has expired. Please log in again.',

  'push.title.alerts': 'Linli Check-in: {count} alerts',
  'push.title.summary': 'Linli Check-in: daily summary',
  'push.line.lost': 'No check-in on {date} (account {account}): {reason}',
  'push.summary': 'Checked in today {done}/{total}',
  'push.summary.separator': ' · ',
  'push.summary.signed': '{account} ✓',
  'push.summary.reward': '+{points}',
  'push.summary.streak': '{days}-day streak',
  'push.summary.lost': '{account} ✗ not checked in',
  'push.summary.relogin': '{account} ✗ must log in again',
  'push.test.title': 'Linli Check-in: test message',
  'push.test.body': 'Push works: check-in alerts will arrive here.',
  'push.failure.timeout': 'The push service did not answer within 10 seconds',
  'push.failure.network': 'Could not reach the push service',
  'push.failure.redirect': 'The push address redirects elsewhere (not followed, so the key goes to no other site)',
  'push.failure.http': 'The push service answered HTTP {status}',
  'push.failure.refused': 'The push service refused the message (error code {code})',
  'push.failure.malformed': 'The push service sent an answer we cannot read',
  'push.failure.address': 'Invalid push address: it must start with https:// (http://127.0.0.1 for a local test)',
  'push.failure.incomplete': 'The push settings are incomplete: check the key, token or chat ID',
  'push.failure.template': 'The webhook body template is not valid JSON',
  'push.failure.qinglong': "Qinglong's notification was not sent",

  'runner.push.failed': 'Push failed: {type} ({reason})',
  'runner.push.delivered': 'Push delivered: {type}',
  'runner.push.none': 'No push channel is set: set BARK_PUSH, QYWX_KEY, PUSH_PLUS_TOKEN or another variable (see README)',
  'runner.push.undelivered': 'Not delivered to: {types}',
};
