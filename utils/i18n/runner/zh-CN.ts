// The runner's own words in Simplified Chinese (its usage, prompts, output lines and refusals). What
// both homes say (notices, errors, input rules, settings) lives in core/; this part is loaded by the
// runner only (runner/index.ts). Names are display names: a nickname or a masked phone, never a full
// number; no message takes a token, a code or a passphrase.

export const runner = {
  'runner.usage': `用法：node {program} [--state 文件] <命令> [选项]

命令：
  login [--phone 手机号] [--code 验证码]   短信登录（不带 --code 时先发送验证码，再从输入读取）
  send-code --phone 手机号               只发送短信验证码（之后用 login --code）
  run [--force]                          做现在该做的事：刷新登录、签到、领取邦豆，然后退出
  daemon                                 常驻运行，到点自动签到（适合 Docker / systemd）
  status [--json]                        各账号今天的状态、连续天数、邦豆、下次运行时间
  diagnose                               诊断报告：最近与服务的往来（已打码，可附在问题反馈里）
  import [文件] [--passphrase 口令]       导入浏览器扩展“迁移到常驻设备”给出的迁移包
  remove --phone 手机号                  删除本机保存的账号与登录信息

选项（也可用环境变量）：
  --state 文件          状态文件（LINLI_STATE；默认 $XDG_CONFIG_HOME/linli-checkin/state.json）
  --base-url 网址       时代邻里服务地址（LINLI_BASE_URL）
  --checkin-time HH:mm  每日签到时间，中国时间（LINLI_CHECKIN_TIME，默认 08:00）
  --random-delay 分钟   签到时间后的随机延迟上限（LINLI_RANDOM_DELAY，默认 10）
  --lang zh|en          输出语言（LINLI_LANG，默认按系统语言）
  --quiet               只输出问题；--verbose 输出更多细节（从不输出令牌或验证码）

run 的退出码：0 全部完成或未到时间；2 有账号需要重新登录；1 有签到失败。`,
  'runner.unknownCommand': '未知命令：{command}（用 --help 查看用法）',
  'runner.badOption': '参数错误：{detail}',
  'runner.badLang': '语言须为 zh 或 en，收到：{value}',
  'runner.badValue': '{option}：{reason}（收到：{value}）',
  'runner.needsPhone': '请用 --phone 指定手机号',
  'runner.noState': '还没有账号（{path} 不存在）。先登录：login --phone 手机号',
  'runner.stateDamaged': '状态文件已损坏，未做任何改动：{path}（{where}）。请从备份恢复，或把它移走后重新登录。',
  'runner.stateNewer': '状态文件由更新版本的签到程序写入，本版本不能使用：{path}。请更新本程序。',
  'runner.stateUnreadable': '无法读写状态文件 {path}（{code}）',
  'runner.notJson': '不是有效的 JSON',
  'runner.lockBusy': '另一个签到进程正在使用 {path}，请稍后再试。',
  'runner.lockLost': '状态文件的锁被其他进程接管（{path}），为安全起见停止。',
  'runner.askPhone': '手机号：',
  'runner.askCode': '发送到 {name} 的短信验证码：',
  'runner.codeSent': '验证码已发送到 {name}。',
  'runner.loggedIn': '已登录 {name}。',
  'runner.removed': '已删除 {name} 及其登录信息。',
  'runner.noSuchAccount': '没有这个账号：{name}',
  'runner.askBundle': '粘贴迁移包（一行）：',
  'runner.askPassphrase': '迁移口令：',
  'runner.noBundle': '没有读到迁移包。',
  'runner.imported': '已导入 {name}，之后由本设备签到。浏览器扩展中的该账号已停用。',
  'runner.handoff.format': '这不是完整的迁移包（可能复制时被截断）。请重新复制整行。',
  'runner.handoff.version': '迁移包来自更新版本的扩展，请更新本程序。',
  'runner.handoff.passphrase': '口令不对，或迁移包被改动过，未导入。',
  'runner.handoff.content': '迁移包内容无法识别，未导入。',
  'runner.handoff.stale': '本设备已有该账号更新的登录，这个迁移包已过期，未导入。',
  'runner.noAccounts': '还没有账号。先登录：login --phone 手机号',
  'runner.line.done': '{name}：今日已签到',
  'runner.line.already': '{name}：今日已签过（在别处签的）',
  'runner.line.pending': '{name}：等待签到，{at} 运行',
  'runner.line.running': '{name}：签到中…',
  'runner.line.failedRetry': '{name}：签到失败：{reason}；{at} 重试',
  'runner.line.failedFinal': '{name}：签到失败：{reason}；今天不再重试',
  'runner.line.relogin': '{name}：登录已失效，请重新登录（login --phone 手机号）',
  'runner.line.extra': '{line}（{extra}）',
  'runner.extra.streak': '连续 {days} 天',
  'runner.extra.reward': '+{points} 邦豆',
  'runner.extra.points': '邦豆 {points}',
  'runner.extra.separator': '，',
  'runner.exitRelogin': '{count} 个账号需要重新登录',
  'runner.exitFailed': '{count} 个账号今天签到失败',
  'runner.daemonStarted': '常驻运行，状态文件 {path}。',
  'runner.daemonNext': '下次运行：{at}',
  'runner.daemonStopped': '已停止。',
  'runner.unexpected': '意外错误（{name}）',
  'runner.httpStatus': '{reason}（HTTP {status}）',
  'runner.status.done': '今日已签到',
  'runner.status.already': '今日已签过',
  'runner.status.pending': '等待签到',
  'runner.status.running': '签到中',
  'runner.status.failed': '签到失败',
  'runner.status.relogin': '需重新登录',
  'runner.status.streak': '连续 {days} 天',
  'runner.status.points': '邦豆 {points}',
  'runner.status.next': '下次 {at}',
  'runner.diagnostics.home': '常驻签到程序',
} as const;
