/**
 * The API contract (issue #18): the served OpenAPI document is complete, and the server keeps it.
 *
 * The fuzz part reads GET /api/docs/json and, for every operation, sends generated requests through
 * app.inject (valid values and boundaries, wrong types, oversize strings, unknown fields, calendar
 * nonsense; test/support/json-schema-arbitrary.ts), signed in with a role that may call it. It fails
 * on any 5xx, any status the operation does not document, and any JSON answer that does not match
 * its documented schema. Seeded: the seed is printed on failure; FUZZ_SEED=<n> replays it,
 * FUZZ_RUNS=<n> changes the runs per operation, FUZZ_BUDGET_MS=<ms> the time budget of the whole run
 * (each operation gets its share, and at least one request).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { domains } from '../src/domains.ts';
import { buildApp } from '../src/server/app.ts';
import { TAG_DESCRIPTIONS } from '../src/server/openapi.ts';
import type { Permission } from '../src/server/permissions.ts';
import { type Grant, holds, ROLES, type Role } from '../src/shared/access.ts';
import { type OpenDatabase, openDatabase } from '../src/storage/db.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';
import { bearerHeaders } from './support/auth.ts';
import { request, type Schema } from './support/json-schema-arbitrary.ts';

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: Array<Record<string, string[]>>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, unknown> };
  tags: Array<{ name: string; description: string }>;
  servers: unknown[];
}

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** The whole fuzz run stays under a minute: each operation gets its share, at least one request. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 40_000);

/** Swaps `$ref: '#/components/schemas/X'` for the schema itself (the document has no cycles). */
function deref(value: unknown, doc: Doc): unknown {
  if (Array.isArray(value)) return value.map((v) => deref(v, doc));
  if (!value || typeof value !== 'object') return value;
  const ref = (value as { $ref?: string }).$ref;
  if (typeof ref === 'string') return deref(doc.components.schemas[ref.replace('#/components/schemas/', '')], doc);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deref(v, doc)]));
}

/** Answers are checked for shape; `period` and `date` formats by form only (a trend may reach before the range). */
function responseAjv(): Ajv {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  ajv.addFormat('period', /^\d{4}-(0[1-9]|1[0-2])$/);
  ajv.addFormat('binary', true);
  return ajv;
}

const PERMISSION_ROLE: Record<Exclude<Permission, 'public'>, Role> = Object.fromEntries(
  (['read', 'edit', 'hr', 'approve', 'admin'] as const).map((p) => [p, ROLES.find((r) => holds({ roles: [r] }, p as Grant)) as Role]),
) as Record<Exclude<Permission, 'public'>, Role>;

function baseType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

function buildRequest(method: string, path: string, op: Operation, values: Record<string, unknown>, body: unknown): Sent {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    const value = values[`${p.in}:${p.name}`];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(text === '' ? '-' : text));
    else if (p.in === 'query') query.set(p.name, text);
  }
  const qs = query.toString();
  const sent: Sent = { method: method.toUpperCase(), url: qs ? `${url}?${qs}` : url, headers: {} };
  const content = op.requestBody?.content;
  if (content && body !== undefined) {
    const type = Object.keys(content)[0] as string;
    if (type === 'application/json') {
      sent.headers['content-type'] = 'application/json';
      sent.payload = JSON.stringify(body);
    } else {
      sent.headers['content-type'] = type;
      sent.payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    }
  }
  return sent;
}

describe('the API contract', () => {
  let open: OpenDatabase;
  let app: FastifyInstance;
  let doc: Doc;
  const tokens = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    open = openDatabase('sqlite::memory:');
    await migrateToLatest(open.db);
    app = await buildApp({ config: loadConfig({}), db: open.db, domains, logger: pino({ level: 'silent' }) });
    for (const role of ROLES) tokens.set(role, await bearerHeaders(open.db, [role]));
    const res = await app.inject({ url: '/api/docs/json', headers: tokens.get('reader') });
    doc = res.json() as Doc;
  });

  afterAll(async () => {
    await app.close();
    await open.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  it('is OpenAPI 3.1 with servers, both security schemes and a Norwegian description for every tag', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    const undescribed = doc.tags.filter((t) => !t.description).map((t) => t.name);
    expect(undescribed, `tags without a description in TAG_DESCRIPTIONS (src/server/openapi.ts): ${undescribed.join(', ')}`).toEqual([]);
    expect(Object.keys(TAG_DESCRIPTIONS)).toEqual(expect.arrayContaining(doc.tags.map((t) => t.name)));
  });

  it('gives every operation a unique operationId (add `operationId` to the route schema)', () => {
    const missing = operations()
      .filter(({ op }) => !op.operationId)
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(missing, `operations without operationId: ${missing.join(', ')}`).toEqual([]);
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents security from the route permission and the error statuses with the error schema', () => {
    for (const { method, path, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.security, where).toBeDefined();
      if ((op.security ?? []).length > 0) expect(op.responses, where).toHaveProperty('401');
      expect(op.responses, where).toHaveProperty('500');
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400)
          expect(response.content?.['application/json']?.schema, `${where} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    const upload = doc.paths['/api/imports/{kind}']?.post;
    expect(Object.keys(upload?.requestBody?.content ?? {})).toContain('application/octet-stream');
    const pdf = doc.paths['/api/report/{period}/publications/{version}/files/{path}']?.get;
    expect(pdf?.responses['200']?.content?.['application/pdf']?.schema).toEqual({ type: 'string', format: 'binary' });
  });

  it(`answers generated requests to every operation as documented (seed ${SEED}, ${RUNS} runs per operation)`, async () => {
    const ajv = responseAjv();
    const validators = new Map<string, ValidateFunction>();
    const validatorOf = (key: string, schema: Schema) => {
      let v = validators.get(key);
      if (!v) {
        v = ajv.compile(deref(schema, doc) as Schema);
        validators.set(key, v);
      }
      return v;
    };
    let seed = SEED;
    const seen = new Map<string, number>();
    const share = Math.max(200, Math.floor(BUDGET_MS / operations().length));
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path} (${op.operationId})`;
      const permission = ((op.security ?? []).length === 0 ? 'public' : undefined) as Permission | undefined;
      // The route's own permission decides the role; the document says only "signed in", so ask the route table.
      const route = app.accessRoutes.find(
        (r) => r.method === method.toUpperCase() && path === r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{path}'),
      );
      const needed = route?.permission ?? permission;
      const headers = needed === 'public' || needed === undefined ? {} : (tokens.get(PERMISSION_ROLE[needed]) ?? {});
      const params = Object.fromEntries(
        (op.parameters ?? []).map((p) => [
          `${p.in}:${p.name}`,
          p.required ? request(p.schema) : fc.option(request(p.schema), { nil: undefined, freq: 3 }),
        ]),
      );
      const bodySchema = Object.values(op.requestBody?.content ?? {})[0]?.schema;
      const body = bodySchema ? request(bodySchema) : fc.constant(undefined);
      seed += 1;
      const deadline = Date.now() + share;
      let sentForOp = 0;
      await fc
        .assert(
          fc.asyncProperty(fc.record(params), body, async (values, payload) => {
            // Past its share of the budget an operation's remaining runs pass without a request (the first always runs).
            if (sentForOp > 0 && Date.now() > deadline) return;
            sentForOp += 1;
            const sent = buildRequest(method, path, op, values as Record<string, unknown>, payload);
            const options: InjectOptions = {
              ...sent,
              method: sent.method as InjectOptions['method'],
              headers: { ...headers, ...sent.headers },
            };
            const res = await app.inject(options);
            const status = String(res.statusCode);
            seen.set(`${status[0]}xx`, (seen.get(`${status[0]}xx`) ?? 0) + 1);
            seen.set(`${op.operationId} ${status}`, (seen.get(`${op.operationId} ${status}`) ?? 0) + 1);
            const tell = `${where}: ${sent.method} ${sent.url.slice(0, 300)} ${String(sent.payload ?? '').slice(0, 300)} → ${status} ${res.body.slice(0, 400)}`;
            if (res.statusCode >= 500) throw new Error(`server error: ${tell}`);
            const documented = op.responses[status];
            if (!documented) throw new Error(`undocumented status: ${tell}`);
            const type = baseType(res.headers['content-type'] as string | undefined);
            const content = documented.content;
            if (!content) return;
            const entry = Object.entries(content).find(([t]) => baseType(t) === type);
            if (!entry) throw new Error(`undocumented content type ${type}: ${tell}`);
            if (type === 'application/json' && entry[1].schema.format !== 'binary') {
              const validate = validatorOf(`${where} ${status}`, entry[1].schema);
              if (!validate(res.json())) throw new Error(`answer does not match its schema: ${ajv.errorsText(validate.errors)}: ${tell}`);
            }
          }),
          { seed, numRuns: RUNS, endOnFailure: true },
        )
        .catch((err: unknown) => {
          throw new Error(`Contract fuzz failed (FUZZ_SEED=${SEED} replays the whole run): ${(err as Error).message}`);
        });
    }
    expect(seed - SEED).toBe(operations().length);
    if (process.env.FUZZ_VERBOSE)
      console.info(
        [...seen]
          .sort()
          .map(([k, n]) => `${k}: ${n}`)
          .join('\n'),
      );
    // The generator reaches the handlers (2xx) and the edge (4xx) alike; every operation was called.
    expect(seen.get('2xx')).toBeGreaterThan(operations().length);
    expect(seen.get('4xx')).toBeGreaterThan(operations().length);
    const called = new Set([...seen.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]));
    expect(called.size).toBe(operations().length);
  }, 120_000);
});
