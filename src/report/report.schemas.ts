/** JSON schemas of the report API: validation, serialisation and the OpenAPI document. */

export const PERIOD_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

/** A period in a path or body: the `period` format checks the configured year range at the edge. */
const period = { type: 'string', format: 'period', pattern: PERIOD_PATTERN, description: 'YYYY-MM' } as const;

/** Bytes of a file answer; the document lists each media type a route may send. */
const binary = { type: 'string', format: 'binary' } as const;
function fileResponse(description: string, mediaTypes: readonly string[]) {
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: binary }])) };
}
const status = { type: 'string', enum: ['draft', 'in-review', 'approved', 'published'] } as const;

export const errorBody = {
  type: 'object',
  description: '`{ error: { code, message, problems } }`; a REPORT_BUILD problem names the section (file `tekst:<section>`) and line',
  properties: { error: { type: 'object', additionalProperties: true } },
} as const;

const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody } as const;

export const periodParams = { type: 'object', required: ['period'], properties: { period } } as const;

const publication = {
  type: 'object',
  properties: {
    period,
    version: { type: 'integer' },
    publishedAt: { type: 'string' },
    publishedBy: { type: 'string' },
    compiledAt: { type: 'string' },
    htmlSha256: { type: 'string' },
    pdfSha256: { type: 'string' },
    valuesSha256: { type: 'string' },
    supersededAt: { type: ['string', 'null'] },
  },
} as const;

const event = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    from: { type: ['string', 'null'] },
    to: status,
    actor: { type: 'string' },
    at: { type: 'string' },
    comment: { type: ['string', 'null'] },
  },
} as const;

const sectionState = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    depth: { type: 'integer' },
    state: { type: 'string', enum: ['own', 'inherited', 'none'], description: 'inherited = the text of an earlier period, a draft' },
    from: { type: ['string', 'null'] },
    author: { type: ['string', 'null'] },
    savedAt: { type: ['string', 'null'] },
  },
} as const;

export const reportStatusSchema = {
  operationId: 'getReportStatus',
  summary: "A period's report: status, version, history, publications and the sections' texts",
  params: periodParams,
  response: {
    200: {
      type: 'object',
      properties: {
        period,
        status,
        version: { type: 'integer' },
        events: { type: 'array', items: event },
        publications: { type: 'array', items: publication },
        sections: { type: 'array', items: sectionState },
      },
    },
    ...errors,
  },
} as const;

const version = {
  type: 'object',
  properties: { id: { type: 'integer' }, markdown: { type: 'string' }, author: { type: 'string' }, createdAt: { type: 'string' } },
} as const;

export const narrativeParams = {
  type: 'object',
  required: ['period', 'sectionId'],
  properties: { period, sectionId: { type: 'string', pattern: '^[a-z0-9]+(?:[.-][a-z0-9]+)*$' } },
} as const;

export const getNarrativeSchema = {
  operationId: 'getNarrative',
  summary: "One section's current text (inherited from an earlier period when the period has none) and its history",
  params: narrativeParams,
  response: {
    200: {
      type: 'object',
      properties: {
        sectionId: { type: 'string' },
        title: { type: 'string' },
        markdown: { type: ['string', 'null'] },
        inheritedFrom: { type: ['string', 'null'] },
        author: { type: ['string', 'null'] },
        savedAt: { type: ['string', 'null'] },
        history: { type: 'array', items: version },
      },
    },
    ...errors,
  },
} as const;

export const putNarrativeSchema = {
  operationId: 'saveNarrative',
  summary: "Saves a section's Markdown text for the period (a new version; drafts only)",
  params: narrativeParams,
  body: {
    type: 'object',
    required: ['markdown'],
    properties: {
      markdown: { type: 'string', maxLength: 100000 },
      by: { type: 'string', maxLength: 200, description: 'Who writes (until sign-in exists)' },
    },
  },
  response: { 200: { type: 'object', properties: { id: { type: 'integer' } } }, ...errors },
} as const;

export const previewSchema = {
  operationId: 'previewNarrative',
  summary: 'Renders Markdown for a section as the report would (live values, cross-references), without saving',
  params: periodParams,
  body: {
    type: 'object',
    required: ['sectionId', 'markdown'],
    properties: { sectionId: { type: 'string' }, markdown: { type: 'string', maxLength: 100000 } },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        html: { type: 'string', description: 'Sanitised HTML' },
        problems: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
    },
    ...errors,
  },
} as const;

export const actionSchema = {
  operationId: 'runReportAction',
  summary: 'Moves the report through draft → in-review → approved → published (submit, approve, reject, publish, revise)',
  params: {
    type: 'object',
    required: ['period', 'action'],
    properties: { period, action: { type: 'string', enum: ['submit', 'approve', 'reject', 'publish', 'revise'] } },
  },
  body: {
    type: ['object', 'null'],
    properties: { by: { type: 'string', maxLength: 200 }, comment: { type: 'string', maxLength: 2000 } },
  },
  response: {
    200: {
      type: 'object',
      properties: { period, status, version: { type: 'integer' }, publication: { anyOf: [publication, { type: 'null' }] } },
    },
    ...errors,
  },
} as const;

export const publicationFilesSchema = {
  operationId: 'listPublicationFiles',
  summary: 'The stored files of a published version, with SHA-256',
  params: { type: 'object', required: ['period', 'version'], properties: { period, version: { type: 'integer', minimum: 1 } } },
  response: {
    200: {
      type: 'object',
      properties: {
        publication,
        files: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              mediaType: { type: 'string' },
              sha256: { type: 'string' },
              size: { type: 'integer' },
              url: { type: 'string' },
            },
          },
        },
      },
    },
    ...errors,
  },
} as const;

export const publicationFileSchema = {
  operationId: 'getPublicationFile',
  summary: 'One stored file of a published version, byte-identical to what was published (X-Content-SHA256 header)',
  params: {
    type: 'object',
    required: ['period', 'version', '*'],
    properties: {
      period,
      version: { type: 'integer', minimum: 1 },
      '*': { type: 'string', minLength: 1, maxLength: 200, description: 'File name as listed, e.g. report.pdf or data/<id>.csv' },
    },
  },
  response: {
    200: fileResponse('The stored bytes; X-Content-SHA256 carries their SHA-256', [
      'application/pdf',
      'text/html; charset=utf-8',
      'application/json; charset=utf-8',
      'text/csv; charset=utf-8',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'image/svg+xml',
    ]),
    ...errors,
  },
} as const;

export const liveFileSchema = {
  operationId: 'getCurrentReportFile',
  summary:
    "The current (unpublished) report built from today's data: report.html, report.pdf, data/<id>.csv|xlsx, provenance.json, values.json",
  params: {
    type: 'object',
    required: ['period', 'file'],
    properties: { period, file: { type: 'string', enum: ['report.html', 'report.pdf', 'provenance.json', 'values.json'] } },
  },
  response: {
    200: fileResponse('The file, built now from the current data', [
      'text/html; charset=utf-8',
      'application/pdf',
      'application/json; charset=utf-8',
    ]),
    ...errors,
  },
} as const;

export const liveDataSchema = {
  operationId: 'getCurrentDataFile',
  summary: 'The numbers behind one table or figure of the current report, as CSV or XLSX',
  params: {
    type: 'object',
    required: ['period', 'file'],
    properties: { period, file: { type: 'string', maxLength: 100, pattern: '^[a-z0-9][a-z0-9_.-]*\\.(csv|xlsx)$' } },
  },
  response: {
    200: fileResponse('The numbers as CSV or XLSX', [
      'text/csv; charset=utf-8',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]),
    ...errors,
  },
} as const;

/** A template section at `depth` (1–3, as parseTemplate allows); deeper levels have no `sections`. */
function templateSection(depth: number): object {
  const properties: Record<string, object> = {
    id: { type: 'string', maxLength: 100, pattern: '^[a-z0-9]+(?:[.-][a-z0-9]+)*$', description: 'Stable id, e.g. finance.result' },
    title: { type: 'string', minLength: 1, maxLength: 300, description: 'Norwegian heading' },
    blocks: {
      type: 'array',
      maxItems: 100,
      items: { type: 'string', maxLength: 100, pattern: '^[a-z0-9]+(?:[-.][a-z0-9]+)*$' },
      description: 'Block ids in display order; "narrative" places the text',
    },
    narrative: { type: 'string', enum: ['before', 'after', 'none'] },
  };
  if (depth < 3) properties.sections = { type: 'array', maxItems: 100, items: templateSection(depth + 1) };
  return { type: 'object', required: ['id', 'title'], additionalProperties: false, properties };
}

const template = {
  type: 'object',
  required: ['title', 'sections'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 300, description: 'Title before the period, e.g. Virksomhetsrapport' },
    sections: { type: 'array', minItems: 1, maxItems: 100, items: templateSection(1) },
  },
} as const;

export const templateSchema = {
  operationId: 'getReportTemplate',
  summary: "The organisation's report template (or the default)",
  response: { 200: template },
} as const;

export const putTemplateSchema = {
  operationId: 'saveReportTemplate',
  summary: "Stores the organisation's report template",
  body: template,
  response: { 200: { type: 'object', properties: { sections: { type: 'integer' } } }, ...errors },
} as const;
