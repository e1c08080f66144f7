/**
 * Raw input → risks and assessments, with Norwegian problems per field. The same functions check
 * import rows, JSON API bodies and web forms, so every door says the same thing about bad input.
 */
import { type IsoDate, isIsoDate, isYearMonth, type YearMonth } from '../shared/period.ts';
import { stripFormulaGuard } from '../shared/spreadsheet.ts';
import type { AssessmentInput, AssessmentState, Risk } from './risk.ts';
import { ENTERPRISE_SCOPE } from './risk.ts';

export interface FieldProblem {
  /** The column / form field / JSON property. */
  field: string;
  message: string;
  messageEn: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Field values as they come: strings from CSV/forms, numbers or null from JSON. */
export type RawFields = Record<string, unknown>;

export const RISK_ID_PATTERN = /^[A-Za-zÆØÅæøå0-9][A-Za-zÆØÅæøå0-9._-]{0,39}$/;

function text(raw: RawFields, field: string): string {
  const v = raw[field];
  if (v === undefined || v === null) return '';
  const s = String(v).trim();
  // Our CSV export guards text that a spreadsheet would run as a formula with a leading quote.
  return stripFormulaGuard(s);
}

class Collector {
  readonly problems: FieldProblem[] = [];
  add(field: string, message: string, messageEn: string): void {
    this.problems.push({ field, message, messageEn });
  }
  required(raw: RawFields, field: string, label: string, max: number): string {
    const v = text(raw, field);
    if (v === '') this.add(field, `${label} må fylles ut`, `${field} is required`);
    else if (v.length > max) this.add(field, `${label} kan ha høyst ${max} tegn`, `${field} is longer than ${max} characters`);
    return v;
  }
  optional(raw: RawFields, field: string, label: string, max: number): string {
    const v = text(raw, field);
    if (v.length > max) this.add(field, `${label} kan ha høyst ${max} tegn`, `${field} is longer than ${max} characters`);
    return v;
  }
  date(raw: RawFields, field: string, label: string, required: boolean): IsoDate | null {
    const v = text(raw, field);
    if (v === '') {
      if (required) this.add(field, `${label} må fylles ut (ÅÅÅÅ-MM-DD)`, `${field} is required (YYYY-MM-DD)`);
      return null;
    }
    const iso = normaliseDate(v);
    if (iso === null) {
      this.add(field, `${label} «${v}» er ikke en gyldig dato; bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ`, `${field} "${v}" is not a valid date`);
    }
    return iso;
  }
  scale(raw: RawFields, field: string, label: string): number {
    const v = text(raw, field);
    const n = Number(v);
    if (v === '') this.add(field, `${label} må fylles ut (1–5)`, `${field} is required (1-5)`);
    else if (!/^[1-5]$/.test(v) || !Number.isInteger(n)) {
      this.add(field, `${label} må være et heltall fra 1 til 5, ikke «${v}»`, `${field} must be an integer 1-5, got "${v}"`);
    }
    return n;
  }
  result<T>(value: T): Parsed<T> {
    return this.problems.length > 0 ? { ok: false, problems: this.problems } : { ok: true, value };
  }
}

/** "2025-05-31" or the Norwegian "31.05.2025" → "2025-05-31"; null when not a real date. */
export function normaliseDate(v: string): IsoDate | null {
  const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = nb ? `${nb[3]}-${nb[2]!.padStart(2, '0')}-${nb[1]!.padStart(2, '0')}` : v.slice(0, 10);
  if (!nb && !/^\d{4}-\d{2}-\d{2}(?:T.*)?$/.test(v)) return null;
  return isIsoDate(iso) ? iso : null;
}

/** A risk from fields `id, title, description, owner, category, scope, opened, closed`. */
export function parseRiskFields(raw: RawFields, options: { id?: string } = {}): Parsed<Risk> {
  const c = new Collector();
  const id = options.id ?? text(raw, 'id');
  if (options.id === undefined) {
    if (id === '') c.add('id', 'risiko-ID må fylles ut, f.eks. OR-631', 'id is required');
    else if (!RISK_ID_PATTERN.test(id)) {
      c.add(
        'id',
        `risiko-ID «${id}» kan bare ha bokstaver, tall, punktum, bindestrek og understrek, f.eks. OR-631`,
        `invalid risk id "${id}"`,
      );
    }
  }
  const title = c.required(raw, 'title', 'Tittel', 300);
  const description = c.optional(raw, 'description', 'Beskrivelse', 4000);
  const owner = c.optional(raw, 'owner', 'Risikoeier', 200);
  const category = c.optional(raw, 'category', 'Kategori', 60);
  const scope = c.optional(raw, 'scope', 'Omfang', 60) || ENTERPRISE_SCOPE;
  const opened = c.date(raw, 'opened', 'Åpnet-dato', true);
  const closed = c.date(raw, 'closed', 'Lukket-dato', false);
  if (opened && closed && closed < opened) c.add('closed', 'Lukket-dato kan ikke være før åpnet-dato', 'closed is before opened');
  return c.result({ id, title, description, owner, category, scope, opened: opened ?? '', closed });
}

const STATES: Record<string, AssessmentState> = { final: 'final', endelig: 'final', draft: 'draft', utkast: 'draft' };

/**
 * An assessment from fields `risk_id, period, probability, consequence, status_text, assessed_by`
 * and optionally `assessed_at` and `state`. `defaults` fill in who and when when the input is silent.
 */
export function parseAssessmentFields(
  raw: RawFields,
  defaults: { riskId?: string; assessedBy?: string; assessedAt: IsoDate },
): Parsed<AssessmentInput> {
  const c = new Collector();
  const riskId = defaults.riskId ?? text(raw, 'risk_id');
  if (defaults.riskId === undefined && riskId === '') c.add('risk_id', 'risiko-ID må fylles ut', 'risk_id is required');
  const period = text(raw, 'period') as YearMonth;
  if (period === '') c.add('period', 'Periode må fylles ut (ÅÅÅÅ-MM)', 'period is required (YYYY-MM)');
  else if (!isYearMonth(period))
    c.add('period', `Periode «${period}» må skrives ÅÅÅÅ-MM, f.eks. 2025-05`, `period "${period}" must be YYYY-MM`);
  const probability = c.scale(raw, 'probability', 'Sannsynlighet');
  const consequence = c.scale(raw, 'consequence', 'Konsekvens');
  const statusText = c.optional(raw, 'status_text', 'Statustekst', 8000);
  const assessedBy = c.optional(raw, 'assessed_by', 'Vurdert av', 200) || defaults.assessedBy || '';
  if (assessedBy === '') c.add('assessed_by', 'Vurdert av må fylles ut', 'assessed_by is required');
  const assessedAt = c.date(raw, 'assessed_at', 'Vurderingsdato', false) ?? defaults.assessedAt;
  const stateText = text(raw, 'state').toLowerCase();
  const state = stateText === '' ? 'final' : STATES[stateText];
  if (state === undefined) c.add('state', `Status «${stateText}» må være «endelig» eller «utkast»`, `state must be final or draft`);
  return c.result({ riskId, period, probability, consequence, statusText, assessedBy, assessedAt, state: state ?? 'final' });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 instant with Z or an offset → the canonical UTC form ("…T12:00:00.000Z"), or null. */
export function normaliseInstant(v: string): string | null {
  if (!INSTANT.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Optional `recorded_at` of an import row: when the source system registered it (default: import time). */
export function parseRecordedAt(raw: RawFields, fallback: string): Parsed<string> {
  const v = text(raw, 'recorded_at');
  if (v === '') return { ok: true, value: fallback };
  const iso = normaliseInstant(v);
  if (iso === null) {
    return {
      ok: false,
      problems: [
        {
          field: 'recorded_at',
          message: `«${v}» er ikke et tidspunkt med tidssone, f.eks. 2025-05-26T12:00:00Z`,
          messageEn: `"${v}" is not an ISO instant`,
        },
      ],
    };
  }
  return { ok: true, value: iso };
}
