// The Homing server sends its image captcha (`valiCodeImg`) as base64, with or without a data-URL
// prefix. Whatever we bind to `<img :src>` comes from the network, so a hostile or compromised server
// could send an SVG with script, a `javascript:` URL or HTML. We only ever hand out a data URL we built
// ourselves, for bytes that are a complete raster image of a type we recognise by its magic bytes.

export const MAX_CAPTCHA_BYTES = 200 * 1024;

type ImageType = 'png' | 'jpeg' | 'gif' | 'webp';

// Servers write the prefix with parameters too (`data:image/png;charset=utf-8;base64,`, issue 13): a
// parameter is read past, the type still has to match the bytes.
const DATA_PREFIX = /^data:image\/(png|jpeg|jpg|gif|webp)(?:;[\w.-]+=[\w.-]+)*;base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
// Base64 of MAX_CAPTCHA_BYTES plus generous room for line breaks: anything longer is refused before
// we spend time on regexes and decoding.
const MAX_INPUT_CHARS = Math.ceil(MAX_CAPTCHA_BYTES / 3) * 4 * 2;

/** A data URL that is safe to bind to `<img :src>`, or undefined when the value is not a valid image. */
export function captchaDataUrl(valiCodeImg: unknown): string | undefined {
  if (typeof valiCodeImg !== 'string' || valiCodeImg.length > MAX_INPUT_CHARS) return undefined;
  let text = valiCodeImg.trim();
  let claimed: ImageType | undefined;
  const prefix = DATA_PREFIX.exec(text);
  if (prefix) {
    const subtype = prefix[1].toLowerCase();
    claimed = subtype === 'jpg' ? 'jpeg' : (subtype as ImageType);
    text = text.slice(prefix[0].length);
  } else if (/^data:/i.test(text)) {
    return undefined; // svg+xml, text/html, a charset parameter, …: not one of ours
  }
  const base64 = standardBase64(text.replace(/[\t\n\r ]/g, ''));
  const bytes = decodeBase64(base64);
  if (!bytes) return undefined;
  const type = imageType(bytes);
  if (!type || (claimed && claimed !== type)) return undefined;
  return `data:image/${type};base64,${base64}`;
}

/**
 * URL-safe base64 (`-` and `_`, padding left out: what Java's URL encoder writes) as standard base64
 * with its padding; standard base64 as it is. A text mixing both alphabets is left for decodeBase64 to
 * refuse.
 */
function standardBase64(text: string): string {
  if (/[-_]/.test(text) && /[+/]/.test(text)) return text;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  // Padding left out: at most two characters (a length of 1 mod 4 is no base64 at all, refused later).
  return standard.length % 4 === 0 || standard.endsWith('=') ? standard : standard + '='.repeat(4 - (standard.length % 4));
}

/** Strict base64 (canonical padding and trailing bits), or undefined; atob alone is too forgiving. */
function decodeBase64(base64: string): Uint8Array | undefined {
  if (base64.length === 0 || base64.length % 4 !== 0 || !BASE64.test(base64)) return undefined;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  if ((base64.length / 4) * 3 - padding > MAX_CAPTCHA_BYTES) return undefined;
  // Canonical encoders leave the bits that padding makes unused at zero.
  const last = base64.charAt(base64.length - padding - 1);
  if (padding === 2 && !'AQgw'.includes(last)) return undefined;
  if (padding === 1 && !'AEIMQUYcgkosw048'.includes(last)) return undefined;
  let binary: string;
  try {
    binary = atob(base64); // not Buffer: this runs in the extension's pages
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const uint32BE = (bytes: Uint8Array, at: number) =>
  ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
const uint32LE = (bytes: Uint8Array, at: number) =>
  (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = ascii('IHDR');
const IEND = ascii('IEND');

/** Walks the chunks: IHDR first, IEND last and ending exactly at the end, so a cut file fails. */
function isPng(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, PNG_SIGNATURE)) return false;
  let at = PNG_SIGNATURE.length;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = uint32BE(bytes, at);
    const end = at + 12 + length; // length, type, data, CRC
    if (end > bytes.length) return false;
    if (first && (length !== 13 || !startsWith(bytes, IHDR, at + 4))) return false;
    if (startsWith(bytes, IEND, at + 4)) return length === 0 && end === bytes.length;
    first = false;
    at = end;
  }
  return false;
}

function isJpeg(bytes: Uint8Array): boolean {
  const n = bytes.length;
  return n >= 4 && startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9;
}

function isGif(bytes: Uint8Array): boolean {
  // 6-byte header + 7-byte logical screen descriptor + the 0x3B trailer.
  const header = startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'));
  return header && bytes.length >= 14 && bytes[bytes.length - 1] === 0x3b;
}

function isWebp(bytes: Uint8Array): boolean {
  // RIFF header + 'WEBP' + at least one chunk header; the RIFF size counts everything after itself.
  return (
    bytes.length >= 20 &&
    startsWith(bytes, ascii('RIFF')) &&
    uint32LE(bytes, 4) === bytes.length - 8 &&
    startsWith(bytes, ascii('WEBP'), 8)
  );
}

function imageType(bytes: Uint8Array): ImageType | undefined {
  if (isPng(bytes)) return 'png';
  if (isJpeg(bytes)) return 'jpeg';
  if (isGif(bytes)) return 'gif';
  if (isWebp(bytes)) return 'webp';
  return undefined;
}
