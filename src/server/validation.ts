/**
 * One validation at the edge: every route schema is compiled here, so a handler never sees a value
 * it cannot use.
 *
 * - Formats `period` (YYYY-MM), `date` (YYYY-MM-DD) and `date-time` are real calendar checks
 *   within the configured year range (STYREROM_YEAR_MIN/MAX): `2025-13-45` and `9999-12` fail here.
 * - JSON bodies are taken as sent: no type coercion (`{"comment":123}` is a 400, not "123") and an
 *   unknown field under `additionalProperties: false` is a 400 naming it, never silently dropped.
 * - Query strings, path parameters and headers are text by nature: they keep Fastify's coercion.
 */
import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { yearInRange, yearRange } from '../shared/period.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-]\d{2}:\d{2})$/;

/** "YYYY-MM" with a year in the configured range. */
export function isPeriodText(text: string): boolean {
  const m = PERIOD.exec(text);
  return m !== null && yearInRange(Number(m[1]));
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  if (!yearInRange(year)) return false;
  try {
    Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" that exists in the calendar (no 2025-02-29, no 2025-13-45), year in range. */
export function isDateText(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** RFC 3339 date-time with an offset, a real date and time, year in range. */
export function isDateTimeText(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m || !validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6] ?? 0) <= 59;
}

/** The formats this product adds to or tightens in JSON Schema (used by the contract fuzz test too). */
export const EDGE_FORMATS = {
  period: isPeriodText,
  date: isDateText,
  'date-time': isDateTimeText,
} as const;

/**
 * The serializer (fast-json-stringify) checks answers against `anyOf` branches with its own Ajv: it
 * learns our formats by form only (an answer's trend may reach before the input range).
 */
export const SERIALIZER_OPTIONS = { ajv: { formats: { period: PERIOD, binary: true } } };

/** Fastify's defaults, minus what must not happen to a JSON body. */
const COMMON: Options = { useDefaults: true, addUsedSchema: false, allErrors: false, strict: false };

function newAjv(options: Options): Ajv {
  const ajv = addFormats(new Ajv({ ...COMMON, ...options }));
  for (const [name, validate] of Object.entries(EDGE_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

export function installValidation(app: FastifyInstance): void {
  const body = newAjv({ coerceTypes: false, removeAdditional: false });
  const text = newAjv({ coerceTypes: 'array', removeAdditional: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}

function fieldOf(context: string, error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const extra = params.missingProperty ?? params.additionalProperty;
  const path = `${error.instancePath}${extra === undefined ? '' : `/${String(extra)}`}`;
  const where = context === 'querystring' ? 'query' : context;
  return path === '' ? where : `${where}${path.replaceAll('/', '.')}`;
}

/** One Ajv error as a Norwegian sentence naming the field. */
export function validationMessage(context: string, error: ErrorObject): { field: string; message: string } {
  const field = fieldOf(context, error);
  const p = error.params as Record<string, unknown>;
  const f = `«${field}»`;
  switch (error.keyword) {
    case 'required':
      return { field, message: `${f} mangler` };
    case 'additionalProperties':
      return { field, message: `ukjent felt ${f}` };
    case 'type':
      return { field, message: `${f} må være av typen ${String(p.type).replace(',', ' eller ')}` };
    case 'format':
      return { field, message: `${f} er ikke ${formatName(String(p.format))}` };
    case 'enum':
      return { field, message: `${f} må være en av ${((p.allowedValues as unknown[]) ?? []).map(String).join(', ')}` };
    case 'pattern':
      return { field, message: `${f} har feil form` };
    case 'maxLength':
      return { field, message: `${f} er lengre enn ${String(p.limit)} tegn` };
    case 'minLength':
      return { field, message: `${f} er kortere enn ${String(p.limit)} tegn` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { field, message: `${f} er for stor (grense ${String(p.limit)})` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { field, message: `${f} er for liten (grense ${String(p.limit)})` };
    case 'maxItems':
      return { field, message: `${f} har mer enn ${String(p.limit)} elementer` };
    case 'minItems':
      return { field, message: `${f} har færre enn ${String(p.limit)} elementer` };
    default:
      return { field, message: `${f} er ugyldig` };
  }
}

function formatName(format: string): string {
  const years = `år ${yearRange().min}–${yearRange().max}`;
  if (format === 'period') return `en gyldig periode ÅÅÅÅ-MM (${years})`;
  if (format === 'date') return `en gyldig dato ÅÅÅÅ-MM-DD (${years})`;
  if (format === 'date-time') return `et gyldig tidspunkt ÅÅÅÅ-MM-DDTtt:mm med tidssone (${years})`;
  return `på formatet ${format}`;
}
