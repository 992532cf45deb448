// Simplified Chinese, the diagnostics report's words (utils/views/diagnostics-report.ts): loaded by the
// options page when it shows the report (pages/index.ts loadReportWords) and by the runner for
// `diagnose`, never by the worker, which only keeps the log. With core/ and pages/ the source of keys.

export const report = {
  'diagnostics.title': '邻里签到诊断报告 · {home} · {time}（中国时间）',
  'diagnostics.privacy': '报告不含令牌、验证码、密码、推送密钥或图片，手机号和编号已打码；它只在你复制或转发时离开本机。',
  'diagnostics.legend':
    '每行：时间、方法、路径、HTTP 状态、业务码、服务器消息、耗时、读法（ok 正常 · done 签到成功 · already 今日已签过 · rejected 被拒绝 · unauthorized 令牌被拒 · malformed 无法识别 · server、timeout、network 暂时失败）；下一行是回复的结构（只有字段名和类型）。',
  'diagnostics.account': '{account} · 最近 {count} 次请求',
  'diagnostics.notAdded': '{account}（未添加的账号）',
  'diagnostics.noAccount': '不属于任何账号的请求（图形验证码、智桂通登录）',
  'diagnostics.empty': '还没有与服务的往来记录。',
} as const;
