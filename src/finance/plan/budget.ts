/**
 * Budget periodisation (spec finance §3): an annual amount spread over the 12 months by a profile
 * (even, by working days, or 12 custom weights), exactly in øre: the months always sum to the
 * annual amount (largest-remainder rounding, ties to the earlier month).
 */
import { isWorkingDay } from '../../shared/holidays.ts';
import type { Ore } from '../../shared/money.ts';
import { eachDate, lastDayOfMonth, yearMonth } from '../../shared/period.ts';

export type ProfileName = 'even' | 'working-days' | 'weights';

export type Profile = { kind: 'even' } | { kind: 'working-days' } | { kind: 'weights'; weights: readonly number[] };

/** Working days (Mon–Fri, not a Norwegian public holiday) in each month of a year. */
export function workingDaysPerMonth(year: number): number[] {
  return Array.from({ length: 12 }, (_, i) => {
    const ym = yearMonth(year, i + 1);
    let n = 0;
    for (const d of eachDate(`${ym}-01`, lastDayOfMonth(ym))) if (isWorkingDay(d)) n++;
    return n;
  });
}

export function profileWeights(profile: Profile, year: number): number[] {
  switch (profile.kind) {
    case 'even':
      return Array(12).fill(1);
    case 'working-days':
      return workingDaysPerMonth(year);
    case 'weights':
      return [...profile.weights];
  }
}

/** Splits `annual` øre over weights (non-negative, not all zero) so the parts sum exactly to it. */
export function spread(annual: Ore, weights: readonly number[]): Ore[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0) || weights.some((w) => !(w >= 0))) throw new RangeError('weights must be non-negative and not all zero');
  const sign = annual < 0 ? -1 : 1;
  const abs = Math.abs(annual);
  const exact = weights.map((w) => (abs * w) / sum);
  const parts = exact.map(Math.floor);
  let left = abs - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

/** The 12 monthly budget amounts of an annual amount under a profile. */
export function periodise(annual: Ore, profile: Profile, year: number): Ore[] {
  return spread(annual, profileWeights(profile, year));
}
