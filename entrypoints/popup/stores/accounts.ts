import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { sendCommand } from '@/utils/messages';
import {
  accountSchema,
  accountsItem,
  checkinsItem,
  dayRecordSchema,
  parseList,
  parseRecord,
  type Account,
  type DayRecord,
} from '@/utils/storage';
import { useUiStore } from './ui';

/** The accounts as stored by the worker, kept live; actions send commands, never call an API. */
export const useAccountsStore = defineStore('accounts', () => {
  const accounts = ref<Account[]>([]);
  const records = ref<Record<string, DayRecord>>({});
  const busy = ref<string[]>([]);
  const ui = useUiStore();
  let unwatch: (() => void)[] = [];

  async function load() {
    const [storedAccounts, storedRecords] = await Promise.all([accountsItem.getValue(), checkinsItem.getValue()]);
    accounts.value = parseList(accountSchema, storedAccounts);
    records.value = parseRecord(dayRecordSchema, storedRecords);
    unwatch.forEach((stop) => stop());
    unwatch = [
      accountsItem.watch((value) => (accounts.value = parseList(accountSchema, value))),
      checkinsItem.watch((value) => (records.value = parseRecord(dayRecordSchema, value))),
    ];
  }

  async function withBusy(key: string, task: () => Promise<unknown>) {
    busy.value = [...busy.value, key];
    try {
      await ui.attempt(task);
    } finally {
      busy.value = busy.value.filter((k) => k !== key);
    }
  }

  const checkIn = (key: string) => withBusy(key, () => sendCommand({ type: 'checkin.run', key }));

  const remove = (account: Account) =>
    withBusy(account.key, async () => {
      if (account.provider === 'times') return sendCommand({ type: 'account.remove', key: account.key });
      const { serverLoggedOut } = await sendCommand({ type: 'homing.logout', key: account.key });
      if (!serverLoggedOut) ui.inform('服务器未确认登出，已在本地删除该账号的登录信息');
    });

  const isEmpty = computed(() => accounts.value.length === 0);

  return { accounts, records, busy, isEmpty, load, checkIn, remove };
});
