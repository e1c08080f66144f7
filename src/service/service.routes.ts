/** JSON API of the service domain under /api/service/…: the CLI contracts and the pages' data. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../module.ts';
import { addMonths, firstDayOfMonth, lastDayOfMonth } from '../shared/period.ts';
import { resolvePeriod } from '../web/period-param.ts';
import { monthAvailability } from './availability/availability.figures.ts';
import { callMetricsByQueue, monthCallMetrics } from './calls/calls.figures.ts';
import { findComplaints } from './complaints/complaints.queries.ts';
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from './service-settings.ts';
import { findVolumes } from './volumes/volumes.queries.ts';

const YM = '^\\d{4}-(0[1-9]|1[0-2])$';
const errorResponse = {
  type: 'object',
  description: '`{ error: { code, message, problems } }` (see docs/errors.md)',
  additionalProperties: true,
} as const;
const count = { type: 'integer', minimum: 0 } as const;
const nullablePct = { type: ['number', 'null'], description: 'Percent, unrounded; null when the denominator is 0' } as const;
const periodQuery = {
  type: 'object',
  properties: {
    period: { type: 'string', format: 'period', pattern: YM, description: 'YYYY-MM; default: configured period or last month' },
  },
} as const;

export const callMetricsSchema = {
  type: 'object',
  required: [
    'period',
    'queue',
    'offered',
    'answered',
    'abandoned',
    'shortAbandons',
    'unresolved',
    'answeredWithinThreshold',
    'serviceLevel',
    'averageSpeedOfAnswer',
    'abandonRate',
    'outbound',
  ],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    queue: { type: ['string', 'null'], description: 'null = all queues' },
    offered: count,
    answered: count,
    abandoned: { ...count, description: 'Unanswered with wait above the short-abandon limit' },
    shortAbandons: count,
    unresolved: { ...count, description: 'ENTERQUEUE without any outcome' },
    answeredWithinThreshold: count,
    serviceLevel: nullablePct,
    averageSpeedOfAnswer: { type: ['number', 'null'], description: 'Seconds, unrounded; null when nothing was answered' },
    abandonRate: nullablePct,
    outbound: count,
  },
} as const;

const outage = {
  type: 'object',
  required: ['service', 'start', 'end', 'planned', 'description'],
  properties: {
    service: { type: 'string' },
    start: { type: 'string', format: 'date-time' },
    end: { type: 'string', format: 'date-time' },
    planned: { type: 'boolean' },
    description: { type: 'string' },
  },
} as const;

export const availabilitySchema = {
  type: 'object',
  required: ['period', 'services'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    services: {
      type: 'array',
      description: 'Every service that has agreed service time or outages',
      items: {
        type: 'object',
        required: ['service', 'agreedMinutes', 'plannedMinutes', 'unplannedMinutes', 'unplannedCount', 'availability', 'unplannedOutages'],
        properties: {
          service: { type: 'string' },
          agreedMinutes: { type: 'number' },
          plannedMinutes: { type: 'number' },
          unplannedMinutes: { type: 'number' },
          unplannedCount: count,
          availability: { type: ['number', 'null'], description: 'Percent, unrounded; null when agreed − planned is 0' },
          unplannedOutages: { type: 'array', items: outage },
        },
      },
    },
  },
} as const;

const volumesSchema = {
  type: 'object',
  required: ['period', 'volumes'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    volumes: {
      type: 'array',
      description: 'The 12 months ending with period',
      items: {
        type: 'object',
        required: ['month', 'service', 'vendor', 'count'],
        properties: {
          month: { type: 'string', format: 'period', pattern: YM },
          service: { type: 'string' },
          vendor: { type: 'string' },
          count: count,
        },
      },
    },
  },
} as const;

const complaintsSchema = {
  type: 'object',
  required: ['period', 'count', 'complaints'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    count,
    complaints: {
      type: 'array',
      items: {
        type: 'object',
        required: ['date', 'customer', 'category', 'status', 'summary'],
        properties: {
          date: { type: 'string', format: 'date' },
          customer: { type: 'string' },
          category: { type: 'string' },
          status: { type: 'string' },
          summary: { type: 'string' },
        },
      },
    },
  },
} as const;

const iso = (ms: number) => new Date(ms).toISOString();

export function serviceRoutes(settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    const read = { permission: 'read' as const };
    app.get(
      '/service/calls',
      {
        config: read,
        schema: {
          operationId: 'getServiceCalls',
          summary: 'Service-desk call metrics of a month (all queues, or one with ?queue=)',
          querystring: { type: 'object', properties: { ...periodQuery.properties, queue: { type: 'string', minLength: 1 } } },
          response: { 200: callMetricsSchema, 400: errorResponse },
        },
      },
      async (req) => {
        const period = resolvePeriod(req.query, deps.config);
        const queue = (req.query as { queue?: string }).queue ?? null;
        return monthCallMetrics(deps.db, { period, queue, settings });
      },
    );
    app.get(
      '/service/calls/queues',
      {
        config: read,
        schema: {
          operationId: 'getServiceCallsByQueue',
          summary: 'Service-desk call metrics of a month per queue',
          querystring: periodQuery,
          response: { 200: { type: 'array', items: callMetricsSchema }, 400: errorResponse },
        },
      },
      async (req) => callMetricsByQueue(deps.db, { period: resolvePeriod(req.query, deps.config), settings }),
    );
    app.get(
      '/service/availability',
      {
        config: read,
        schema: {
          operationId: 'getServiceAvailability',
          summary: 'Availability per service of a month',
          querystring: periodQuery,
          response: { 200: availabilitySchema, 400: errorResponse },
        },
      },
      async (req) => {
        const a = await monthAvailability(deps.db, resolvePeriod(req.query, deps.config));
        return {
          period: a.period,
          services: a.services.map((s) => ({
            ...s,
            unplannedOutages: s.unplannedOutages.map((o) => ({ ...o, start: iso(o.startMs), end: iso(o.endMs) })),
          })),
        };
      },
    );
    app.get(
      '/service/volumes',
      {
        config: read,
        schema: {
          operationId: 'getServiceVolumes',
          summary: 'Monthly volumes per service and vendor, 12 months',
          querystring: periodQuery,
          response: { 200: volumesSchema, 400: errorResponse },
        },
      },
      async (req) => {
        const period = resolvePeriod(req.query, deps.config);
        return { period, volumes: await findVolumes(deps.db, { fromMonth: addMonths(period, -11), toMonth: period }) };
      },
    );
    app.get(
      '/service/complaints',
      {
        config: read,
        schema: {
          operationId: 'listServiceComplaints',
          summary: 'Customer complaints of a month',
          querystring: periodQuery,
          response: { 200: complaintsSchema, 400: errorResponse },
        },
      },
      async (req) => {
        const period = resolvePeriod(req.query, deps.config);
        const complaints = await findComplaints(deps.db, { fromDate: firstDayOfMonth(period), toDate: lastDayOfMonth(period) });
        return { period, count: complaints.length, complaints };
      },
    );
  };
}
