import { defineStore } from 'pinia';
import { ref } from 'vue';
import { storage } from 'wxt/utils/storage';
import { takeStored } from '@/utils/extension/start-read';
import { EMPTY_LOGIN_DRAFT } from '@/utils/extension/storage';
import { STORED } from '@/utils/extension/storage-keys';
import { loginDraftSchema, type Account, type LoginDraft } from '@/utils/storage-schema';
import { shouldResumeLogin } from '@/utils/views/login-draft';

export type SendPurpose = 'times.sendCode' | 'homing.getSmsCode' | 'homing.forgotGetSmsCode';

/** The unfinished login, kept in storage.session so that closing the popup loses nothing. */
export const useDraftStore = defineStore('draft', () => {
  const draft = ref<LoginDraft>(EMPTY_LOGIN_DRAFT);

  let loading: Promise<void> | undefined;
  /** Reads the stored draft; a second call shares the first (main.ts starts it early). */
  const load = () =>
    (loading ??= (async () => {
      const stored = loginDraftSchema.safeParse((await takeStored([STORED.loginDraft]))[STORED.loginDraft]);
      draft.value = stored.success ? stored.data : EMPTY_LOGIN_DRAFT;
    })());

  function change(patch: Partial<LoginDraft>) {
    draft.value = { ...draft.value, ...patch, at: Date.now() };
    void storage.setItem(STORED.loginDraft, draft.value);
  }

  const open = (provider: LoginDraft['provider'], phone: string) => change({ open: true, provider, phone, submittedAt: undefined });
  const close = () => change({ ...EMPTY_LOGIN_DRAFT, sent: draft.value.sent });
  const codeSent = (purpose: SendPurpose, phone: string, at: number) => change({ sent: { ...draft.value.sent, [purpose]: { phone, at } } });
  /** A login is on its way: if the popup closes before its answer, the next one checks whether it completed. */
  const submitted = () => change({ submittedAt: Date.now() });

  /**
   * Whether the popup goes back to the stored login form (utils/views/login-draft.ts): not once that
   * login completed, nor after the form was abandoned; a draft not resumed is closed for good.
   */
  function resumable(accounts: Account[], now: number): boolean {
    if (shouldResumeLogin(draft.value, accounts, now)) return true;
    if (draft.value.open) close();
    return false;
  }

  /** Seconds left before another code may be asked for this phone and purpose (0: now). */
  function secondsLeft(purpose: SendPurpose, phone: string, now: number, seconds: number): number {
    const sent = draft.value.sent[purpose];
    if (!sent || sent.phone !== phone) return 0;
    return Math.max(0, Math.ceil(seconds - (now - sent.at) / 1000));
  }

  return { draft, load, change, open, close, codeSent, submitted, resumable, secondsLeft };
});
