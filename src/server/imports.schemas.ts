/** JSON schemas of the import API (validation, serialisation and the OpenAPI document). */
import { errorBodySchema } from './http-errors.ts';

const problems = errorBodySchema.properties.error.properties.problems;

export const importResultSchema = {
  type: 'object',
  required: ['runId', 'kind', 'fileName', 'sha256', 'status', 'rowCount', 'problems'],
  properties: {
    runId: { type: 'integer' },
    kind: { type: 'string' },
    fileName: { type: 'string' },
    sha256: { type: 'string' },
    status: { type: 'string', enum: ['succeeded', 'failed', 'duplicate'] },
    rowCount: { type: 'integer' },
    problems,
    encoding: { type: ['string', 'null'], description: 'The text encoding a CSV was read as; null for XLSX/XML' },
  },
} as const;

export const importRunsSchema = {
  type: 'object',
  required: ['runs'],
  properties: {
    runs: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          kind: { type: 'string' },
          fileName: { type: 'string' },
          sha256: { type: 'string' },
          startedAt: { type: 'string' },
          finishedAt: { type: ['string', 'null'] },
          rowCount: { type: 'integer' },
          status: { type: 'string', enum: ['running', 'succeeded', 'failed', 'duplicate'] },
          importedBy: { type: 'string' },
          encoding: { type: ['string', 'null'] },
          problems,
        },
      },
    },
  },
} as const;
