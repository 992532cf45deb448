// Simplified Chinese, the default language, words of both homes: the reasons of failures (errors and
// refused input), which the pages show too (the toolbar title, notifications and pushes: notices/).
// This catalogue and pages/zh-CN.ts are the source of the message keys: every other language is typed
// against them (utils/i18n/keys.ts), so a key missing there is a type error. `{name}` is a value
// filled in when the words are shown; every language uses the same names.

export const core = {
  'app.name': '邻里签到',
  'list.separator': '、',

  'error.server': '{message}',
  'error.unauthorized': '登录已失效，请重新登录',
  'error.tooManyRequests': '请求过于频繁，请稍后再试 (HTTP {status})',
  'error.unavailable': '服务器暂时不可用 (HTTP {status})',
  'error.httpFailed': '请求失败 (HTTP {status})',
  'error.codeFailed': '请求失败（错误码 {code}）',
  'error.malformed': '服务器返回了无法识别的数据，请稍后再试',
  'error.timeout': '请求超时，请检查网络后重试',
  'error.network': '网络连接失败，请检查网络后重试',
  'error.noMemberId': '未能获取会员 ID，请稍后再试',
  'error.accountMissing': '账号不存在',
  'error.nicknameTooLong': '昵称最多 {max} 个字',
  'error.checkinFailed': '签到失败，请稍后再试',
  'error.badRequest': '无法识别的请求',
  'error.unexpected': '操作失败，请稍后重试',
  'error.noWorker': '扩展后台未响应，请稍后重试',
  'error.badReply': '扩展后台返回了无法识别的结果',
  'error.homingNoBaseUrl': '请先在设置中填写 Homing 服务地址',
  'error.zgtTokenRequired': '浏览器中无法调用智桂通 App 登录，请粘贴智桂通 token',
  'error.incompleteRequest': '请求参数不完整，请检查后重试',
  'error.notLoggedIn': '未登录',
  'error.sessionUnsaved': '登录信息未能保存，稍后重试；如一直如此，请重新登录',
  'error.handedOff': '该账号已迁移到常驻设备，如需在此签到请重新登录',
  'error.claimNothing': '服务器回复领取成功，但邦豆仍在待领取列表中，请稍后再试',
  'error.handingOff': '该账号的迁移包已生成、尚未确认导入：确认导入或收回之前，本扩展不会用它签到',
  'error.notHandingOff': '该账号没有待确认的迁移',
  'error.handoffNoSession': '该账号当前没有有效登录，无法迁移',
  'error.zgt.fail': '智桂通登录失败，请重新获取 token',
  'error.zgt.scanning': '智桂通登录尚未完成（等待扫码），请在 App 中完成后重试',
  'error.zgt.logging': '智桂通登录尚未完成，请稍后重试',
  'error.zgt.writeQuestionnaire': '请先在智桂通 App 中填写问卷，再登录',
  'error.zgt.needAddInfo': '请先在智桂通 App 中补充资料，再登录',

  'validation.phone': '请输入 11 位手机号（以 1 开头）',
  'validation.smsCode': '请输入 4–8 位数字验证码',
  'validation.password': '请输入密码',
  'validation.newPassword': '新密码至少 8 位，且须同时包含字母和数字',
  'validation.captcha': '请输入图形验证码',
  'validation.zgtToken': '请输入智桂通 token',
  'validation.passphrase': '口令至少 {min} 个字符',

  // The settings' rules, read by the options page and the runner alike (utils/views/settings-form.ts).
  'options.error.badUrl': '“{url}” 不是有效的网址',
  'options.error.scheme': '服务地址须以 https:// 或 http:// 开头',
  'options.error.noScheme': '服务地址须以 https:// 或 http:// 开头。是否要填写 {url}？',
  'options.error.httpOnlyLocal': '为保护登录信息，只有本机地址可以使用 http://，其他地址请用 https://',
  'options.error.urlExtras': '服务地址不能包含参数、# 或账号信息',
  'options.error.time': '签到时间须为 HH:mm（中国时间，24 小时制），例如 08:00',
  'options.error.delay': '随机延迟须为 0 到 180 之间的整数（分钟）',
} as const;
