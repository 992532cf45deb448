import type { ReportCatalogue } from '../keys';

// English, the diagnostics report's words (see zh-CN.ts beside this file), typed against the Chinese.

export const report: ReportCatalogue = {
  'diagnostics.title': 'Linli Check-in diagnostics · {home} · {time} (China time)',
  'diagnostics.privacy': 'No token, code, password, push key or image is in this report, and phone numbers and ids are masked; it leaves this computer only when you copy or send it.',
  'diagnostics.legend':
    "Each line: time, method, path, HTTP status, business code, server message, duration, reading (ok accepted · done checked in · already signed before · rejected refused · unauthorized token refused · malformed unreadable · server, timeout, network passing failure); the next line is the reply's shape (field names and types only).",
  'diagnostics.account': '{account} · latest requests: {count}',
  'diagnostics.notAdded': '{account} (not added)',
  'diagnostics.noAccount': 'Requests of no account (captcha, 智桂通 login)',
  'diagnostics.empty': 'No exchange with the services yet.',
};
