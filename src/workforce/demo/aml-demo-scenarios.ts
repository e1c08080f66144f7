/**
 * Breach scenarios for the AML demo: each one is a realistic week (or run of weeks) of one
 * employee that breaks exactly ONE rule on a known weekday, with a known cause. The generator places
 * them; the engine finds them again from the raw records.
 */
import { isPublicHoliday } from '../../shared/holidays.ts';
import type { AmlRule, RecordKind } from '../aml/aml-model.ts';
import { dayToIso } from '../aml/rules/aml-time.ts';
import type { DemoEmployee, Unit } from './aml-demo-org.ts';
import { localAt } from './aml-demo-time.ts';

export interface DemoRecordDraft {
  start: number;
  end: number;
  kind: RecordKind;
  cause: string | null;
  /** The extra work that makes the breach; a late approval of it hides the breach at the cut-off. */
  trigger: boolean;
}

export type ScenarioId =
  | 'quickReturn'
  | 'nightCallout'
  | 'weekendCallout'
  | 'saturdayWork'
  | 'longDay'
  | 'longWeek'
  | 'overtimeWeek'
  | 'overtime4w'
  | 'sundayTwice';

export interface ScenarioKind {
  id: ScenarioId;
  rule: AmlRule;
  causes: readonly string[];
  /** Weeks the scenario spans; the breach falls in the last. */
  weeks: number;
  /** Weekday of the breach date in the last week (0 = Monday). */
  breachWeekday: number;
  /** Weekdays of the last week that must be working days (not public holidays) for the scenario to hold. */
  keyDays: readonly number[];
  /** The records of all spanned weeks; `monday` is the Monday of the last week. */
  build(e: DemoEmployee, monday: number, cause: string): DemoRecordDraft[];
}

/** Which units' staff a cause belongs to. */
export const CAUSE_UNITS: Record<string, readonly Unit[]> = {
  'on-call': ['Drift', 'Nødnett'],
  patching: ['Drift'],
  firewall: ['Drift', 'Nødnett'],
  'supplier-change': ['Telefoni', 'Video'],
  'project:KAK': ['Prosjekt', 'Drift'],
  'project:Medielogg': ['Prosjekt'],
};

const H = 60;

function work(
  dn: number,
  from: number,
  to: number,
  kind: RecordKind = 'ordinary',
  cause: string | null = null,
  trigger = false,
): DemoRecordDraft {
  return { start: localAt(dn, from), end: localAt(dn, to), kind, cause, trigger };
}

/** The employee's ordinary 7.5 h days on the given weekdays of the week starting `monday`. */
function ordinaryWeek(e: DemoEmployee, monday: number, weekdays = [0, 1, 2, 3, 4], length = 7.5 * H, shift = 0): DemoRecordDraft[] {
  return weekdays
    .filter((d) => !isPublicHoliday(dayToIso(monday + d)))
    .map((d) => work(monday + d, e.dayStart + shift, e.dayStart + shift + length));
}

const end = (e: DemoEmployee) => e.dayStart + 7.5 * H;

export const SCENARIOS: Record<ScenarioId, ScenarioKind> = {
  // Night maintenance after a normal day: 21:30–01:30, back at the desk next morning.
  quickReturn: {
    id: 'quickReturn',
    rule: 'rest24',
    causes: ['patching', 'firewall', 'supplier-change', 'project:KAK'],
    weeks: 1,
    breachWeekday: 3,
    keyDays: [2, 3],
    build: (e, m, cause) => [...ordinaryWeek(e, m), work(m + 2, 21.5 * H, 25.5 * H, 'overtime', cause, true)],
  },
  // A call-out after midnight from passive on-call, then the normal day.
  nightCallout: {
    id: 'nightCallout',
    rule: 'rest24',
    causes: ['on-call'],
    weeks: 1,
    breachWeekday: 2,
    keyDays: [1, 2],
    build: (e, m, cause) => [...ordinaryWeek(e, m), work(m + 2, 0.5 * H, 3 * H, 'callout', cause, true)],
  },
  // An afternoon call-out on Saturday leaves 33 h to Monday 00:00.
  weekendCallout: {
    id: 'weekendCallout',
    rule: 'rest7d',
    causes: ['on-call'],
    weeks: 1,
    breachWeekday: 5,
    keyDays: [0, 1, 2, 3, 4, 5],
    build: (e, m, cause) => [...ordinaryWeek(e, m), work(m + 5, 13 * H, 15 * H, 'callout', cause, true)],
  },
  // Planned Saturday work (a maintenance window) 08–14.
  saturdayWork: {
    id: 'saturdayWork',
    rule: 'rest7d',
    causes: ['firewall', 'patching', 'supplier-change', 'project:KAK'],
    weeks: 1,
    breachWeekday: 5,
    keyDays: [0, 1, 2, 3, 4, 5],
    build: (e, m, cause) => [...ordinaryWeek(e, m), work(m + 5, 8 * H, 14 * H, 'overtime', cause, true)],
  },
  // Friday runs on for 7 hours of overtime (a cut-over, an incident): 14.5 h in one day.
  longDay: {
    id: 'longDay',
    rule: 'hoursDay',
    causes: ['project:KAK', 'supplier-change', 'patching', 'firewall', 'on-call'],
    weeks: 1,
    breachWeekday: 4,
    keyDays: [4],
    build: (e, m, cause) => [
      ...ordinaryWeek(e, m),
      work(m + 4, end(e), end(e) + 7 * H, cause === 'on-call' ? 'callout' : 'overtime', cause, true),
    ],
  },
  // A sprint week of 8.5 h days plus 3 h overtime on Thursday and Friday: 48.5 h.
  longWeek: {
    id: 'longWeek',
    rule: 'hours7d',
    causes: ['project:KAK', 'project:Medielogg'],
    weeks: 1,
    breachWeekday: 4,
    keyDays: [0, 1, 2, 3, 4],
    build: (e, m, cause) => {
      const start = e.dayStart - 30;
      return [
        ...ordinaryWeek(e, m, [0, 1, 2, 3, 4], 8.5 * H, -30),
        work(m + 3, start + 8.5 * H, start + 11.5 * H, 'overtime', cause, true),
        work(m + 4, start + 8.5 * H, start + 11.5 * H, 'overtime', cause, true),
      ];
    },
  },
  // Four evenings of 2 h 45 overtime, Friday off in lieu: 11 h overtime in the week.
  overtimeWeek: {
    id: 'overtimeWeek',
    rule: 'overtime7d',
    causes: ['project:KAK', 'project:Medielogg', 'patching'],
    weeks: 1,
    breachWeekday: 3,
    keyDays: [0, 1, 2, 3],
    build: (e, m, cause) => [
      ...ordinaryWeek(e, m, [0, 1, 2, 3]),
      ...[0, 1, 2, 3].map((d) => work(m + d, end(e), end(e) + 2.75 * H, 'overtime', cause, true)),
    ],
  },
  // Four weeks of 7 h overtime each (1 h 45 Monday–Thursday): 28 h in four weeks.
  overtime4w: {
    id: 'overtime4w',
    rule: 'overtime4w',
    causes: ['project:KAK'],
    weeks: 4,
    breachWeekday: 2,
    keyDays: [0, 1, 2, 3, 4, 5, 6],
    build: (e, m, cause) =>
      [m - 21, m - 14, m - 7, m].flatMap((w) => [
        ...ordinaryWeek(e, w),
        ...[0, 1, 2, 3].map((d) => work(w + d, end(e), end(e) + 1.75 * H, 'overtime', cause, w === m)),
      ]),
  },
  // Call-outs on two Sundays in a row.
  sundayTwice: {
    id: 'sundayTwice',
    rule: 'sundays',
    causes: ['on-call'],
    weeks: 2,
    breachWeekday: 6,
    keyDays: [6],
    build: (e, m, cause) => [
      ...ordinaryWeek(e, m - 7),
      work(m - 1, 10 * H, 12 * H, 'callout', cause),
      ...ordinaryWeek(e, m),
      work(m + 6, 10 * H, 12 * H, 'callout', cause, true),
    ],
  },
};

/** Overtime hours a scenario adds per spanned week (for the baseline's overtime budget). */
export function scenarioOvertimeHours(drafts: DemoRecordDraft[]): number {
  return drafts.filter((d) => d.kind !== 'ordinary').reduce((s, d) => s + (d.end - d.start) / 3_600_000, 0);
}
