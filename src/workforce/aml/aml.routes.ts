/** JSON API: GET /api/workforce/aml (the section model) and /api/workforce/aml/breaches (employee level). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { amlBreachList, amlSection } from './aml.section.ts';
import { causeLabel, RULE_LABELS } from './aml-labels.ts';
import { AML_RULES, type AmlSettings, type Breach, DEFAULT_AML_SETTINGS } from './aml-model.ts';

const YM = '^\\d{4}-(0[1-9]|1[0-2])$';
const errorResponse = {
  type: 'object',
  description: '`{ error: { code, message, problems } }` (see docs/errors.md)',
  additionalProperties: true,
} as const;
const count = { type: 'integer', minimum: 0 } as const;
const rule = { type: 'string', enum: [...AML_RULES] } as const;

export const amlSectionSchema = {
  type: 'object',
  required: ['period', 'knownAt', 'hasData', 'indicator', 'month', 'ytd', 'restatement', 'trend', 'footnote'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    knownAt: { type: 'string', format: 'date-time', description: 'Knowledge cut-off of the corrected figures' },
    hasData: { type: 'boolean', description: 'False when no time records are imported for the months shown' },
    indicator: {
      type: 'object',
      required: ['target', 'monthStatus'],
      properties: {
        target: {
          type: 'object',
          required: ['op', 'value'],
          properties: { op: { type: 'string', enum: ['<', '<=', '>', '>='] }, value: { type: 'number' } },
        },
        monthStatus: { type: 'string', enum: ['met', 'not-met', 'none'] },
      },
    },
    month: {
      type: 'object',
      required: ['count', 'byRule', 'byCause'],
      properties: {
        count,
        byRule: {
          type: 'array',
          items: {
            type: 'object',
            required: ['rule', 'label', 'count', 'sharePct'],
            properties: {
              rule,
              label: { type: 'string' },
              count,
              sharePct: { type: ['number', 'null'], description: 'Unrounded percent' },
            },
          },
        },
        byCause: {
          type: 'array',
          items: {
            type: 'object',
            required: ['cause', 'label', 'count'],
            properties: { cause: { type: ['string', 'null'] }, label: { type: 'string' }, count },
          },
        },
      },
    },
    ytd: { type: 'object', required: ['count', 'months'], properties: { count, months: { type: 'array', items: { type: 'string' } } } },
    restatement: {
      type: 'array',
      description: 'Per month of the year: as first reported (at the month’s first cut-off) vs corrected',
      items: {
        type: 'object',
        required: ['month', 'cutoff', 'firstReported', 'corrected', 'added', 'removed'],
        properties: {
          month: { type: 'string', format: 'period', pattern: YM },
          cutoff: { type: 'string', format: 'date-time' },
          firstReported: count,
          corrected: count,
          added: count,
          removed: count,
        },
      },
    },
    trend: {
      type: 'array',
      items: {
        type: 'object',
        required: ['month', 'count'],
        properties: { month: { type: 'string', format: 'period', pattern: YM }, count },
      },
    },
    footnote: { type: 'string', description: 'The evaluation rules in one Norwegian paragraph' },
  },
} as const;

const recordSchema = {
  type: 'object',
  required: ['start', 'end', 'kind', 'cause', 'registeredAt'],
  properties: {
    start: { type: 'string', format: 'date-time' },
    end: { type: 'string', format: 'date-time' },
    kind: { type: 'string', enum: ['ordinary', 'overtime', 'callout'] },
    cause: { type: ['string', 'null'] },
    registeredAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const amlBreachListSchema = {
  type: 'object',
  required: ['period', 'breaches'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    breaches: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'employeeId',
          'rule',
          'ruleLabel',
          'date',
          'month',
          'key',
          'cause',
          'causeLabel',
          'measured',
          'limit',
          'dispensation',
          'records',
        ],
        properties: {
          employeeId: { type: 'string' },
          rule,
          ruleLabel: { type: 'string' },
          date: { type: 'string', format: 'date' },
          month: { type: 'string', format: 'period', pattern: YM },
          key: { type: 'string' },
          cause: { type: ['string', 'null'] },
          causeLabel: { type: 'string' },
          measured: { type: 'number', description: 'Hours (rest, work, overtime) or, for sundays, Sundays in a row' },
          limit: { type: 'number' },
          dispensation: { type: 'boolean' },
          records: { type: 'array', items: recordSchema },
        },
      },
    },
  },
} as const;

const querystring = {
  type: 'object',
  properties: {
    period: { type: 'string', format: 'period', pattern: YM, description: 'YYYY-MM; default: the configured period or last month' },
    knownAt: { type: 'string', format: 'date-time', description: 'Knowledge cut-off (ISO instant); default: now' },
  },
} as const;

function knownAtOf(query: unknown): string {
  const raw = (query as { knownAt?: string } | undefined)?.knownAt;
  if (raw === undefined || raw === '') return new Date().toISOString();
  if (Number.isNaN(Date.parse(raw))) throw new AppError('VALIDATION', `Ugyldig knownAt «${raw}», forventet ISO-tidspunkt`);
  return raw;
}

export function breachJson(b: Breach) {
  return {
    employeeId: b.employeeId,
    rule: b.rule,
    ruleLabel: RULE_LABELS[b.rule],
    date: b.date,
    month: b.month,
    key: b.key,
    cause: b.cause,
    causeLabel: causeLabel(b.cause),
    measured: b.measured,
    limit: b.limit,
    dispensation: b.dispensation,
    records: b.records.map((r) => ({
      start: new Date(r.start).toISOString(),
      end: new Date(r.end).toISOString(),
      kind: r.kind,
      cause: r.cause,
      registeredAt: new Date(r.registeredAt).toISOString(),
    })),
  };
}

export function amlRoutes(settings: AmlSettings = DEFAULT_AML_SETTINGS) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    app.get(
      '/workforce/aml',
      {
        config: { permission: 'read' },
        schema: {
          operationId: 'getAmlSummary',
          summary: 'Working-time (AML) breaches of a month: counts by rule and cause, YTD, before/after correction, 12-month trend',
          tags: ['workforce'],
          querystring,
          response: { 200: amlSectionSchema, 400: errorResponse },
        },
      },
      async (req) => amlSection(deps.db, { period: resolvePeriod(req.query, deps.config), knownAt: knownAtOf(req.query), settings }),
    );
    app.get(
      '/workforce/aml/breaches',
      {
        config: { permission: 'hr' },
        schema: {
          operationId: 'listAmlBreaches',
          summary: 'The breaches of a month, employee by employee, with the records behind each (web app only, never in the report)',
          tags: ['workforce'],
          querystring,
          response: { 200: amlBreachListSchema, 400: errorResponse },
        },
      },
      async (req) => {
        const period = resolvePeriod(req.query, deps.config);
        const breaches = await amlBreachList(deps.db, { period, knownAt: knownAtOf(req.query), settings });
        return { period, breaches: breaches.map(breachJson) };
      },
    );
  };
}
