import { chinaDate } from '../china-time';
import type { PushLog } from '../push-schema';
import type { PushOutcome } from './push/channel';
import { dayOutcomes, planPush, SENT_KEPT, sentKey } from './rules/push-policy';
import type { CorePorts } from './ports';
import type { Notice } from './rules/notice';

// Push to the phone (issue 12), the same in both homes: a notice raised during a wake waits in the push
// log's outbox (stored, so a worker killed mid-wake loses none), and the wake ends with one push of
// whatever rules/push-policy.ts says. A push never changes a check-in: it runs after them, every
// failure stays inside it, and each channel's last failure is recorded for the options page.

/** The most notices kept waiting (a wake pushes them all; this only bounds a push that never runs). */
const OUTBOX_KEPT = 50;

/** Keeps a notice for the wake's push. Never rejects: a push log that can't be written loses only the push. */
export async function queuePush(ports: CorePorts, id: string, notice: Notice): Promise<void> {
  if (!ports.pusher) return;
  const at = ports.clock.now();
  await ports.store.updatePush((log) => ({ ...log, outbox: [...log.outbox, { id, at, notice }].slice(-OUTBOX_KEPT) })).catch(() => undefined);
}

/** Each channel's last failure: set by a failed delivery, cleared by a delivered one. */
function recordOutcomes(failures: PushLog['failures'], outcomes: PushOutcome[], now: number): PushLog['failures'] {
  const next = { ...failures };
  for (const outcome of outcomes) {
    if (outcome.ok) delete next[outcome.id];
    else next[outcome.id] = { at: now, type: outcome.type, reason: outcome.reason };
  }
  return next;
}

/**
 * The end of a wake: pushes what the policy says (at most one message, to every channel), then records
 * it. What it takes is marked pushed before it goes out: a worker killed mid-send may lose a message,
 * never send one twice. Nothing when no channel is set (the waiting notices are dropped). Never rejects.
 */
export async function pushDue(ports: CorePorts, now: number): Promise<void> {
  const { pusher, store } = ports;
  if (!pusher) return;
  try {
    const [log, config] = await Promise.all([store.readPush(), pusher.config()]);
    if (!config.active) {
      if (log.outbox.length > 0) await store.updatePush((current) => ({ ...current, outbox: [] }));
      return;
    }
    const today = chinaDate(now);
    const [accounts, records, member] = await Promise.all([store.readAccounts(), store.readCheckins(), store.readMember()]);
    const plan = planPush({ outbox: log.outbox, sent: log.sent, summaryDate: log.summaryDate, digest: config.digest, today, day: dayOutcomes(accounts, records, member, today) });
    const taken = new Set(plan.taken);
    await store.updatePush((current) => ({
      ...current,
      outbox: current.outbox.filter((queued) => !taken.has(sentKey(queued))),
      sent: [...new Set([...current.sent, ...plan.taken])].slice(-SENT_KEPT),
      ...(plan.summaryDate ? { summaryDate: plan.summaryDate } : {}),
    }));
    if (!plan.message) return;
    const outcomes = await pusher.send(plan.message);
    const at = ports.clock.now();
    await store.updatePush((current) => ({ ...current, failures: recordOutcomes(current.failures, outcomes, at) }));
  } catch {
    // A push log or a home that fails here loses this push; the check-ins before it stand.
  }
}
