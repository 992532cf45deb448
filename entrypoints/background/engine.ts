import { createTimesClient } from '@/utils/api/times';
import { engineCommands, engineParts } from '@/utils/core/engine';
import type { CorePorts } from '@/utils/core/ports';
import { browserNotifier } from './notify';
import { browserPusher } from './push';
import { extensionStateStore } from './state-store';

// The extension's engine: WXT storage items as the state store (state-store.ts), browser notifications as
// the notifier (notify.ts), the options page's push channels as the pusher (push.ts).
export const enginePorts: CorePorts = {
  store: extensionStateStore,
  notifier: browserNotifier,
  pusher: browserPusher,
  clock: { now: () => Date.now() },
  timesClient: createTimesClient,
};
/** The engine's parts, for tests that drive one directly; the worker uses `engine`'s commands. */
export const engineInternals = engineParts(enginePorts);
export const engine = engineCommands(engineInternals);
