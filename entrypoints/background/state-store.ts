import type { StateStore } from '@/utils/core/ports';
import {
  forgetNotified,
  markNotified,
  readAccounts,
  readCheckins,
  readDiagnostics,
  readHistory,
  readMember,
  readSecrets,
  readSettings,
  updateAccounts,
  updateCheckins,
  updateDiagnostics,
  updateHistory,
  updateMember,
  updateSecrets,
} from '@/utils/extension/storage';
import { readPush, updatePush } from '@/utils/extension/push-storage';

// The extension's state store for the engine (utils/core/ports.ts): WXT storage items in
// storage.local, one item per kind (utils/extension/storage.ts holds the items, their versions and
// migrations). Named here so the port's every method is seen to have an adapter.
export const extensionStateStore: StateStore = {
  readSettings,
  readAccounts,
  updateAccounts,
  readSecrets,
  updateSecrets,
  readCheckins,
  updateCheckins,
  readMember,
  updateMember,
  readHistory,
  updateHistory,
  markNotified,
  forgetNotified,
  readPush,
  updatePush,
  readDiagnostics,
  updateDiagnostics,
};
