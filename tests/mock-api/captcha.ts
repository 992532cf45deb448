import { randomInt } from 'node:crypto';
import { captchaPng } from './png';

// What Homing puts in `valiCodeImg`. The 'png' mode is the honest answer; the other modes are what a
// hostile or compromised server could send, so tests can prove the client only ever renders a PNG.

export type CaptchaMode = 'png' | 'svg' | 'javascript' | 'html';

// No 0/O, 1/l/I: the real captcha avoids look-alikes. Mixed case: answers are case-insensitive.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

export function newCaptchaText(): string {
  return Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/**
 * The valiCodeImg value. `dataPrefix` only applies to the PNG ('data:image/png;base64,' + base64);
 * the SVG is always a complete `data:image/svg+xml;base64,` URL, since that is how it would run.
 */
export function captchaImage(mode: CaptchaMode, text: string, dataPrefix: boolean): string {
  switch (mode) {
    case 'png': {
      const base64 = captchaPng(text).toString('base64');
      return dataPrefix ? `data:image/png;base64,${base64}` : base64;
    }
    case 'svg': {
      const svg =
        '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="24" onload="alert(document.domain)">' +
        `<script>alert(1)</script><text x="8" y="18">${text}</text></svg>`;
      return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    }
    case 'javascript':
      return 'javascript:alert(1)';
    case 'html':
      return '<img src=x onerror=alert(1)>';
  }
}
