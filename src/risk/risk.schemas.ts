/** JSON schemas of the risk API: request validation and the OpenAPI document come from these. */

// `period` and `date` are checked at the edge: a real calendar date, a year in the configured range.
const PERIOD = { type: 'string', format: 'period', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' } as const;
const DATE = { type: 'string', format: 'date', description: 'YYYY-MM-DD' } as const;
const NULLABLE_DATE = { type: ['string', 'null'], format: 'date', description: 'YYYY-MM-DD or null' } as const;
const SCALE = { type: 'integer', minimum: 1, maximum: 5 } as const;
const RISK_ID = { type: 'string', pattern: '^[A-Za-zÆØÅæøå0-9][A-Za-zÆØÅæøå0-9._-]{0,39}$', description: 'e.g. OR-631' } as const;

/** The app-wide error body (server/http-errors.ts), described loosely so domains need not import server/. */
export const errorResponse = {
  type: 'object',
  description: '`{ error: { code, message, problems } }` (see docs/errors.md)',
  additionalProperties: true,
} as const;

/** A file answer (CSV, XLSX, SVG): bytes of one media type, for the OpenAPI document. */
export function fileResponse(description: string, mediaType: string) {
  return { description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } };
}

export const idParams = { type: 'object', required: ['id'], properties: { id: RISK_ID } } as const;

export const riskSchema = {
  type: 'object',
  required: ['id', 'title', 'description', 'owner', 'category', 'scope', 'opened', 'closed'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    owner: { type: 'string' },
    category: { type: 'string' },
    scope: { type: 'string', description: '`enterprise` or a project id' },
    opened: { type: 'string' },
    closed: { type: ['string', 'null'] },
  },
} as const;

export const assessmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    riskId: { type: 'string' },
    period: { type: 'string' },
    probability: { type: 'integer' },
    consequence: { type: 'integer' },
    score: { type: 'integer' },
    level: { type: 'string' },
    statusText: { type: 'string' },
    assessedBy: { type: 'string' },
    assessedAt: { type: 'string' },
    state: { type: 'string', enum: ['final', 'draft'] },
    source: { type: 'string', enum: ['form', 'api', 'import', 'roll-forward'] },
    recordedAt: { type: 'string' },
    recordedBy: { type: 'string' },
    superseded: { type: 'boolean', description: 'A later assessment for the same period replaced this one' },
  },
} as const;

const movementEnum = { type: 'string', enum: ['up', 'down', 'same', 'new', 'closed'] } as const;

export const listQuery = {
  type: 'object',
  properties: {
    period: PERIOD,
    minScore: { type: 'integer', minimum: 1, maximum: 25 },
    status: { type: 'string', enum: ['open', 'closed', 'all'], default: 'open' },
    scope: { type: 'string', description: '`enterprise` or a project id; default all' },
    level: { type: 'string', description: 'Level key: low, moderate, high, critical' },
    sort: { type: 'string', enum: ['score', 'id', 'title', 'owner', 'category', 'movement'], default: 'score' },
    order: { type: 'string', enum: ['asc', 'desc'] },
  },
} as const;

export const listResponse = {
  type: 'object',
  required: ['period', 'threshold', 'risks'],
  properties: {
    period: { type: 'string' },
    threshold: { type: 'integer' },
    risks: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          owner: { type: 'string' },
          category: { type: 'string' },
          scope: { type: 'string' },
          opened: { type: 'string' },
          closed: { type: ['string', 'null'] },
          open: { type: 'boolean' },
          probability: { type: ['integer', 'null'] },
          consequence: { type: ['integer', 'null'] },
          score: { type: ['integer', 'null'] },
          level: { type: ['string', 'null'], description: 'Level key' },
          levelLabel: { type: ['string', 'null'] },
          statusText: { type: ['string', 'null'] },
          assessmentPeriod: { type: ['string', 'null'] },
          carriedForward: { type: 'boolean' },
          state: { type: ['string', 'null'], enum: ['final', 'draft', null] },
          movement: movementEnum,
          previousScore: { type: ['integer', 'null'] },
          scoreChange: { type: ['integer', 'null'] },
        },
      },
    },
  },
} as const;

export const detailResponse = {
  type: 'object',
  properties: {
    risk: riskSchema,
    period: { type: 'string' },
    current: { anyOf: [assessmentSchema, { type: 'null' }] },
    revisions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...riskSchema.properties,
          revision: { type: 'integer' },
          change: { type: 'string' },
          changedAt: { type: 'string' },
          changedBy: { type: 'string' },
        },
      },
    },
    assessments: { type: 'array', items: assessmentSchema },
    timeline: {
      type: 'array',
      items: {
        type: 'object',
        properties: { period: { type: 'string' }, score: { type: ['integer', 'null'] }, own: { type: 'boolean' } },
      },
    },
  },
} as const;

export const riskBody = {
  type: 'object',
  required: ['id', 'title', 'opened'],
  additionalProperties: false,
  properties: {
    id: RISK_ID,
    title: { type: 'string', minLength: 1, maxLength: 300 },
    description: { type: 'string', maxLength: 4000 },
    owner: { type: 'string', maxLength: 200 },
    category: { type: 'string', maxLength: 60, description: 'economy, delivery, security, personnel, … or free text' },
    scope: { type: 'string', maxLength: 60, default: 'enterprise' },
    opened: DATE,
    closed: NULLABLE_DATE,
  },
} as const;

export const riskUpdateBody = {
  ...riskBody,
  required: ['title', 'opened'],
  properties: { ...riskBody.properties, id: { ...RISK_ID, description: 'Ignored; the id never changes' } },
} as const;

export const assessmentBody = {
  type: 'object',
  required: ['period', 'probability', 'consequence'],
  additionalProperties: false,
  properties: {
    period: PERIOD,
    probability: { ...SCALE, description: 'Sannsynlighet 1–5' },
    consequence: { ...SCALE, description: 'Konsekvens 1–5' },
    statusText: { type: 'string', maxLength: 8000, description: 'What has been done since last period (Norwegian prose)' },
    assessedBy: { type: 'string', maxLength: 200, description: 'Default: the caller' },
    assessedAt: { ...DATE, description: 'Default: today (Europe/Oslo)' },
    state: { type: 'string', enum: ['final', 'draft'], default: 'final' },
  },
} as const;

export const closeBody = {
  type: 'object',
  required: ['closed'],
  additionalProperties: false,
  properties: { closed: DATE },
} as const;

export const rollForwardBody = {
  type: 'object',
  required: ['period'],
  additionalProperties: false,
  properties: { period: { ...PERIOD, description: 'The new period the drafts are made for' } },
} as const;

export const rollForwardResponse = {
  type: 'object',
  properties: { period: { type: 'string' }, created: { type: 'integer' }, assessments: { type: 'array', items: assessmentSchema } },
} as const;

export const periodQuery = { type: 'object', properties: { period: PERIOD, scope: { type: 'string' } } } as const;

export const heatmapResponse = {
  type: 'object',
  properties: {
    period: { type: 'string' },
    axes: { type: 'string', enum: ['consequence-x', 'probability-x'] },
    threshold: { type: 'integer' },
    total: { type: 'integer' },
    levels: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string' },
          label: { type: 'string' },
          colourName: { type: 'string' },
          colour: { type: 'string' },
          letter: { type: 'string' },
          minScore: { type: 'integer' },
          scores: { type: 'string' },
        },
      },
    },
    cells: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          probability: { type: 'integer' },
          consequence: { type: 'integer' },
          score: { type: 'integer' },
          level: { type: 'string' },
          count: { type: 'integer' },
          ids: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

const levelDef = {
  type: 'object',
  required: ['key', 'label', 'colourName', 'colour', 'letter', 'minScore'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', minLength: 1, maxLength: 40 },
    label: { type: 'string', minLength: 1, maxLength: 80 },
    colourName: { type: 'string', minLength: 1, maxLength: 40 },
    colour: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    letter: { type: 'string', minLength: 1, maxLength: 1 },
    minScore: { type: 'integer', minimum: 1, maximum: 25 },
  },
} as const;

export const matrixSchema = {
  type: 'object',
  required: ['probabilityLabels', 'consequenceLabels', 'levels', 'reportingThreshold', 'axes'],
  additionalProperties: false,
  properties: {
    probabilityLabels: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 80 }, minItems: 5, maxItems: 5 },
    consequenceLabels: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 80 }, minItems: 5, maxItems: 5 },
    levels: { type: 'array', items: levelDef, minItems: 1, maxItems: 25 },
    reportingThreshold: { type: 'integer', minimum: 1, maximum: 25 },
    axes: { type: 'string', enum: ['consequence-x', 'probability-x'] },
  },
} as const;

export const exportQuery = {
  type: 'object',
  properties: {
    view: { type: 'string', enum: ['history', 'current'], default: 'history', description: '`current`: one row per risk for `period`' },
    period: PERIOD,
  },
} as const;
