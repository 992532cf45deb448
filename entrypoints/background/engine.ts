import { createTimesClient } from '@/utils/api/times';
import { createEngine } from '@/utils/core/engine';
import type { CorePorts } from '@/utils/core/ports';
import { readPush, updatePush } from '@/utils/extension/push-storage';
import * as storage from '@/utils/extension/storage';
import { browserNotifier } from './notify';
import { browserPusher } from './push';

// The extension's engine: WXT storage items as the state store, browser notifications as the notifier,
// the options page's push channels as the pusher.
export const enginePorts: CorePorts = {
  store: { ...storage, readPush, updatePush },
  notifier: browserNotifier,
  pusher: browserPusher,
  clock: { now: () => Date.now() },
  timesClient: createTimesClient,
};
export const engine = createEngine(enginePorts);
