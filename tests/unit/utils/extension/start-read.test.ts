import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beginStartRead, endStartRead, readStored, takeStored } from '@/utils/extension/start-read';
import { STORED } from '@/utils/extension/storage-keys';

// The popup's first read (utils/extension/start-read.ts): begun once as the page's script starts, taken
// by the stores later, and never stale: a key that changed in between is read again.

const mama = [{ provider: 'times', key: 'times:13412341234' }];
const papa = [{ provider: 'times', key: 'times:13900139000' }];
const keys = [STORED.accounts, STORED.settings, STORED.loginDraft] as const;

afterEach(() => {
  endStartRead();
  vi.restoreAllMocks();
});

/** The keys of every storage.local and storage.session read made from now on. */
function spyReads() {
  const reads: unknown[] = [];
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session]) {
    const get = area.get.bind(area);
    vi.spyOn(area, 'get').mockImplementation(((query: unknown) => (reads.push(query), get(query as string[]))) as typeof area.get);
  }
  return reads;
}

describe('the start read', () => {
  it('reads every key by key, local and session alike, null for one never written', async () => {
    await fakeBrowser.storage.local.set({ accounts: mama });
    await fakeBrowser.storage.session.set({ loginDraft: { open: true } });
    expect(await readStored(keys)).toEqual({ [STORED.accounts]: mama, [STORED.settings]: null, [STORED.loginDraft]: { open: true } });
  });

  it('hands over what it read at the start without reading again', async () => {
    await fakeBrowser.storage.local.set({ accounts: mama });
    const reads = spyReads();
    beginStartRead(keys);
    expect(reads).toHaveLength(2); // one call per area, at once

    expect(await takeStored([STORED.accounts, STORED.loginDraft])).toEqual({ [STORED.accounts]: mama, [STORED.loginDraft]: null });
    expect(reads).toHaveLength(2);
  });

  it('reads all the keys asked for again when one changed after the read began (none kept from before)', async () => {
    await fakeBrowser.storage.local.set({ accounts: mama, settings: { theme: 'dark' } });
    beginStartRead(keys);
    await fakeBrowser.storage.local.set({ accounts: papa }); // the worker wrote meanwhile
    const reads = spyReads();

    expect(await takeStored([STORED.accounts, STORED.settings])).toEqual({ [STORED.accounts]: papa, [STORED.settings]: { theme: 'dark' } });
    expect(reads).toEqual([['accounts', 'settings']]);
    // A take of keys that did not change still gets the start read's values, without a read.
    expect(await takeStored([STORED.loginDraft])).toEqual({ [STORED.loginDraft]: null });
    expect(reads).toHaveLength(1);
  });

  it('reads afresh a key it did not read, and everything when the start read failed', async () => {
    await fakeBrowser.storage.local.set({ accounts: mama, member: { a: 1 } });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage busy'));
    beginStartRead([STORED.accounts]);
    vi.restoreAllMocks();

    expect(await takeStored([STORED.accounts, STORED.member])).toEqual({ [STORED.accounts]: mama, [STORED.member]: { a: 1 } });
  });

  it('is begun once: a second call neither reads nor replaces the first', async () => {
    beginStartRead([STORED.accounts]);
    const reads = spyReads();
    beginStartRead(keys);
    expect(reads).toEqual([]);
  });

  it('without a start read (the options and history pages), reads when asked', async () => {
    await fakeBrowser.storage.local.set({ accounts: mama });
    const reads = spyReads();
    expect(await takeStored([STORED.accounts])).toEqual({ [STORED.accounts]: mama });
    expect(reads).toEqual([['accounts']]);
  });
});
