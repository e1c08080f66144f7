/** The AML engine's input and output types and its settings (working-time spec §1, §3, §4). */
import type { IsoDate, YearMonth } from '../../shared/period.ts';

export type RecordKind = 'ordinary' | 'overtime' | 'callout';
export const RECORD_KINDS: readonly RecordKind[] = ['ordinary', 'overtime', 'callout'];

/** One time record, all instants in epoch milliseconds. */
export interface TimeRecord {
  start: number;
  end: number;
  kind: RecordKind;
  cause: string | null;
  /** When the record was approved/registered in the source system. */
  registeredAt: number;
}

export type DispensationType = 'rest' | 'overtime' | 'sundays';
export const DISPENSATION_TYPES: readonly DispensationType[] = ['rest', 'overtime', 'sundays'];

export interface Dispensation {
  type: DispensationType;
  /** Inclusive; null = from the beginning of time. */
  from: IsoDate | null;
  /** Inclusive; null = open-ended. */
  to: IsoDate | null;
}

export type AmlRule = 'rest24' | 'rest7d' | 'hoursDay' | 'overtime7d' | 'overtime4w' | 'overtime52w' | 'hours7d' | 'sundays';

/** Report order. */
export const AML_RULES: readonly AmlRule[] = [
  'rest24',
  'rest7d',
  'hoursDay',
  'hours7d',
  'overtime7d',
  'overtime4w',
  'overtime52w',
  'sundays',
];

export interface Breach {
  employeeId: string;
  rule: AmlRule;
  /** Breach date (local). */
  date: IsoDate;
  month: YearMonth;
  /** Date, ISO week ("2025-W19") or Sunday date, depending on the rule. */
  periodKey: string;
  /** Stable across runs: `<employee>|<rule>|<periodKey>`. */
  key: string;
  cause: string | null;
  /** Hours measured (longest rest, hours worked, overtime) or, for `sundays`, Sundays in a row. */
  measured: number;
  /** The limit that applied (same unit). */
  limit: number;
  dispensation: boolean;
  /** The input records behind the breach (the day, the rest interval or the week). */
  records: TimeRecord[];
}

export interface LimitPair {
  normal: number;
  dispensation: number;
}

export interface AmlSettings {
  /** Hours. Hours limits are breached when strictly exceeded, rest limits when not reached. */
  rest24: LimitPair;
  rest7d: LimitPair;
  hoursDay: LimitPair;
  overtime7d: LimitPair;
  overtime4w: LimitPair;
  overtime52w: LimitPair;
  hours7d: {
    normal: number;
    dispensationWeek: number;
    /** 8-week sum limit with dispensation, and with `averaging` (8 × normal). */
    dispensation8w: number;
    /** Setting: judge normal weeks by the 8-week average instead of each week. */
    averaging: boolean;
  };
  /** With a `sundays` dispensation: longest allowed run of worked Sundays. */
  sundaysInARow: number;
  /** The Sunday window [Saturday fromHour:00, Sunday toHour:00) local. */
  sundayWindow: { saturdayHour: number; sundayHour: number };
  /** "As first reported": knownAt = `days` after month end at `time` local. */
  firstCutoff: { days: number; time: string };
  /** Weeks of records loaded before the evaluated period. */
  lookBackWeeks: number;
  /** The monthly indicator (KPI target) for the number of breaches. */
  indicator: { op: '<' | '<=' | '>' | '>='; value: number };
}

export const DEFAULT_AML_SETTINGS: AmlSettings = Object.freeze({
  rest24: { normal: 11, dispensation: 8 },
  rest7d: { normal: 35, dispensation: 28 },
  hoursDay: { normal: 13, dispensation: 16 },
  overtime7d: { normal: 10, dispensation: 20 },
  overtime4w: { normal: 25, dispensation: 50 },
  overtime52w: { normal: 200, dispensation: 300 },
  hours7d: { normal: 48, dispensationWeek: 69, dispensation8w: 384, averaging: false },
  sundaysInARow: 3,
  sundayWindow: { saturdayHour: 18, sundayHour: 22 },
  firstCutoff: { days: 5, time: '23:59' },
  lookBackWeeks: 53,
  indicator: { op: '<', value: 8 },
} satisfies AmlSettings) as AmlSettings;

/** Which dispensation type raises which rule's limit (spec §3). */
export const DISPENSATION_FOR: Record<AmlRule, DispensationType> = {
  rest24: 'rest',
  rest7d: 'rest',
  hoursDay: 'overtime',
  overtime7d: 'overtime',
  overtime4w: 'overtime',
  overtime52w: 'overtime',
  hours7d: 'overtime',
  sundays: 'sundays',
};
