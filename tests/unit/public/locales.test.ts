import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The manifest's words (name, description, toolbar tooltip) come from public/_locales.
const root = resolve(import.meta.dirname, '../../..');
const localesDir = join(root, 'public/_locales');

type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(localesDir).sort();
/** Every `__MSG_key__` the config puts in the manifest. */
const manifestKeys = [...readFileSync(join(root, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);

describe('manifest strings', () => {
  it('ships zh_CN (the default_locale) and en', () => {
    expect(locales).toEqual(['en', 'zh_CN']);
    expect(readFileSync(join(root, 'wxt.config.ts'), 'utf8')).toContain("default_locale: 'zh_CN'");
  });

  it('uses at least the name, description and tooltip from the catalogue', () => {
    expect(new Set(manifestKeys)).toEqual(new Set(['extName', 'extDescription', 'actionTitle']));
  });

  it.each(locales)('%s has every key the manifest uses and no other, none empty', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual([...new Set(manifestKeys)].sort());
    for (const { message } of Object.values(messages)) expect(message.trim()).not.toBe('');
  });

  // Counted in UTF-16 code units, as the browser's JavaScript sees them.
  it.each(locales)('%s fits the stores: name at most 75 characters, description at most 132', (locale) => {
    const messages = read(locale);
    expect(messages.extName.message.length).toBeLessThanOrEqual(75);
    expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
  });
});

describe('store listings', () => {
  it.each([
    ['zh_CN', 'docs/store/listing.zh_CN.md'],
    ['en', 'docs/store/listing.en.md'],
  ])('%s listing carries the name and short description the manifest has', (locale, file) => {
    const listing = readFileSync(join(root, file), 'utf8');
    const messages = read(locale);
    expect(listing).toContain(`\n${messages.extName.message}\n`);
    expect(listing).toContain(`\n${messages.extDescription.message}\n`);
  });
});
