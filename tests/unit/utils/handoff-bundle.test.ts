import { describe, expect, it } from 'vitest';
import { HANDOFF_ITERATIONS, HandoffError, openHandoff, sealHandoff, type HandoffPayload } from '@/utils/handoff-bundle';

// The hand-off bundle (issue 8): AES-GCM with a PBKDF2 key, one line of text, refused with a reason.

const payload: HandoffPayload = {
  account: { phone: '13412341234', memberId: '1867395312345678901', server: 'https://times.test', nickname: '妈妈', addedAt: 1 },
  secret: { provider: 'times', baseUrl: 'https://times.test', token: 'access-secret', refreshToken: 'refresh-secret', tokenHead: 'Bearer ', obtainedAt: 2, expiresAt: 3 },
  exportedAt: 4,
};
const PASSPHRASE = 'correct horse battery';

async function refusal(text: string, passphrase = PASSPHRASE): Promise<string> {
  const error = await openHandoff(text, passphrase).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(HandoffError);
  return (error as HandoffError).code;
}

/** Flips one character of a base64url field (index from the end of the text). */
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

describe('hand-off bundle', () => {
  it('opens with the passphrase it was sealed with, giving back the same session', async () => {
    const bundle = await sealHandoff(payload, PASSPHRASE);
    expect(await openHandoff(bundle, PASSPHRASE)).toEqual(payload);
  });

  it('is one line that carries no token, phone or member id in clear, with fresh salt and IV each time', async () => {
    const [one, two] = [await sealHandoff(payload, PASSPHRASE), await sealHandoff(payload, PASSPHRASE)];
    expect(one).toMatch(new RegExp(`^linli-handoff\\.1\\.${HANDOFF_ITERATIONS}\\.[\\w-]{22}\\.[\\w-]{16}\\.[\\w-]+$`));
    for (const clear of ['access-secret', 'refresh-secret', '13412341234', '1867395312345678901']) expect(one).not.toContain(clear);
    expect(one.split('.').slice(3)).not.toEqual(two.split('.').slice(3));
    expect(HANDOFF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('survives line breaks and spaces added when it was copied', async () => {
    const bundle = await sealHandoff(payload, PASSPHRASE);
    const wrapped = `  ${bundle.slice(0, 40)}\n${bundle.slice(40, 90)}\r\n ${bundle.slice(90)}\n`;
    expect(await openHandoff(wrapped, PASSPHRASE)).toEqual(payload);
  });

  it('refuses a wrong passphrase', async () => {
    expect(await refusal(await sealHandoff(payload, PASSPHRASE), 'correct horse battery!')).toBe('passphrase');
  });

  it('refuses a bundle whose ciphertext, IV or salt was changed', async () => {
    const bundle = await sealHandoff(payload, PASSPHRASE);
    const [, , , salt, iv] = bundle.split('.');
    expect(await refusal(flip(bundle, bundle.length - 5))).toBe('passphrase');
    expect(await refusal(flip(bundle, bundle.indexOf(iv) + 2))).toBe('passphrase');
    expect(await refusal(flip(bundle, bundle.indexOf(salt) + 2))).toBe('passphrase');
  });

  it('refuses text that is not a bundle, one cut short, a weaker one and one from a newer version', async () => {
    const bundle = await sealHandoff(payload, PASSPHRASE);
    expect(await refusal('hello')).toBe('format');
    expect(await refusal(bundle.split('.').slice(0, 5).join('.'))).toBe('format');
    expect(await refusal(bundle.replace(`.${HANDOFF_ITERATIONS}.`, '.1000.'))).toBe('format');
    expect(await refusal(bundle.replace('linli-handoff.1.', 'linli-handoff.2.'))).toBe('version');
  });
});
