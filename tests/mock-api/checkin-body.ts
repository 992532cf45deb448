import { DATE_TIME_PATTERN } from './china-time';
import { isRecord } from './route';

// The check-in body must be exactly the documented one; anything else is what a client bug looks
// like (a numeric memberId that lost digits, a missing sign, a renamed key), so it is refused with
// the reason, the way the real service answers `参数错误`.

const KEYS = ['behaviourId', 'clientCode', 'createTime', 'mapPamater', 'memberId'];

export type CheckinCheck = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

export function checkCheckinBody(text: string, memberId: string): CheckinCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: '请求体不是合法的 JSON' };
  }
  if (!isRecord(value)) return { ok: false, reason: '请求体必须是 JSON 对象' };
  const keys = Object.keys(value).sort();
  if (keys.join() !== KEYS.join()) return { ok: false, reason: `字段必须是 ${KEYS.join(', ')}，收到 ${keys.join(', ')}` };
  if (value.behaviourId !== 10) return { ok: false, reason: 'behaviourId 必须是数字 10' };
  if (value.clientCode !== 'sys_linlibang') return { ok: false, reason: 'clientCode 必须是 sys_linlibang' };
  const createTime = value.createTime;
  if (typeof createTime !== 'string' || !DATE_TIME_PATTERN.test(createTime)) {
    return { ok: false, reason: 'createTime 格式必须是 YYYY-MM-DD HH:mm:ss' };
  }
  const map = value.mapPamater;
  if (!isRecord(map) || Object.keys(map).join() !== 'sign' || map.sign !== createTime) {
    return { ok: false, reason: 'mapPamater 必须是 {sign: createTime}' };
  }
  if (typeof value.memberId !== 'string') return { ok: false, reason: 'memberId 必须是字符串' };
  if (value.memberId !== memberId) return { ok: false, reason: 'memberId 与当前用户不符' };
  return { ok: true, value };
}
