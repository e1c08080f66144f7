/**
 * A synthetic organisation for the AML benchmark: realistic records of one employee at a time
 * (day work with lunch breaks, evening overtime, night and weekend call-outs, vacations), about
 * 250 records per employee-year. Deterministic per employee index; nothing is held for the whole
 * organisation.
 */
import type { TimeRecord } from '../../src/workforce/aml/aml-model.ts';
import { dayStartMs, isoToDay, weekdayOf } from '../../src/workforce/aml/rules/aml-time.ts';

const MIN = 60_000;

function lcg(seed: number): () => number {
  let s = (seed * 2_654_435_761) >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

export interface SyntheticOptions {
  from: string;
  to: string;
}

/** The records of employee `index` between two dates (inclusive). */
export function syntheticRecords(index: number, o: SyntheticOptions): TimeRecord[] {
  const rnd = lcg(index + 1);
  const first = isoToDay(o.from);
  const last = isoToDay(o.to);
  const startMin = 420 + Math.floor(rnd() * 6) * 15;
  const split = rnd() < 0.3;
  const vacationStart = first + 180 + Math.floor(rnd() * 40);
  const out: TimeRecord[] = [];
  const at = (dn: number, minutes: number) => dayStartMs(dn) + minutes * MIN;
  const add = (dn: number, from: number, to: number, kind: TimeRecord['kind'], cause: string | null) => {
    const start = at(dn, from);
    const end = at(dn, to);
    out.push({ start, end, kind, cause, registeredAt: end + (kind === 'ordinary' ? 12 : 24 * (1 + Math.floor(rnd() * 20))) * 3_600_000 });
  };
  for (let dn = first; dn <= last; dn++) {
    const wd = weekdayOf(dn);
    if (dn >= vacationStart && dn < vacationStart + 21) continue;
    if (wd < 5 && rnd() > 0.04) {
      const s = startMin + (rnd() < 0.2 ? 15 : 0);
      if (split) {
        add(dn, s, s + 210, 'ordinary', null);
        add(dn, s + 240, s + 480, 'ordinary', null);
      } else add(dn, s, s + 450, 'ordinary', null);
      if (rnd() < 0.06) add(dn, s + 450, s + 450 + 60 + Math.floor(rnd() * 4) * 30, 'overtime', rnd() < 0.5 ? 'project:KAK' : 'patching');
      if (rnd() < 0.02) add(dn, 22 * 60 + Math.floor(rnd() * 4) * 30, 26 * 60, 'callout', 'on-call');
    } else if (wd === 5 && rnd() < 0.05) add(dn, 9 * 60, 13 * 60, 'callout', 'on-call');
  }
  return out;
}
