import { defineStore } from 'pinia';
import { ref } from 'vue';
import { EMPTY_LOGIN_DRAFT, loginDraftItem } from '@/utils/extension/storage';
import { loginDraftSchema, type LoginDraft } from '@/utils/storage-schema';

export type SendPurpose = 'times.sendCode' | 'homing.getSmsCode' | 'homing.forgotGetSmsCode';

/** The unfinished login, kept in storage.session so that closing the popup loses nothing. */
export const useDraftStore = defineStore('draft', () => {
  const draft = ref<LoginDraft>(EMPTY_LOGIN_DRAFT);

  let loading: Promise<void> | undefined;
  /** Reads the stored draft; a second call shares the first (main.ts starts it early). */
  const load = () =>
    (loading ??= (async () => {
      const stored = loginDraftSchema.safeParse(await loginDraftItem.getValue());
      draft.value = stored.success ? stored.data : EMPTY_LOGIN_DRAFT;
    })());

  function change(patch: Partial<LoginDraft>) {
    draft.value = { ...draft.value, ...patch };
    void loginDraftItem.setValue(draft.value);
  }

  const open = (provider: LoginDraft['provider'], phone: string) => change({ open: true, provider, phone });
  const close = () => change({ ...EMPTY_LOGIN_DRAFT, sent: draft.value.sent });
  const codeSent = (purpose: SendPurpose, phone: string, at: number) => change({ sent: { ...draft.value.sent, [purpose]: { phone, at } } });

  /** Seconds left before another code may be asked for this phone and purpose (0: now). */
  function secondsLeft(purpose: SendPurpose, phone: string, now: number, seconds: number): number {
    const sent = draft.value.sent[purpose];
    if (!sent || sent.phone !== phone) return 0;
    return Math.max(0, Math.ceil(seconds - (now - sent.at) / 1000));
  }

  return { draft, load, change, open, close, codeSent, secondsLeft };
});
