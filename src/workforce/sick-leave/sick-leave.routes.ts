/** GET /api/workforce/sick-leave?period=YYYY-MM: the sick-leave overview of a month as JSON. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../module.ts';
import { resolvePeriod } from '../../web/period-param.ts';
import { maySeeUnits } from './sick-leave.access.ts';
import { sickLeaveOverview } from './sick-leave.section.ts';
import { DEFAULT_SICK_LEAVE_SETTINGS, type SickLeaveSettings } from './sick-leave-settings.ts';

const YM = '^\\d{4}-(0[1-9]|1[0-2])$';

/** The app-wide error body (server/http-errors.ts), described loosely so domains need not import server/. */
const errorResponse = {
  type: 'object',
  description: '`{ error: { code, message, problems } }` (see docs/errors.md)',
  additionalProperties: true,
} as const;
const pct = { type: ['number', 'null'], description: 'Percent of agreed days, unrounded; null without agreed days' } as const;

const figuresProperties = {
  agreedDays: { type: 'number', description: 'Avtalte dagsverk: working days × position fraction' },
  lostShort: { type: 'number', description: 'Tapte dagsverk in short-term cases' },
  lostLong: { type: 'number', description: 'Tapte dagsverk in long-term cases' },
  shortPct: pct,
  longPct: pct,
  totalPct: pct,
} as const;
const figuresRequired = ['agreedDays', 'lostShort', 'lostLong', 'shortPct', 'longPct', 'totalPct'];

const figures = { type: 'object', required: figuresRequired, properties: figuresProperties } as const;
const firstReported = {
  type: ['object', 'null'],
  description: 'As first reported (knowledge cut-off knownAt); only present when a rounded percentage differs from the corrected one',
  required: [...figuresRequired, 'knownAt'],
  properties: { ...figuresProperties, knownAt: { type: 'string', format: 'date-time' } },
} as const;
const status = { type: 'string', enum: ['met', 'not-met', 'none'] } as const;

export const sickLeaveOverviewSchema = {
  type: 'object',
  required: [
    'period',
    'hasData',
    'knownAt',
    'bandRule',
    'month',
    'ytd',
    'rolling12',
    'indicator',
    'firstReported',
    'trend',
    'units',
    'definition',
  ],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    hasData: { type: 'boolean', description: 'False when no absences are imported or nobody is employed in the month' },
    knownAt: { type: ['string', 'null'], description: 'Knowledge used for the corrected figures; null = all data' },
    bandRule: { type: 'string', enum: ['whole-case', 'day-based'], description: 'How a case is split into short/long term' },
    month: figures,
    ytd: {
      type: 'object',
      required: [...figuresRequired, 'months'],
      properties: { ...figuresProperties, months: { type: 'array', items: { type: 'string', format: 'period', pattern: YM } } },
      description: 'January–period: Σ lost / Σ agreed (a ratio of sums)',
    },
    rolling12: figures,
    indicator: {
      type: 'object',
      required: ['target', 'monthStatus', 'ytdStatus'],
      properties: {
        target: {
          type: 'object',
          required: ['op', 'value'],
          properties: { op: { type: 'string', enum: ['<', '<=', '>', '>='] }, value: { type: 'number' } },
        },
        monthStatus: status,
        ytdStatus: status,
      },
    },
    firstReported,
    trend: {
      type: 'array',
      description: 'The 12 months ending with period, oldest first',
      items: {
        type: 'object',
        required: [...figuresRequired, 'period', 'firstReported'],
        properties: { ...figuresProperties, period: { type: 'string', format: 'period', pattern: YM }, firstReported },
      },
    },
    units: {
      type: 'array',
      description: 'Per organisational unit (null = no unit), for authorised users only (empty otherwise); never per person',
      items: {
        type: 'object',
        required: ['unit', 'month', 'ytd'],
        properties: { unit: { type: ['string', 'null'] }, month: figures, ytd: figures },
      },
    },
    definition: { type: 'string', description: 'Norwegian footnote stating the rules used' },
  },
} as const;

const schema = {
  operationId: 'getSickLeave',
  summary: 'Sick leave (sykefravær) of a month: short/long/total, year to date, indicator, 12-month trend, per unit',
  querystring: {
    type: 'object',
    properties: {
      period: { type: 'string', format: 'period', pattern: YM, description: 'YYYY-MM; default: the configured period or last month' },
    },
  },
  response: { 200: sickLeaveOverviewSchema, 400: errorResponse },
} as const;

export function sickLeaveRoutes(settings: SickLeaveSettings = DEFAULT_SICK_LEAVE_SETTINGS) {
  return async (app: FastifyInstance, deps: AppDeps): Promise<void> => {
    app.get('/workforce/sick-leave', { config: { permission: 'read' }, schema }, async (req) => {
      const period = resolvePeriod(req.query, deps.config);
      const overview = await sickLeaveOverview(deps.db, { period, settings });
      return maySeeUnits(req) ? overview : { ...overview, units: [] };
    });
  };
}
