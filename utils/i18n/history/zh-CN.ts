// The history page's own words in Simplified Chinese, the CSV's among them: they load with that page
// (entrypoints/history/main.ts) and with the popup's CSV button, shown in a removal's confirmation
// (components/AccountItem.vue), so the popup's start does not carry them.

export const history = {
  'history.fileName': '邻里签到记录-{name}-{date}.csv',
  'history.csv.account': '账号',
  'history.csv.date': '日期',
  'history.csv.result': '结果',
  'history.csv.time': '时间',
  'history.csv.reward': '奖励邦豆',
  'history.csv.balance': '余额',

  'history.title': '签到记录',
  'history.account': '账号',
  'history.none': '还没有时代邻里账号。',
  'history.prev': '上个月',
  'history.next': '下个月',
  'history.streak': '连续签到 {days} 天',
  'history.monthReward': '当月签到获得 {points} 邦豆',
  'history.export': '导出 CSV',
  'history.reward': '+{points} 邦豆',
  'history.state.done': '签到成功',
  'history.state.already': '当日已签',
  'history.state.failed': '签到失败',
  'history.state.lost': '重试用尽，未签到',
  'history.state.missed': '浏览器未运行，未签到',
  'history.short.done': '✓ 成功',
  'history.short.already': '✓ 已签',
  'history.short.failed': '✗ 失败',
  'history.short.lost': '✗ 未签',
  'history.short.missed': '– 错过',
} as const;
