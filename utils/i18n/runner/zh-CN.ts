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
  notify-test                            向每个已配置的推送渠道发一条测试消息（BARK_PUSH 等青龙变量）

选项（也可用环境变量）：
  --state 文件          状态文件（LINLI_STATE；默认 $XDG_CONFIG_HOME/linli-checkin/state.json）
  --base-url 网址       时代邻里服务地址（LINLI_BASE_URL）
  --checkin-time HH:mm  每日签到时间，中国时间（LINLI_CHECKIN_TIME，默认 08:00）
  --random-delay 分钟   签到时间后的随机延迟上限（LINLI_RANDOM_DELAY，默认 10）
  --lang zh|en          输出语言（LINLI_LANG，默认按系统语言）
  --quiet               只输出问题；--verbose 输出更多细节（从不输出令牌或验证码）

退出码：0 成功（run：全部完成或未到时间）；1 失败（run：有签到失败）；2 有账号需要重新登录（run）；
64 用法错误（未知命令或选项、缺少或不接受的取值、找不到的文件）；65 状态文件无法读写或已损坏。`,
  'runner.unknownCommand': '未知命令：{command}（用 --help 查看用法）',
  'runner.badLang': '语言须为 zh 或 en，收到：{value}',
  'runner.unknownOption': '未知选项：{option}（用 --help 查看用法）',
  'runner.missingValue': '{option} 后面缺少取值（用 --help 查看用法）',
  'runner.noValue': '{option} 不接受取值（只写 {option} 即可）',
  'runner.badArguments': '参数有误（用 --help 查看用法）',
  'runner.badValue': '{option}：{reason}（收到：{value}）',
  'runner.needsPhone': '请用 --phone 指定手机号',
  'runner.noState': '还没有账号（{path} 不存在）。先登录：login --phone 手机号',
  'runner.stateDamaged': '状态文件已损坏，未做任何改动：{path}（{where}）。请从备份恢复，或把它移走后重新登录。',
  'runner.stateNewer': '状态文件由更新版本的签到程序写入，本版本不能使用：{path}。请更新本程序。',
  'runner.io.read': '无法读取状态文件 {file}：{reason}',
  'runner.io.write': '无法写入状态文件 {file}：{reason}',
  'runner.io.lock': '无法在状态文件旁创建锁 {file}：{reason}',
  'runner.io.folder': '无法创建状态文件所在的文件夹 {file}：{reason}',
  'runner.ioReason.EACCES': '用户 {user} 没有权限（{code}）。请修改该文件夹的所有者或权限，或用 --state / LINLI_STATE 换一个位置',
  'runner.ioReason.EROFS': '文件系统是只读的（{code}）。请用 --state / LINLI_STATE 换一个可写的位置（Docker 中不要以 :ro 挂载该目录）',
  'runner.ioReason.ENOTDIR': '路径中有一段是文件而不是文件夹（{code}）',
  'runner.ioReason.ENOSPC': '磁盘已满（{code}）',
  'runner.ioReason.EISDIR': '这是一个文件夹，不是文件（{code}）',
  'runner.ioReason.ENAMETOOLONG': '文件名太长（{code}）',
  'runner.ioReason.other': '系统拒绝了该操作（{code}）',
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
  'runner.bundleMissing': '找不到迁移包文件：{file}',
  'runner.bundleUnreadable': '无法读取迁移包文件 {file}（{code}）',
  'runner.imported': '已导入 {name}，之后由本设备签到。浏览器扩展中的该账号已停用。',
  'runner.handoff.format': '这不是完整的迁移包（可能复制时被截断）。请重新复制整行。',
  'runner.handoff.version': '迁移包来自更新版本的扩展，请更新本程序。',
  'runner.handoff.passphrase': '口令不对，或迁移包被改动过，未导入。',
  'runner.handoff.content': '迁移包内容无法识别，未导入。',
  'runner.handoff.stale': '本设备已有该账号更新的登录，这个迁移包已过期，未导入。',
  'runner.handoff.spent': '这个迁移包已经用过：服务器拒绝了其中的登录（它已在别的设备导入过）。未导入。服务器发现同一登录被重复使用时可能整体吊销它，这样先导入的设备上的该账号也需要重新短信登录（在那里运行 login，或在扩展中重新登录后再迁移一次）。',
  'runner.noAccounts': '还没有账号。先登录：login --phone 手机号',
  'runner.line.done': '{name}：今日已签到',
  'runner.line.already': '{name}：今日已签过（在别处签的）',
  'runner.line.pending': '{name}：等待签到，{at} 运行',
  'runner.line.pendingDue': '{name}：等待签到，已到时间',
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
  'runner.networkAt': '无法连接 {host}：{reason}',
  'runner.status.done': '今日已签到',
  'runner.status.already': '今日已签过',
  'runner.status.pending': '等待签到',
  'runner.status.running': '签到中',
  'runner.status.failed': '签到失败',
  'runner.status.relogin': '需重新登录',
  'runner.status.streak': '连续 {days} 天',
  'runner.status.points': '邦豆 {points}',
  'runner.status.next': '下次 {at}',
  'runner.status.dueNow': '已到时间',
  'runner.diagnostics.home': '常驻签到程序',
} as const;
