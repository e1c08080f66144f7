/**
 * The demo organisation's staff: ~100 employees in the units of an emergency-communications
 * operator, with their working patterns. Pure data: no figure the report must reproduce lives here.
 */
import type { Random } from '../../demo/random.ts';
import type { IsoDate } from '../../shared/period.ts';

export type Unit = 'Servicedesk' | 'Nødnett' | 'Telefoni' | 'Video' | 'Drift' | 'Prosjekt' | 'Ledelse';

/** How an employee works when nothing special happens. */
export type Pattern =
  /** Monday–Friday day work (Monday–Thursday at 80 %), occasional overtime. */
  | 'office'
  /** Office work plus an on-call (bakvakt) week every few weeks with call-outs. */
  | 'office-on-call'
  /** Servicedesk two-shift rotation 07–15 / 14–22 with every fourth weekend. */
  | 'shift'
  /** Senior positions outside AML chapter 10: long days, never evaluated. */
  | 'manager';

export interface DemoEmployee {
  id: string;
  name: string;
  unit: Unit;
  /** Job title in the employee register (the hiring block counts by unit and role). */
  role: string;
  pattern: Pattern;
  /** Employment periods (position fraction changes give several). */
  positions: { from: IsoDate; to: IsoDate | null; fraction: number }[];
  exempt: boolean;
  /** Minutes after midnight the ordinary day starts (office patterns). */
  dayStart: number;
  /** Registers lunch as a gap (two records a day). */
  splitLunch: boolean;
  /** Servicedesk: index in the 4-week rotation. */
  rotation: number;
  /** Dispensations the employee holds (never used for breach scenarios). */
  dispensations: { type: 'rest' | 'overtime' | 'sundays'; from: IsoDate; to: IsoDate | null }[];
}

const UNITS: { unit: Unit; count: number; pattern: Pattern; role: string }[] = [
  { unit: 'Servicedesk', count: 22, pattern: 'shift', role: 'Driftsingeniør' },
  { unit: 'Nødnett', count: 14, pattern: 'office-on-call', role: 'Teknisk spesialist' },
  { unit: 'Telefoni', count: 12, pattern: 'office', role: 'Systemspesialist' },
  { unit: 'Video', count: 10, pattern: 'office', role: 'Systemspesialist' },
  { unit: 'Drift', count: 20, pattern: 'office-on-call', role: 'Driftsingeniør' },
  { unit: 'Prosjekt', count: 14, pattern: 'office', role: 'Prosjektleder' },
  { unit: 'Ledelse', count: 8, pattern: 'manager', role: 'Leder' },
];

const FIRST = [
  'Anne',
  'Bjørn',
  'Camilla',
  'Dag',
  'Eirik',
  'Frida',
  'Geir',
  'Hanne',
  'Ingrid',
  'Jon',
  'Kari',
  'Lars',
  'Marte',
  'Nils',
  'Ola',
  'Per',
  'Ragnhild',
  'Siri',
  'Tore',
  'Unni',
  'Vegard',
  'Wenche',
  'Åse',
  'Øystein',
  'Hilde',
  'Kjetil',
  'Linn',
  'Magnus',
  'Nora',
  'Sindre',
];
const LAST = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Johnsen',
  'Pettersen',
  'Eriksen',
  'Berg',
  'Haugen',
  'Hagen',
  'Johannessen',
  'Andreassen',
  'Jacobsen',
  'Dahl',
  'Jørgensen',
  'Halvorsen',
  'Henriksen',
  'Lund',
];

/** The demo staff, deterministic for a given generator. */
export function demoEmployees(random: Random): DemoEmployee[] {
  const out: DemoEmployee[] = [];
  let n = 1001;
  for (const u of UNITS) {
    for (let i = 0; i < u.count; i++) {
      const id = `E${n++}`;
      const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
      const since = `${random.int(2012, 2023)}-${String(random.int(1, 12)).padStart(2, '0')}-01`;
      const partTime = u.pattern === 'office' && random.chance(0.12);
      const positions: DemoEmployee['positions'] = partTime
        ? [
            { from: since, to: '2024-08-31', fraction: 0.8 },
            { from: '2024-09-01', to: null, fraction: random.chance(0.5) ? 1 : 0.8 },
          ]
        : [{ from: since, to: null, fraction: 1 }];
      out.push({
        id,
        name,
        unit: u.unit,
        role: u.role,
        pattern: u.pattern,
        positions,
        exempt: u.pattern === 'manager',
        dayStart: random.pick([450, 465, 480, 480, 480, 495, 510]),
        splitLunch: random.chance(0.3),
        rotation: i % 4,
        dispensations: [],
      });
    }
  }
  // The servicedesk's "kveld–dag" switch (evening then day shift) needs a rest dispensation.
  for (const e of out.filter((e) => e.pattern === 'shift').slice(0, 8))
    e.dispensations.push({ type: 'rest', from: '2023-01-01', to: null });
  // Two hires into Nødnett in May 2025 (a technical specialist and a specialist from the user
  // community, as the May 2025 report says) and one leaver in March 2025.
  out.push(
    newHire(random, `E${n++}`, 'Nødnett', 'Teknisk spesialist', DEMO_HIRE_DATES[0]),
    newHire(random, `E${n++}`, 'Nødnett', 'Spesialist (brukermiljø)', DEMO_HIRE_DATES[1]),
  );
  const leaver = out.find((e) => e.unit === 'Video')!;
  leaver.positions[leaver.positions.length - 1]!.to = '2025-03-31';
  return out;
}

/** Start dates of the May 2025 hires. */
export const DEMO_HIRE_DATES: readonly [IsoDate, IsoDate] = ['2025-05-05', '2025-05-19'];

function newHire(random: Random, id: string, unit: Unit, role: string, from: IsoDate): DemoEmployee {
  return {
    id,
    name: `${random.pick(FIRST)} ${random.pick(LAST)}`,
    unit,
    role,
    pattern: 'office',
    positions: [{ from, to: null, fraction: 1 }],
    exempt: false,
    dayStart: 480,
    splitLunch: false,
    rotation: 0,
    dispensations: [],
  };
}

/** Whether the employee is employed on `date`. */
export function employedOn(e: DemoEmployee, date: IsoDate): boolean {
  return e.positions.some((p) => p.from <= date && (p.to === null || date <= p.to));
}

/** Position fraction on `date` (0 outside employment). */
export function fractionOnDate(e: DemoEmployee, date: IsoDate): number {
  return e.positions.find((p) => p.from <= date && (p.to === null || date <= p.to))?.fraction ?? 0;
}
