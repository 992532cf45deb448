import { createTimesClient } from '@/utils/api/times';
import { engineCommands, engineParts } from '@/utils/core/engine';
import type { CorePorts } from '@/utils/core/ports';
import { browserNotifier } from './notify';
import { extensionStateStore } from './state-store';

// The extension's engine: WXT storage items as the state store (state-store.ts), browser notifications as
// the notifier (notify.ts).
export const enginePorts: CorePorts = {
  store: extensionStateStore,
  notifier: browserNotifier,
  clock: { now: () => Date.now() },
  timesClient: createTimesClient,
};
/** The engine's parts, for tests that drive one directly; the worker uses `engine`'s commands. */
export const engineInternals = engineParts(enginePorts);
export const engine = engineCommands(engineInternals);
