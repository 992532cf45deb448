import type { Notice } from './core/ports';

// How a notice reads to a person: one title and one sentence. Both homes use it (a browser
// notification, a runner's output line); words live here, the engine only says what happened.

export function noticeText(notice: Notice): { title: string; message: string } {
  switch (notice.kind) {
    case 'relogin':
      return { title: '邻里签到：需要重新登录', message: `账号 ${notice.account} 的登录已失效，请重新登录。` };
    case 'lost':
      return { title: `邻里签到：${notice.date} 未能签到`, message: `账号 ${notice.account}：${notice.reason ?? '浏览器关闭或电脑休眠，未能完成签到'}` };
    case 'missed': {
      const days = notice.dates.length <= 3 ? notice.dates.join('、') : `${notice.dates[0]} 至 ${notice.dates.at(-1)} 等 ${notice.dates.length} 天`;
      return { title: '邻里签到：有未签到的日子', message: `${days}没有运行签到（账号 ${notice.accounts.join('、')}）。` };
    }
    case 'expiring':
      return { title: '邻里签到：邦豆即将过期', message: `账号 ${notice.account} 有 ${notice.points} 邦豆将在 7 天内过期。` };
    case 'homing-expired':
      return { title: '邻里签到：Homing 登录已过期', message: `账号 ${notice.account} 的 Homing 登录已过期，请重新登录。` };
  }
}
