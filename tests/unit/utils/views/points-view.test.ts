import { describe, expect, it } from 'vitest';
import { chinaMoment } from '@/utils/china-time';
import { expiringPoints, unclaimedPoints } from '@/utils/views/points-view';
import type { MemberInfo } from '@/utils/storage-schema';

const now = chinaMoment('2026-11-23', '09:00');

describe('unclaimedPoints', () => {
  it.each<[string, MemberInfo | undefined, number | undefined]>([
    ['nothing read', undefined, undefined],
    ['none waiting', { unclaimed: { points: 0, readAt: now } }, undefined],
    ['some waiting', { unclaimed: { points: 15, readAt: now } }, 15],
  ])('%s → %s', (_name, member, points) => {
    expect(unclaimedPoints(member)).toBe(points);
  });
});

describe('expiringPoints', () => {
  it.each<[string, MemberInfo | undefined, number | undefined]>([
    ['nothing read', undefined, undefined],
    ['none expiring', { expiring: { points: 0, date: '2026-11-23' } }, undefined],
    ['read today', { expiring: { points: 30, date: '2026-11-23' } }, 30],
    ["read yesterday (today's read not done yet)", { expiring: { points: 30, date: '2026-11-22' } }, 30],
    ['read two days ago: stale', { expiring: { points: 30, date: '2026-11-21' } }, undefined],
  ])('%s → %s', (_name, member, points) => {
    expect(expiringPoints(member, now)).toBe(points);
  });
});
