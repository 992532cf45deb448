import { describe, expect, it } from 'vitest';
import { describeRatios, quantile, summarizeRatios, trimmedMean } from '../../../scripts/bench-stats';

describe('the benchmarks’ statistics', () => {
  it.each([
    [[3, 1, 2], 0, 1],
    [[3, 1, 2], 1, 3],
    [[3, 1, 2], 0.5, 2],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[10, 20], 0.25, 12.5],
    [[7], 0.9, 7],
  ])('quantile of %j at %f is %f (any order, interpolated)', (values, q, expected) => {
    expect(quantile(values, q)).toBeCloseTo(expected, 10);
  });

  it('drops a quarter at each end before averaging, so a burst on one side of a few pairs does not move it', () => {
    // Eight pairs: two hit by a burst (3.0, 2.8), two lucky (0.6, 0.9); the middle half is 1.1, 1.2, 1.2, 1.3.
    expect(trimmedMean([1.2, 3.0, 1.1, 0.6, 1.3, 2.8, 1.2, 0.9])).toBeCloseTo((1.1 + 1.2 + 1.2 + 1.3) / 4, 10);
    expect(trimmedMean([1, 2, 3, 4], 0)).toBe(2.5);
    // Trimming everything leaves the median.
    expect(trimmedMean([5, 1, 9], 0.5)).toBe(5);
    expect(trimmedMean([4, 1, 9, 2], 0.5)).toBe(3);
  });

  it('refuses no values rather than reporting a figure', () => {
    expect(() => quantile([], 0.5)).toThrow();
    expect(() => trimmedMean([])).toThrow();
  });

  it('summarises ratios with their spread and the figure of each half', () => {
    const summary = summarizeRatios([1.0, 1.2, 1.4, 1.6, 2.0, 2.2, 2.4, 2.6]);
    expect(summary.count).toBe(8);
    expect(summary.ratio).toBeCloseTo((1.4 + 1.6 + 2.0 + 2.2) / 4, 10);
    expect(summary.median).toBeCloseTo(1.8, 10);
    expect(summary.p25).toBeLessThan(summary.median);
    expect(summary.p75).toBeGreaterThan(summary.median);
    expect(summary.halves[0]).toBeCloseTo(1.3, 10);
    expect(summary.halves[1]).toBeCloseTo(2.3, 10);
    expect(describeRatios(summary)).toMatch(/^1\.80x \(trimmed mean of 8 pair ratios; median 1\.80x, quartiles .*halves 1\.30x \/ 2\.30x\)$/);
  });
});
