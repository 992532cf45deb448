// The statistics of the timed benchmarks (bench-popup.ts, bench-runner.ts). On this 2-core machine other
// work comes and goes while a benchmark runs: a load timed during a burst is slower whatever it loads.
// So the two things compared are timed in pairs, one right after the other (their order alternating,
// so that neither always runs first), each pair gives the ratio of its two times, and the figure that
// gates is a trimmed mean of those ratios: a burst that hit one side of a pair only moves that pair's
// ratio into the tail, and the tails are dropped.

/** Share of the ratios dropped at each end before averaging: 0.25 keeps the middle half. */
export const TRIM = 0.25;

/** The `q` quantile (0..1) of `values`, interpolated linearly between the nearest two (any order). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/**
 * The mean of `values` after dropping `trim` (0..0.5) of them at each end, rounded down to whole values;
 * at least the middle one or two are kept (trim 0.5 gives the median).
 */
export function trimmedMean(values: readonly number[], trim = TRIM): number {
  if (values.length === 0) throw new Error('mean of no values');
  const sorted = [...values].sort((a, b) => a - b);
  let drop = Math.floor(sorted.length * Math.min(0.5, Math.max(0, trim)));
  if (sorted.length - 2 * drop < 1) drop = Math.floor((sorted.length - 1) / 2);
  const kept = sorted.slice(drop, sorted.length - drop);
  return kept.reduce((sum, value) => sum + value, 0) / kept.length;
}

export interface RatioSummary {
  /** How many pairs. */
  count: number;
  /** The trimmed mean of the pair ratios (TRIM at each end): the figure a budget is held against. */
  ratio: number;
  median: number;
  p10: number;
  p25: number;
  p75: number;
  p90: number;
  /** The same trimmed mean over the first and over the second half of the pairs: how steady it is. */
  halves: [number, number];
}

/** The summary of per-pair ratios, in the order they were measured. */
export function summarizeRatios(ratios: readonly number[]): RatioSummary {
  const half = Math.ceil(ratios.length / 2);
  return {
    count: ratios.length,
    ratio: trimmedMean(ratios),
    median: quantile(ratios, 0.5),
    p10: quantile(ratios, 0.1),
    p25: quantile(ratios, 0.25),
    p75: quantile(ratios, 0.75),
    p90: quantile(ratios, 0.9),
    halves: [trimmedMean(ratios.slice(0, half)), trimmedMean(ratios.slice(half))],
  };
}

/** One line: the gating figure, then the spread (quartiles, 10th–90th percentile, the two halves). */
export function describeRatios(summary: RatioSummary): string {
  const x = (value: number) => `${value.toFixed(2)}x`;
  return (
    `${x(summary.ratio)} (trimmed mean of ${summary.count} pair ratios; median ${x(summary.median)}, ` +
    `quartiles ${x(summary.p25)}–${x(summary.p75)}, p10–p90 ${x(summary.p10)}–${x(summary.p90)}, halves ${x(summary.halves[0])} / ${x(summary.halves[1])})`
  );
}
