import { json, type Reply } from './route';

// Homing's SDK hides its transport envelope and deployments differ in it, so the mock can answer in
// each style a client may meet. Error codes are business codes (400 bad input, 401 not logged in,
// 429 too frequent), carried the way each style carries them.

export type HomingEnvelope = 'code0' | 'code200' | 'success' | 'bare';

export function homingOk(style: HomingEnvelope, data: unknown): Reply {
  switch (style) {
    case 'code0':
      return json(200, { code: 0, data, msg: 'ok' });
    case 'code200':
      return json(200, { code: 200, data, message: 'success' });
    case 'success':
      return json(200, { success: true, data, message: 'ok' });
    case 'bare':
      return json(200, data ?? {}); // calls without a result answer an empty object
  }
}

export function homingError(style: HomingEnvelope, code: number, message: string, data: unknown = null): Reply {
  switch (style) {
    case 'code0':
      return json(200, { code, data, msg: message });
    case 'code200':
      return json(200, { code, data, message });
    case 'success':
      return json(200, { success: false, code, data, message });
    case 'bare':
      return json(400, { code, message, data });
  }
}
