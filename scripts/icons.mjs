import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureBrowser } from './find-browser.mjs';

// `npm run icons`: renders public/icon.svg to public/icon/<size>.png, the sizes the manifest and the stores
// use (WXT lists public/icon/<size>.png in the manifest's `icons` by itself). The PNGs are committed, so
// a build needs no browser; run this after changing the SVG and look at the results.
//
// Chromium draws the SVG (the one the tests use: no image library to install), each size from the vector
// itself rather than scaled down from 128 px, on a transparent background.

const root = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];
const source = join(root, 'public/icon.svg');
const outDir = join(root, 'public/icon');

const svg = readFileSync(source, 'utf8');
let browser;
try {
  browser = await chromium.launch({
    executablePath: ensureBrowser({ forTests: false }),
    headless: true,
    // Chromium refuses to start its sandbox as root (containers, CI).
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

try {
  mkdirSync(outDir, { recursive: true });
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    // The SVG as an image (not inline): its own width/height are replaced by the size we want.
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    const file = join(outDir, `${size}.png`);
    writeFileSync(file, png);
    console.log(`${file}  ${size}×${size}  ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
