import type { HistoryState } from './storage-schema';

// A history day's outcome in words, shared by the history page and its CSV export, so a state is
// never told by colour alone.

export const HISTORY_STATE_LABELS: Record<HistoryState, string> = {
  done: '签到成功',
  already: '当日已签',
  failed: '签到失败',
  lost: '重试用尽，未签到',
  missed: '浏览器未运行，未签到',
};
