/** JSON schemas (OpenAPI) of the capital API; every amount is NOK, exact (two decimals at most). */
const YM = '^\\d{4}-(0[1-9]|1[0-2])$';
const nok = { type: 'number', description: 'NOK' } as const;
const nokOrNull = { type: ['number', 'null'], description: 'NOK; null when not known' } as const;
const date = { type: 'string', format: 'date' } as const;

export const periodQuerySchema = {
  type: 'object',
  properties: {
    period: { type: 'string', format: 'period', pattern: YM, description: 'YYYY-MM; default: the configured period or last month' },
  },
} as const;

/** The shape of the error body the server answers with (src/server/http-errors.ts). */
export const errorResponseSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'object', additionalProperties: true, properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
} as const;

const figureProperties = {
  approved: { ...nok, description: 'Approved amount, uncertainty reserve included' },
  invoicedThisYear: { ...nok, description: 'Invoices dated 1 January – period end' },
  invoicedToDate: { ...nok, description: 'Every invoice dated up to period end' },
  remaining: { ...nok, description: 'approved − invoicedToDate' },
  expectedUseThisYear: { ...nokOrNull, description: 'Entered expectation for the year; null when none' },
  remainingMilestones: { ...nok, description: 'Payment milestones not paid by period end' },
  remainingMilestoneCount: { type: 'integer' },
  remainingReserve: { ...nok, description: 'Uncertainty reserve left (capped by what remains after the milestones)' },
  remainingOther: { ...nok, description: 'remaining − remainingMilestones − remainingReserve' },
} as const;
const figureKeys = Object.keys(figureProperties);

export const investmentsSchema = {
  type: 'object',
  required: ['period', 'year', 'asOf', 'invoicedThisYear', 'total', 'budgetYears'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    year: { type: 'integer' },
    asOf: date,
    invoicedThisYear: { ...nok, description: 'All budget years' },
    total: { type: 'object', required: figureKeys, properties: figureProperties },
    budgetYears: {
      type: 'array',
      description: 'Newest budget year first; finished older budget years are left out',
      items: {
        type: 'object',
        required: ['budgetYear', ...figureKeys, 'projects'],
        properties: {
          budgetYear: { type: 'integer' },
          ...figureProperties,
          projects: {
            type: 'array',
            items: {
              type: 'object',
              required: ['project', ...figureKeys],
              properties: { project: { type: 'string' }, ...figureProperties },
            },
          },
        },
      },
    },
  },
} as const;

export const liquiditySchema = {
  type: 'object',
  required: ['period', 'asOf', 'bankBalance', 'yearEndForecast', 'nextYearQ1Investments', 'loans'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    asOf: date,
    bankBalance: { ...nokOrNull, description: 'Bank accounts 1900–1999 at period end; null without ledger data' },
    yearEndForecast: { ...nokOrNull, description: 'Entered for this period' },
    nextYearQ1Investments: nokOrNull,
    loans: {
      type: 'array',
      items: {
        type: 'object',
        required: ['facility', 'purpose', 'requested', 'disbursed', 'planned', 'unallocated', 'disbursements'],
        properties: {
          facility: { type: 'string' },
          purpose: { type: ['string', 'null'] },
          requested: nok,
          disbursed: { ...nok, description: 'Sum of actual disbursements' },
          planned: { ...nok, description: 'Sum of planned disbursements' },
          unallocated: nok,
          disbursements: {
            type: 'array',
            items: {
              type: 'object',
              required: ['date', 'amount', 'status', 'state'],
              properties: {
                date,
                amount: nok,
                status: { type: 'string', enum: ['planned', 'actual'] },
                state: { type: 'string', enum: ['disbursed', 'scheduled', 'planned'], description: 'At period end' },
              },
            },
          },
        },
      },
    },
  },
} as const;

const bucketProperties = { notDue: nok, days1to30: nok, days31to60: nok, days61to90: nok, over90: nok } as const;
const ageingRowProperties = {
  buckets: { type: 'object', required: Object.keys(bucketProperties), properties: bucketProperties },
  total: nok,
  overdue: nok,
  items: { type: 'integer' },
} as const;

export const receivablesSchema = {
  type: 'object',
  required: ['period', 'asOf', 'listDate', 'byType', 'total'],
  properties: {
    period: { type: 'string', format: 'period', pattern: YM },
    asOf: { ...date, description: 'Period end: ageing is measured on this day' },
    listDate: { type: ['string', 'null'], format: 'date', description: 'Date of the receivables list used; null when none was imported' },
    byType: {
      type: 'array',
      items: {
        type: 'object',
        required: ['customerType', 'buckets', 'total', 'overdue', 'items'],
        properties: { customerType: { type: 'string', enum: ['helseforetak', 'kommune', 'annen'] }, ...ageingRowProperties },
      },
    },
    total: { type: 'object', required: ['buckets', 'total', 'overdue', 'items'], properties: ageingRowProperties },
  },
} as const;
