import type { HistoryCatalogue } from '../keys';

// The history page's own words in English (see zh-CN.ts beside this file).

export const history: HistoryCatalogue = {
  'history.fileName': 'linli-checkins-{name}-{date}.csv',
  'history.csv.account': 'Account',
  'history.csv.date': 'Date',
  'history.csv.result': 'Result',
  'history.csv.time': 'Time',
  'history.csv.reward': 'Reward points',
  'history.csv.balance': 'Balance',

  'history.title': 'Check-in history',
  'history.account': 'Account',
  'history.none': 'No Times Neighborhood account yet.',
  'history.prev': 'Previous month',
  'history.next': 'Next month',
  'history.streak': '{days}-day streak',
  'history.monthReward': 'Points from check-ins in the month shown: {points}',
  'history.export': 'Export CSV',
  'history.reward': '+{points} points',
  'history.state.done': 'Checked in',
  'history.state.already': 'Already checked in',
  'history.state.failed': 'Check-in failed',
  'history.state.lost': 'Retries used up, not checked in',
  'history.state.missed': 'Browser not running, not checked in',
  'history.short.done': '✓ Done',
  'history.short.already': '✓ Already',
  'history.short.failed': '✗ Failed',
  'history.short.lost': '✗ Lost',
  'history.short.missed': '– Missed',
};
