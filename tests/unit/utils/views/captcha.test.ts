import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { captchaDataUrl, MAX_CAPTCHA_BYTES } from '../../../../utils/views/captcha';

// Small but structurally valid images, built here so each rule is tested against bytes we control.

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A 2x2 grey RGB PNG. */
function png(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 200, 200, 200, 90, 90, 90, 0, 90, 90, 90, 200, 200, 200]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

const jpeg = () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
// GIF89a, 1x1, global colour table of 2, one image with a minimal LZW stream, trailer.
const gif = () =>
  Buffer.from([
    ...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
    0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b,
  ]);

function webp(): Buffer {
  const chunk = Buffer.concat([Buffer.from('VP8L'), Buffer.from([5, 0, 0, 0]), Buffer.from([0x2f, 0, 0, 0, 0]), Buffer.from([0])]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + chunk.length);
  return Buffer.concat([Buffer.from('RIFF'), size, Buffer.from('WEBP'), chunk]);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('captchaDataUrl', () => {
  it.each([
    ['png', png()],
    ['jpeg', jpeg()],
    ['gif', gif()],
    ['webp', webp()],
  ])('accepts a raw base64 %s and labels it by its bytes', (type, bytes) => {
    expect(captchaDataUrl(b64(bytes))).toBe(`data:image/${type};base64,${b64(bytes)}`);
  });

  it.each([
    ['data:image/png;base64,', png(), 'png'],
    ['data:image/jpeg;base64,', jpeg(), 'jpeg'],
    ['data:image/jpg;base64,', jpeg(), 'jpeg'],
    ['data:image/gif;base64,', gif(), 'gif'],
    ['data:image/webp;base64,', webp(), 'webp'],
    ['DATA:IMAGE/PNG;BASE64,', png(), 'png'],
  ])('accepts %s with matching bytes', (prefix, bytes, type) => {
    expect(captchaDataUrl(prefix + b64(bytes))).toBe(`data:image/${type};base64,${b64(bytes)}`);
  });

  it.each([
    ['data:image/png;charset=utf-8;base64,', png(), 'png'],
    ['data:image/jpeg;charset=UTF-8;name=code.jpg;base64,', jpeg(), 'jpeg'],
  ])('accepts %s: a parameter before base64 is read past (issue 13)', (prefix, bytes, type) => {
    expect(captchaDataUrl(prefix + b64(bytes))).toBe(`data:image/${type};base64,${b64(bytes)}`);
  });

  it.each([
    ['png', png()],
    ['jpeg', jpeg()],
    ['gif', gif()],
  ])('accepts URL-safe base64 without padding (Java URL encoder) for a %s, handing out standard base64', (type, bytes) => {
    const urlSafe = Buffer.from(bytes).toString('base64url');
    expect(urlSafe).toMatch(/[-_]|[^=]$/);
    expect(captchaDataUrl(urlSafe)).toBe(`data:image/${type};base64,${b64(bytes)}`);
    expect(captchaDataUrl(`data:image/${type};charset=utf-8;base64,${urlSafe}`)).toBe(`data:image/${type};base64,${b64(bytes)}`);
  });

  it('reads the URL-safe alphabet: a jpeg whose base64 holds / is refused neither way', () => {
    expect(b64(jpeg())).toContain('/');
    expect(captchaDataUrl(b64(jpeg()).replace(/\//g, '_'))).toBe(`data:image/jpeg;base64,${b64(jpeg())}`);
  });

  it.each([
    ['an SVG data URL with a charset', `data:image/svg+xml;charset=utf-8;base64,${b64(Buffer.from('<svg onload="alert(1)"/>'))}`],
    ['a URL-safe SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64url')],
    ['an HTML data URL with a charset', `data:text/html;charset=utf-8;base64,${b64(Buffer.from('<script>alert(1)</script>'))}`],
    ['both alphabets mixed', `${b64(jpeg()).slice(0, 8)}-_+/`],
  ])('still refuses %s', (_name, value) => {
    expect(captchaDataUrl(value)).toBeUndefined();
  });

  it('strips line breaks and spaces a server wraps long base64 with', () => {
    const base64 = b64(png());
    const wrapped = `\n${base64.match(/.{1,20}/g)!.join('\r\n')} \n`;
    expect(captchaDataUrl(wrapped)).toBe(`data:image/png;base64,${base64}`);
  });

  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>';
  const truncatedPng = png().subarray(0, png().length - 6);
  const pngWithoutIhdr = Buffer.concat([png().subarray(0, 8), png().subarray(33)]);
  const oversized = Buffer.concat([jpeg().subarray(0, 4), Buffer.alloc(MAX_CAPTCHA_BYTES), Buffer.from([0xff, 0xd9])]);
  const webpBadSize = Buffer.from(webp());
  webpBadSize.writeUInt32LE(9999, 4);

  it.each<[string, unknown]>([
    ['a raw SVG', svg],
    ['a base64 SVG', b64(Buffer.from(svg))],
    ['an SVG data URL', `data:image/svg+xml;base64,${b64(Buffer.from(svg))}`],
    ['an SVG data URL claiming PNG bytes', `data:image/svg+xml;base64,${b64(png())}`],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['HTML', '<img src=x onerror=alert(1)>'],
    ['a text/html data URL', `data:text/html;base64,${b64(Buffer.from('<script>alert(1)</script>'))}`],
    ['a data URL with a charset parameter whose bytes are SVG', `data:image/png;charset=utf-8;base64,${b64(Buffer.from(svg))}`],
    ['an image over the size limit', b64(oversized)],
    ['a truncated PNG', b64(truncatedPng)],
    ['a PNG whose first chunk is not IHDR', b64(pngWithoutIhdr)],
    ['a truncated JPEG', b64(jpeg().subarray(0, jpeg().length - 1))],
    ['a GIF without its trailer', b64(gif().subarray(0, gif().length - 1))],
    ['a WebP whose RIFF size disagrees with its length', b64(webpBadSize)],
    ['a PNG labelled as JPEG', `data:image/jpeg;base64,${b64(png())}`],
    ['a JPEG labelled as PNG', `data:image/png;base64,${b64(jpeg())}`],
    ['base64 cut to a length no padding completes (1 mod 4)', b64(png()).slice(0, 41)],
    ['base64 with non-canonical trailing bits', b64(Buffer.from([0xff, 0xd8, 0xff, 0xd9])).replace('2Q==', '2R==')],
    ['base64 with characters outside the alphabet', b64(png()).slice(0, 8) + '-_' + b64(png()).slice(10)],
    ['non-base64 garbage', '%%% not an image %%%'],
    ['an empty string', ''],
    ['a bare data prefix', 'data:image/png;base64,'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { valiCodeImg: b64(png()) }],
    ['a byte array', png()],
  ])('refuses %s', (_label, input) => {
    expect(captchaDataUrl(input)).toBeUndefined();
  });

  it('accepts an image exactly at the size limit', () => {
    const atLimit = Buffer.concat([jpeg().subarray(0, 4), Buffer.alloc(MAX_CAPTCHA_BYTES - 6), Buffer.from([0xff, 0xd9])]);
    expect(atLimit.length).toBe(MAX_CAPTCHA_BYTES);
    expect(captchaDataUrl(b64(atLimit))).toMatch(/^data:image\/jpeg;base64,/);
  });
});
