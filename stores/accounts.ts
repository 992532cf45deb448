import { defineStore } from 'pinia';
import { storage } from 'wxt/utils/storage';
import { computed, ref } from 'vue';
import { text } from '@/utils/i18n/keys';
import { chinaDate } from '@/utils/china-time';
import { isCheckedIn } from '@/utils/core/rules/checkin-schedule';
import { CommandError, sendCommand } from '@/utils/extension/messages';
import { takeStored } from '@/utils/extension/start-read';
import { parseList, parseRecord, parseSettings } from '@/utils/extension/storage';
import { STORED } from '@/utils/extension/storage-keys';
import { accountSchema, DEFAULT_SETTINGS, dayRecordSchema, memberInfoSchema, type Account, type DayRecord, type MemberInfo, type Settings } from '@/utils/storage-schema';
import { useUiStore } from './ui';

/**
 * The accounts as stored by the worker, with their day records, member info (streak, week, 邦豆) and
 * the settings that decide the next run, all kept live; actions send commands, never call an API.
 */
export const useAccountsStore = defineStore('accounts', () => {
  const accounts = ref<Account[]>([]);
  const records = ref<Record<string, DayRecord>>({});
  const member = ref<Record<string, MemberInfo>>({});
  const settings = ref<Settings>(DEFAULT_SETTINGS);
  const busy = ref<string[]>([]);
  const ui = useUiStore();
  let unwatch: (() => void)[] = [];

  let loading: Promise<void> | undefined;
  /** Reads everything and follows it from then on; a second call shares the first (main.ts starts it early). */
  const load = () => (loading ??= start());

  async function start() {
    unwatch.forEach((stop) => stop());
    unwatch = [
      storage.watch(STORED.accounts, (value) => (accounts.value = parseList(accountSchema, value))),
      storage.watch(STORED.checkins, (value) => (records.value = parseRecord(dayRecordSchema, value))),
      storage.watch(STORED.member, (value) => (member.value = parseRecord(memberInfoSchema, value))),
      storage.watch(STORED.settings, (value) => (settings.value = parseSettings(value))),
    ];
    // What the first paint shows, in the one read the popup began as its script started
    // (utils/extension/start-read.ts; elsewhere a read now): each storage call is a round trip to the
    // browser. Settings are read raw, without the item's migration: parseSettings gives every missing
    // field its default, and the worker migrates.
    const stored = await takeStored([STORED.accounts, STORED.checkins, STORED.member, STORED.settings]);
    accounts.value = parseList(accountSchema, stored[STORED.accounts]);
    records.value = parseRecord(dayRecordSchema, stored[STORED.checkins]);
    member.value = parseRecord(memberInfoSchema, stored[STORED.member]);
    settings.value = parseSettings(stored[STORED.settings]);
  }

  async function withBusy(key: string, task: () => Promise<unknown>) {
    busy.value = [...busy.value, key];
    try {
      await ui.attempt(task);
    } finally {
      busy.value = busy.value.filter((k) => k !== key);
    }
  }

  /**
   * 立即签到. One message per fact (issue 13): on a day already checked in the card does not change, so a
   * notice says so; a failure the worker recorded on the card (its reason under the state, the session
   * state when it ended) is not said again above the list.
   */
  const checkIn = (key: string) =>
    withBusy(key, async () => {
      const before = records.value[key];
      const doneBefore = before !== undefined && before.date === chinaDate(Date.now()) && isCheckedIn(before);
      try {
        await sendCommand({ type: 'checkin.run', key });
        if (doneBefore) ui.inform(text('popup.alreadyDone'));
      } catch (error) {
        if (!(error instanceof CommandError && (await shownOnCard(key, error)))) throw error;
      }
    });

  /** Whether today's record of `key`, as the worker left it, already says what `error` says. */
  async function shownOnCard(key: string, error: CommandError): Promise<boolean> {
    // Read again, not from the watch: the record is written before the reply, its change event may come after.
    records.value = parseRecord(dayRecordSchema, await storage.getItem(STORED.checkins));
    const record = records.value[key];
    if (record?.date !== chinaDate(Date.now()) || record.state !== 'failed') return false;
    return typeof record.error === 'object' && record.error.key === error.text.key;
  }

  const claim = (key: string) =>
    withBusy(key, async () => {
      const { claimed } = await sendCommand({ type: 'points.claim', key });
      ui.inform(claimed > 0 ? text('popup.claimed', { points: claimed }) : text('popup.nothingToClaim'));
    });

  /** Sets the nickname (trimmed, at most 20 characters: the caller checks); empty clears it. */
  const rename = (key: string, nickname: string) => withBusy(key, () => sendCommand({ type: 'account.rename', key, nickname }));

  const remove = (account: Account) =>
    withBusy(account.key, async () => {
      if (account.provider === 'times') return sendCommand({ type: 'account.remove', key: account.key });
      const { serverLoggedOut } = await sendCommand({ type: 'homing.logout', key: account.key });
      if (!serverLoggedOut) ui.inform(text('popup.logoutUnconfirmed'));
    });

  const isEmpty = computed(() => accounts.value.length === 0);

  return { accounts, records, member, settings, busy, isEmpty, load, checkIn, claim, rename, remove };
});
