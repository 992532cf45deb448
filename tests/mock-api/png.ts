import { deflateSync } from 'node:zlib';

// A minimal PNG encoder (8-bit RGB, no interlace) so the captcha is a real image a client can
// validate by its signature and chunks. The CRC-32 is the one PNG specifies (polynomial 0xEDB88320).

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes `rgb` (width*height*3 bytes, rows top to bottom) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) throw new RangeError('pixel data does not match the size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, filter 0, no interlace
  const rows = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    const start = y * (width * 3 + 1); // each row starts with its filter type, 0 = none
    rows.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), start + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A 60x24 captcha-looking picture: a light background, one coloured bar per character and noise. */
export function captchaPng(text: string): Buffer {
  const width = 60;
  const height = 24;
  const rgb = new Uint8Array(width * height * 3).fill(236);
  const paint = (x: number, y: number, shade: number) => rgb.set([shade, 80, 255 - shade], (y * width + x) * 3);
  [...text].forEach((char, index) => {
    const code = char.charCodeAt(0);
    const left = 6 + index * 13;
    const top = 4 + (code % 5);
    for (let y = top; y < top + 14; y++) for (let x = left; x < left + 6; x++) paint(x, y, (code * 37) % 256);
  });
  for (let n = 0; n < 40; n++) paint((n * 17 + text.length) % width, (n * 7) % height, 40);
  return encodePng(width, height, rgb);
}
