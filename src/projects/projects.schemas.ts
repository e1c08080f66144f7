/** JSON schemas of /api/projects/... (validation and the OpenAPI document). */
const YM = '^\\d{4}-(0[1-9]|1[0-2])$';
const nullableString = { type: ['string', 'null'] } as const;

export const errorResponseSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'object', additionalProperties: true, properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;

export const projectParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 60 } },
} as const;

export const projectListSchema = {
  type: 'object',
  required: ['projects'],
  properties: {
    projects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'owner', 'phase', 'active', 'investmentProject', 'jiraKey'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          owner: { type: 'string' },
          phase: { type: 'string' },
          active: { type: 'boolean' },
          investmentProject: nullableString,
          jiraKey: nullableString,
        },
      },
    },
  },
} as const;

const changeSchema = {
  type: 'object',
  required: ['changedAt', 'oldDate', 'newDate', 'reason', 'changedBy'],
  properties: {
    changedAt: { type: 'string' },
    oldDate: nullableString,
    newDate: nullableString,
    reason: { type: 'string' },
    changedBy: { type: 'string' },
  },
} as const;

export const milestonesQuerySchema = {
  type: 'object',
  properties: { period: { type: 'string', format: 'period', pattern: YM, description: 'YYYY-MM: marks milestones moved in that month' } },
} as const;

export const milestonesResponseSchema = {
  type: 'object',
  required: ['project', 'period', 'milestones'],
  properties: {
    project: { type: 'string' },
    period: nullableString,
    milestones: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'milestone',
          'name',
          'kind',
          'baseline',
          'planned',
          'actual',
          'amount',
          'follows',
          'slipDays',
          'movedInPeriod',
          'history',
        ],
        properties: {
          milestone: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string', enum: ['delivery', 'acceptance', 'payment', 'other'] },
          baseline: nullableString,
          planned: nullableString,
          actual: nullableString,
          amount: { type: ['number', 'null'], description: 'NOK' },
          follows: nullableString,
          slipDays: { type: ['integer', 'null'] },
          movedInPeriod: { type: 'boolean' },
          history: { type: 'array', items: changeSchema },
        },
      },
    },
  },
} as const;

export const milestoneParamsSchema = {
  type: 'object',
  required: ['id', 'milestone'],
  properties: { id: projectParamsSchema.properties.id, milestone: { type: 'string', maxLength: 40 } },
} as const;

export const milestoneEditSchema = {
  type: 'object',
  required: ['planned'],
  additionalProperties: false,
  properties: {
    planned: { type: 'string', maxLength: 10, description: 'YYYY-MM-DD or DD.MM.YYYY; empty clears' },
    actual: { type: 'string', maxLength: 10 },
    reason: { type: 'string', maxLength: 500, description: 'required when the planned date changes' },
  },
} as const;

export const defectsQuerySchema = {
  type: 'object',
  required: ['asOf'],
  properties: {
    asOf: {
      type: 'string',
      maxLength: 40,
      description: 'ISO instant, or a date (YYYY-MM-DD / DD.MM.YYYY) = end of that day in Europe/Oslo',
    },
    release: { type: 'string', maxLength: 100, description: 'only issues with this fix version' },
  },
} as const;

const counts = {
  type: 'object',
  required: ['A', 'B', 'C', 'unclassified'],
  properties: { A: { type: 'integer' }, B: { type: 'integer' }, C: { type: 'integer' }, unclassified: { type: 'integer' } },
} as const;

export const defectsResponseSchema = {
  type: 'object',
  required: ['project', 'asOf', 'release', 'open', 'total', 'unclassified'],
  properties: {
    project: { type: 'string' },
    asOf: { type: 'string' },
    release: nullableString,
    open: counts,
    total: { type: 'integer' },
    unclassified: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'summary', 'priority'],
        properties: { key: { type: 'string' }, summary: { type: 'string' }, priority: nullableString },
      },
    },
  },
} as const;

export const risksResponseSchema = {
  type: 'object',
  required: ['project', 'period', 'risks'],
  properties: {
    project: { type: 'string' },
    period: { type: 'string' },
    risks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'owner', 'probability', 'consequence', 'statusText'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          owner: { type: 'string' },
          probability: { type: ['integer', 'null'] },
          consequence: { type: ['integer', 'null'] },
          statusText: { type: 'string' },
        },
      },
    },
  },
} as const;
