/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document, for the contract fuzz test
 * (test/api-contract.test.ts). `valid(schema)` generates values the schema allows, boundaries
 * included (shortest and longest strings, smallest and largest numbers, first and last year of a
 * period); `hostile(schema)` generates what a careless or malicious client sends: wrong types,
 * oversize strings, unknown fields, calendar nonsense (2025-13-45, 9999-12, 0000-01).
 *
 * Covers the subset of JSON Schema the route schemas use: type (also as a list), enum, const,
 * format (period, date, date-time, binary), pattern, min/maxLength, minimum/maximum, items,
 * min/maxItems, properties, required, additionalProperties, anyOf/oneOf.
 */
import fc from 'fast-check';
import { yearRange } from '../../src/shared/period.ts';

export type Schema = Record<string, unknown>;
type Arb = fc.Arbitrary<unknown>;

const MAX_FREE_STRING = 30;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function periodArb(): Arb {
  const { min, max } = yearRange();
  return fc.oneof(
    fc.record({ y: fc.integer({ min, max }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${two(m)}`),
    fc.constantFrom(`${min}-01`, `${max}-12`),
  );
}

function dateArb(): Arb {
  const { min, max } = yearRange();
  return fc.oneof(
    fc
      .record({ y: fc.integer({ min, max }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => `${y}-${two(m)}-${two(d)}`),
    fc.constantFrom(`${min}-01-01`, `${max}-12-31`, '2024-02-29'),
  );
}

function stringArb(schema: Schema): Arb {
  const format = schema.format as string | undefined;
  if (format === 'period') return periodArb();
  if (format === 'date') return dateArb();
  if (format === 'date-time') return dateArb().map((d) => `${d}T12:00:00Z`);
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? Math.max(minLength, MAX_FREE_STRING);
  if (typeof schema.pattern === 'string') {
    const regex = new RegExp(schema.pattern, 'u');
    return fc.stringMatching(regex).filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  const boundaries = [minLength, maxLength].map((n) => 'æ'.repeat(n));
  return fc.oneof(fc.string({ minLength, maxLength: Math.min(maxLength, minLength + MAX_FREE_STRING) }), fc.constantFrom(...boundaries));
}

function numberArb(schema: Schema, integer: boolean): Arb {
  const min = (schema.minimum as number | undefined) ?? -1_000_000;
  const max = (schema.maximum as number | undefined) ?? 1_000_000;
  const inner = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(inner, fc.constantFrom(min, max));
}

function objectArb(schema: Schema): Arb {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const model: Record<string, Arb> = {};
  for (const [name, sub] of Object.entries(properties)) model[name] = valid(sub);
  const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
  return fc.record(model, { requiredKeys });
}

function typedArb(schema: Schema, type: string): Arb {
  switch (type) {
    case 'string':
      return stringArb(schema);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = (schema.items as Schema | undefined) ?? {};
      const minLength = (schema.minItems as number | undefined) ?? 0;
      const maxLength = Math.min((schema.maxItems as number | undefined) ?? 4, minLength + 4);
      return fc.array(valid(items), { minLength, maxLength });
    }
    case 'object':
      return objectArb(schema);
    default:
      return fc.jsonValue();
  }
}

/** Values `schema` allows (as far as the generator can tell: patterns and ranges are respected). */
export function valid(schema: Schema): Arb {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map(valid));
  const type = schema.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((t) => typedArb(schema, t as string)));
  if (typeof type === 'string') return typedArb(schema, type);
  if (schema.properties) return objectArb(schema);
  return fc.jsonValue();
}

/** Values a client should not send: the server must answer them with a documented 4xx, never a 5xx. */
export function hostile(schema: Schema): Arb {
  const wrongType = fc.oneof(
    fc.constant(123),
    fc.constant(true),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.constant('tekst'),
  );
  const oversize = fc.integer({ min: 1, max: 3 }).map((k) => 'x'.repeat(((schema.maxLength as number | undefined) ?? 1000) + k * 97));
  const calendar = fc.constantFrom('2025-13-45', '2025-02-29', '9999-12', '0000-01', '9999-12-31', '0000-01-01', '2025-00', '2025-5', '');
  const numbers = fc.constantFrom(-1, 0, 2 ** 31, 1e300, 1.5, -0);
  const withExtra =
    schema.type === 'object' || schema.properties
      ? objectArb(schema).map((v) => ({ ...(v as object), ukjentFelt: 'x' }))
      : fc.constant({ ukjentFelt: 'x' });
  return fc.oneof(wrongType, oversize, calendar, numbers, withExtra);
}

/** Mostly valid values, sometimes hostile ones: most requests reach the handler, the rest test the edge. */
export function request(schema: Schema): Arb {
  return fc.oneof({ arbitrary: valid(schema), weight: 3 }, { arbitrary: hostile(schema), weight: 1 });
}
