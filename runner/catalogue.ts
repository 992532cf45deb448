import type { HandoffErrorCode } from '@/utils/handoff-bundle';
import { wordIn } from '@/utils/i18n/core';
import type { StoredText } from '@/utils/i18n/keys';

// Every sentence the runner shows a person, in Chinese and English (LINLI_LANG, else the locale).
// Code holds keys and values; the words are here. Names are display names: a nickname or a masked
// phone, never a full number; no message takes a token, a code or a passphrase.

export type Lang = 'zh' | 'en';

const zh = {
  /** Words the engine hands over as data (a failure's reason), in this language (utils/i18n). */
  say: (value: StoredText | string) => wordIn('zh-CN', value),
  usage: (program: string) =>
    [
      `用法：node ${program} [--state 文件] <命令> [选项]`,
      '',
      '命令：',
      '  login [--phone 手机号] [--code 验证码]   短信登录（不带 --code 时先发送验证码，再从输入读取）',
      '  send-code --phone 手机号               只发送短信验证码（之后用 login --code）',
      '  run [--force]                          做现在该做的事：刷新登录、签到、领取邦豆，然后退出',
      '  daemon                                 常驻运行，到点自动签到（适合 Docker / systemd）',
      '  status [--json]                        各账号今天的状态、连续天数、邦豆、下次运行时间',
      '  import [文件] [--passphrase 口令]       导入浏览器扩展“迁移到常驻设备”给出的迁移包',
      '  remove --phone 手机号                  删除本机保存的账号与登录信息',
      '',
      '选项（也可用环境变量）：',
      '  --state 文件          状态文件（LINLI_STATE；默认 $XDG_CONFIG_HOME/linli-checkin/state.json）',
      '  --base-url 网址       时代邻里服务地址（LINLI_BASE_URL）',
      '  --checkin-time HH:mm  每日签到时间，中国时间（LINLI_CHECKIN_TIME，默认 08:00）',
      '  --random-delay 分钟   签到时间后的随机延迟上限（LINLI_RANDOM_DELAY，默认 10）',
      '  --lang zh|en          输出语言（LINLI_LANG，默认按系统语言）',
      '  --quiet               只输出问题；--verbose 输出更多细节（从不输出令牌或验证码）',
      '',
      'run 的退出码：0 全部完成或未到时间；2 有账号需要重新登录；1 有签到失败。',
    ].join('\n'),
  unknownCommand: (command: string) => `未知命令：${command}（用 --help 查看用法）`,
  badOption: (detail: string) => `参数错误：${detail}`,
  badBaseUrl: (value: string) => `服务地址无效：${value}（须为 https://，本机测试可用 http://127.0.0.1）`,
  badCheckinTime: (value: string) => `签到时间须为 HH:mm（中国时间），收到：${value}`,
  badRandomDelay: (value: string) => `随机延迟须为 0 到 180 之间的整数（分钟），收到：${value}`,
  badLang: (value: string) => `语言须为 zh 或 en，收到：${value}`,
  badPhone: '请输入 11 位手机号（以 1 开头）',
  badCode: '请输入 4–8 位数字验证码',
  needsPhone: '请用 --phone 指定手机号',
  noState: (path: string) => `还没有账号（${path} 不存在）。先登录：login --phone 手机号`,
  stateDamaged: (path: string, where: string) =>
    `状态文件已损坏，未做任何改动：${path}（${where}）。请从备份恢复，或把它移走后重新登录。`,
  stateNewer: (path: string) => `状态文件由更新版本的签到程序写入，本版本不能使用：${path}。请更新本程序。`,
  stateUnreadable: (path: string, code: string) => `无法读写状态文件 ${path}（${code}）`,
  notJson: '不是有效的 JSON',
  lockBusy: (path: string) => `另一个签到进程正在使用 ${path}，请稍后再试。`,
  lockLost: (path: string) => `状态文件的锁被其他进程接管（${path}），为安全起见停止。`,
  askPhone: '手机号：',
  askCode: (name: string) => `发送到 ${name} 的短信验证码：`,
  codeSent: (name: string) => `验证码已发送到 ${name}。`,
  loggedIn: (name: string) => `已登录 ${name}。`,
  removed: (name: string) => `已删除 ${name} 及其登录信息。`,
  noSuchAccount: (name: string) => `没有这个账号：${name}`,
  askBundle: '粘贴迁移包（一行）：',
  askPassphrase: '迁移口令：',
  noBundle: '没有读到迁移包。',
  imported: (name: string) => `已导入 ${name}，之后由本设备签到。浏览器扩展中的该账号已停用。`,
  handoff: {
    format: '这不是完整的迁移包（可能复制时被截断）。请重新复制整行。',
    version: '迁移包来自更新版本的扩展，请更新本程序。',
    passphrase: '口令不对，或迁移包被改动过，未导入。',
    content: '迁移包内容无法识别，未导入。',
    stale: '本设备已有该账号更新的登录，这个迁移包已过期，未导入。',
  } satisfies Record<HandoffErrorCode, string>,
  noAccounts: '还没有账号。先登录：login --phone 手机号',
  line: {
    done: (name: string, extra: string) => `${name}：今日已签到${extra ? `（${extra}）` : ''}`,
    already: (name: string, extra: string) => `${name}：今日已签过（在别处签的）${extra ? `（${extra}）` : ''}`,
    pending: (name: string, at: string) => `${name}：等待签到，${at} 运行`,
    running: (name: string) => `${name}：签到中…`,
    failed: (name: string, reason: string, retry?: string) => `${name}：签到失败：${reason}${retry ? `；${retry} 重试` : '；今天不再重试'}`,
    relogin: (name: string) => `${name}：登录已失效，请重新登录（login --phone 手机号）`,
  },
  extra: (streak?: number, reward?: number, points?: number) =>
    [streak ? `连续 ${streak} 天` : '', reward ? `+${reward} 邦豆` : '', points !== undefined ? `邦豆 ${points}` : ''].filter(Boolean).join('，'),
  exitRelogin: (count: number) => `${count} 个账号需要重新登录`,
  exitFailed: (count: number) => `${count} 个账号今天签到失败`,
  notice: {
    relogin: (account: string) => `${account} 的登录已失效，请重新登录。`,
    lost: (account: string, date: string, reason?: string) => `${account} ${date} 未能签到${reason ? `：${reason}` : ''}`,
    missed: (dates: string, accounts: string) => `${dates} 没有运行签到（${accounts}）`,
    expiring: (account: string, points: number) => `${account} 有 ${points} 邦豆将在 7 天内过期`,
    homingExpired: (account: string) => `${account} 的 Homing 登录已过期`,
    title: '邻里签到',
  },
  daemonStarted: (path: string) => `常驻运行，状态文件 ${path}。`,
  daemonNext: (at: string) => `下次运行：${at}`,
  daemonStopped: '已停止。',
  apiError: {
    network: '网络连接失败',
    timeout: '请求超时',
    server: '服务器暂时不可用',
    malformed: '服务器返回了无法识别的数据',
    unauthorized: '登录已失效',
  },
  unexpected: (name: string) => `意外错误（${name}）`,
  status: {
    state: { done: '今日已签到', already: '今日已签过', pending: '等待签到', running: '签到中', failed: '签到失败', relogin: '需重新登录' },
    streak: (days: number) => `连续 ${days} 天`,
    points: (points: number) => `邦豆 ${points}`,
    next: (at: string) => `下次 ${at}`,
  },
};

export type Catalogue = typeof zh;

const en: Catalogue = {
  say: (value: StoredText | string) => wordIn('en', value),
  usage: (program: string) =>
    [
      `Usage: node ${program} [--state FILE] <command> [options]`,
      '',
      'Commands:',
      '  login [--phone PHONE] [--code CODE]   SMS login (without --code it sends a code, then reads it)',
      '  send-code --phone PHONE               only send the SMS code (then login --code)',
      '  run [--force]                         do what is due now: refresh, check in, claim, then exit',
      '  daemon                                stay running and check in on time (Docker, systemd)',
      "  status [--json]                       each account's state today, streak, points, next run",
      '  import [FILE] [--passphrase P]        import a bundle from the extension\'s "move to an always-on device"',
      '  remove --phone PHONE                  delete the account and its session from this device',
      '',
      'Options (or environment variables):',
      '  --state FILE          state file (LINLI_STATE; default $XDG_CONFIG_HOME/linli-checkin/state.json)',
      '  --base-url URL        Times service address (LINLI_BASE_URL)',
      '  --checkin-time HH:mm  daily check-in time, China time (LINLI_CHECKIN_TIME, default 08:00)',
      '  --random-delay MIN    upper bound of a random delay after it (LINLI_RANDOM_DELAY, default 10)',
      '  --lang zh|en          output language (LINLI_LANG, default from the locale)',
      '  --quiet               print problems only; --verbose prints more (never a token or a code)',
      '',
      'Exit codes of run: 0 all done or not due; 2 an account needs a new login; 1 a check-in failed.',
    ].join('\n'),
  unknownCommand: (command) => `Unknown command: ${command} (see --help)`,
  badOption: (detail) => `Invalid arguments: ${detail}`,
  badBaseUrl: (value) => `Invalid service address: ${value} (https:// only; http://127.0.0.1 for a local test server)`,
  badCheckinTime: (value) => `The check-in time must be HH:mm (China time), got: ${value}`,
  badRandomDelay: (value) => `The random delay must be a whole number of minutes from 0 to 180, got: ${value}`,
  badLang: (value) => `The language must be zh or en, got: ${value}`,
  badPhone: 'Enter an 11-digit mobile number starting with 1',
  badCode: 'Enter the 4–8 digit SMS code',
  needsPhone: 'Give the phone number with --phone',
  noState: (path) => `No account yet (${path} does not exist). Log in first: login --phone PHONE`,
  stateDamaged: (path, where) =>
    `The state file is damaged and was left untouched: ${path} (${where}). Restore it from a backup, or move it away and log in again.`,
  stateNewer: (path) => `The state file was written by a newer version of this program: ${path}. Update this program.`,
  stateUnreadable: (path, code) => `Cannot read or write the state file ${path} (${code})`,
  notJson: 'not valid JSON',
  lockBusy: (path) => `Another check-in process is using ${path}; try again later.`,
  lockLost: (path) => `Another process took over the state file's lock (${path}); stopping to be safe.`,
  askPhone: 'Phone number: ',
  askCode: (name) => `SMS code sent to ${name}: `,
  codeSent: (name) => `Code sent to ${name}.`,
  loggedIn: (name) => `Logged in ${name}.`,
  removed: (name) => `Removed ${name} and its session.`,
  noSuchAccount: (name) => `No such account: ${name}`,
  askBundle: 'Paste the hand-off bundle (one line): ',
  askPassphrase: 'Hand-off passphrase: ',
  noBundle: 'No hand-off bundle was read.',
  imported: (name) => `Imported ${name}: this device checks it in from now on. The extension no longer does.`,
  handoff: {
    format: 'This is not a whole hand-off bundle (cut short when copied?). Copy the whole line again.',
    version: 'The bundle comes from a newer extension: update this program.',
    passphrase: 'Wrong passphrase, or the bundle was changed: nothing imported.',
    content: 'The bundle holds nothing this program knows: nothing imported.',
    stale: 'This device already has a newer session of that account: the bundle is out of date, nothing imported.',
  },
  noAccounts: 'No account yet. Log in first: login --phone PHONE',
  line: {
    done: (name, extra) => `${name}: checked in today${extra ? ` (${extra})` : ''}`,
    already: (name, extra) => `${name}: already checked in today (elsewhere)${extra ? ` (${extra})` : ''}`,
    pending: (name, at) => `${name}: waiting, runs at ${at}`,
    running: (name) => `${name}: checking in…`,
    failed: (name, reason, retry) => `${name}: check-in failed: ${reason}${retry ? `; retry at ${retry}` : '; no more tries today'}`,
    relogin: (name) => `${name}: the session ended, log in again (login --phone PHONE)`,
  },
  extra: (streak, reward, points) =>
    [streak ? `streak ${streak}` : '', reward ? `+${reward} points` : '', points !== undefined ? `balance ${points}` : ''].filter(Boolean).join(', '),
  exitRelogin: (count) => `${count} account(s) need a new login`,
  exitFailed: (count) => `${count} account(s) failed to check in today`,
  notice: {
    relogin: (account) => `The session of ${account} ended: log in again.`,
    lost: (account, date, reason) => `${account} was not checked in on ${date}${reason ? `: ${reason}` : ''}`,
    missed: (dates, accounts) => `No check-in ran on ${dates} (${accounts})`,
    expiring: (account, points) => `${account} has ${points} points expiring within 7 days`,
    homingExpired: (account) => `The Homing session of ${account} expired`,
    title: 'Linli Check-in',
  },
  daemonStarted: (path) => `Running, state file ${path}.`,
  daemonNext: (at) => `Next run: ${at}`,
  daemonStopped: 'Stopped.',
  apiError: {
    network: 'network connection failed',
    timeout: 'the request timed out',
    server: 'the server is unavailable for now',
    malformed: 'the server answered with data this program does not know',
    unauthorized: 'the session ended',
  },
  unexpected: (name) => `Unexpected error (${name})`,
  status: {
    state: { done: 'checked in', already: 'already checked in', pending: 'waiting', running: 'checking in', failed: 'failed', relogin: 'needs login' },
    streak: (days) => `streak ${days}`,
    points: (points) => `${points} points`,
    next: (at) => `next ${at}`,
  },
};

export const CATALOGUES: Record<Lang, Catalogue> = { zh, en };

/** LINLI_LANG when set, else the locale (LC_ALL, LC_MESSAGES, LANG): Chinese when it starts with zh. */
export function langFromEnv(env: Record<string, string | undefined>): Lang | undefined {
  const chosen = env.LINLI_LANG?.trim().toLowerCase();
  if (chosen) return chosen.startsWith('zh') ? 'zh' : chosen.startsWith('en') ? 'en' : undefined;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
