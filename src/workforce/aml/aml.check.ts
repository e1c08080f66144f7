/**
 * The what-if roster check (`styrerom workforce check`): HR checks a planned rota before it is
 * worked. Pure: parsed JSON in, breaches per case out.
 */
import { AppError } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { parseLocalOrInstant } from '../../shared/period.ts';
import { evaluateEmployee } from './aml.ts';
import { causeLabel, RULE_LABELS } from './aml-labels.ts';
import {
  type AmlRule,
  type AmlSettings,
  DEFAULT_AML_SETTINGS,
  type Dispensation,
  RECORD_KINDS,
  type RecordKind,
  type TimeRecord,
} from './aml-model.ts';

export interface RosterCase {
  name: string;
  dispensation: boolean;
  records: TimeRecord[];
}

export interface RosterResult {
  name: string;
  breaches: { rule: AmlRule; month: string; date: string; key: string; cause: string | null }[];
}

const TIME_TEXT: Record<string, string> = {
  invalid: 'er ikke et gyldig tidspunkt (ÅÅÅÅ-MM-DDTHH:MM)',
  nonexistent: 'finnes ikke i norsk tid (overgang til sommertid)',
  ambiguous: 'er tvetydig (overgang til vintertid); oppgi tidssone, f.eks. +02:00',
};

function invalid(where: string, message: string): AppError {
  return new AppError('VALIDATION', `${where}: ${message}`, { details: { where } });
}

function parseRecord(raw: unknown, where: string): TimeRecord {
  if (!raw || typeof raw !== 'object') throw invalid(where, 'posten må være et objekt med start, end og kind');
  const r = raw as Record<string, unknown>;
  const time = (field: 'start' | 'end'): number => {
    const v = r[field];
    if (typeof v !== 'string') throw invalid(where, `«${field}» mangler eller er ikke tekst`);
    const p = parseLocalOrInstant(v);
    if (!p.ok) throw invalid(where, `«${field}» ${v} ${TIME_TEXT[p.problem]}`);
    return p.epochMs;
  };
  const start = time('start');
  const end = time('end');
  if (end <= start) throw invalid(where, `slutt (${String(r.end)}) er ikke etter start (${String(r.start)})`);
  if (typeof r.kind !== 'string' || !(RECORD_KINDS as readonly string[]).includes(r.kind)) {
    throw invalid(where, `ukjent kind «${String(r.kind)}», forventet ordinary, overtime eller callout`);
  }
  if (r.cause !== undefined && r.cause !== null && typeof r.cause !== 'string') throw invalid(where, '«cause» må være tekst');
  return { start, end, kind: r.kind as RecordKind, cause: typeof r.cause === 'string' && r.cause !== '' ? r.cause : null, registeredAt: 0 };
}

/** Validates the JSON input: an array of { name, dispensation, records }. */
export function parseRosterCases(input: unknown): RosterCase[] {
  if (!Array.isArray(input)) throw invalid('fila', 'forventet en JSON-liste med tilfeller');
  return input.map((raw, i) => {
    const c = (raw ?? {}) as Record<string, unknown>;
    const label = typeof c.name === 'string' ? `tilfelle ${i + 1} («${c.name}»)` : `tilfelle ${i + 1}`;
    if (typeof c.name !== 'string' || c.name === '') throw invalid(label, '«name» mangler');
    if (c.dispensation !== undefined && typeof c.dispensation !== 'boolean')
      throw invalid(label, '«dispensation» må være true eller false');
    if (!Array.isArray(c.records)) throw invalid(label, '«records» må være en liste');
    return {
      name: c.name,
      dispensation: c.dispensation === true,
      records: c.records.map((r, j) => parseRecord(r, `${label}, post ${j + 1}`)),
    };
  });
}

const ALWAYS: Dispensation[] = [
  { type: 'rest', from: null, to: null },
  { type: 'overtime', from: null, to: null },
];

export function checkRosters(cases: RosterCase[], settings: AmlSettings = DEFAULT_AML_SETTINGS): RosterResult[] {
  return cases.map((c) => ({
    name: c.name,
    breaches: evaluateEmployee(
      { employeeId: c.name, records: c.records, dispensations: c.dispensation ? ALWAYS : [] },
      { from: '1900-01-01', to: '2999-12-31', settings },
    ).map((b) => ({ rule: b.rule, month: b.month, date: b.date, key: b.key, cause: b.cause })),
  }));
}

/** The readable Norwegian table printed without --json. */
export function formatRosterResults(results: RosterResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.name}: ${r.breaches.length === 0 ? 'ingen brudd' : `${r.breaches.length} brudd`}`);
    for (const b of r.breaches) {
      lines.push(
        `  ${formatDate(b.date).padEnd(11)} ${RULE_LABELS[b.rule].padEnd(20)} ${b.cause === null ? '' : causeLabel(b.cause)}`.trimEnd(),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
