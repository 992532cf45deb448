import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { accountsItem, checkinsItem, settingsItem } from '@/utils/extension/storage';
import { handleCommand } from './handlers';
import { ALARM_NAME } from './scheduler';
import { reschedule, runDueWork } from './worker';

// Wiring only: browser events -> services.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleCommand(message)
      .then(sendResponse)
      .finally(() => void runDueWork());
    return true; // the reply is sent asynchronously
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_NAME) void runDueWork();
  });
  // Catch-up when the browser was closed at check-in time, and after install or update.
  browser.runtime.onStartup.addListener(() => void runDueWork());
  browser.runtime.onInstalled.addListener(() => void runDueWork());
  // Settings come from the options page; accounts and records change as the worker works.
  for (const item of [settingsItem, accountsItem, checkinsItem]) item.watch(() => void reschedule());
  // Overdue work runs once at every worker start.
  void runDueWork();
});
