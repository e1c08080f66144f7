/**
 * THE table from error code to HTTP status, and the JSON error body every /api route answers with.
 * Domain code never mentions HTTP; it throws AppError and this table decides.
 */
import type { FastifyError } from 'fastify';
import { AppError, type ErrorCode, type Problem } from '../shared/errors.ts';
import { storageAppError } from '../storage/db-errors.ts';

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  USAGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_IMPORT: 409,
  IMPORT_FAILED: 422,
  FILE_UNREADABLE: 422,
  REPORT_BUILD: 422,
  CONFIG: 500,
  DATABASE: 500,
  INTERNAL: 500,
  INTEGRITY: 500,
  BUSY: 503,
  NO_DATA: 404,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; problems: Problem[]; details?: Record<string, unknown> };
}

/** JSON schema of ErrorBody, for route `response` schemas and the OpenAPI document. */
export const errorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'problems'],
      properties: {
        code: { type: 'string', enum: Object.keys(HTTP_STATUS) },
        message: { type: 'string' },
        problems: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              file: { type: 'string' },
              line: { type: 'integer' },
              column: { type: 'string' },
              message: { type: 'string' },
              messageEn: { type: 'string' },
              severity: { type: 'string', enum: ['error', 'warning'] },
            },
          },
        },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

/** Turns anything thrown inside a request into an AppError (Fastify's own errors included). */
export function toAppError(err: unknown): AppError {
  const stored = storageAppError(err);
  if (stored) return stored;
  if (err instanceof AppError) return err;
  const fe = err as Partial<FastifyError>;
  if (fe.validation) {
    const context = fe.validationContext ?? 'request';
    const problems: Problem[] = fe.validation.map((v) => {
      const field = `${context}${v.instancePath || ''}${v.params && 'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : ''}`;
      return {
        file: 'request',
        column: field,
        message: `ugyldig verdi i ${field}: ${v.message ?? ''}`.trim(),
        messageEn: `invalid value in ${field}: ${v.message ?? ''}`.trim(),
        severity: 'error',
      };
    });
    const first = problems[0]?.message ?? 'ugyldig forespørsel';
    return new AppError('VALIDATION', `Ugyldig forespørsel: ${first} (Invalid request)`, { problems, cause: err });
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode = fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION';
    return new AppError(code, `Ugyldig forespørsel: ${fe.message ?? ''} (Invalid request)`, {
      details: { httpStatus: fe.statusCode },
      cause: err,
    });
  }
  return new AppError('INTERNAL', 'Det oppstod en uventet feil. Feilen er logget. (Unexpected error)', { cause: err });
}

/** The status for an AppError; Fastify client errors keep their own 4xx (413, 415, …). */
export function httpStatusOf(err: AppError): number {
  const status = err.details?.httpStatus;
  if (typeof status === 'number' && status >= 400 && status < 500) return status;
  return HTTP_STATUS[err.code];
}

export function errorBody(err: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: err.code, message: err.message, problems: err.problems } };
  const details = err.details && Object.fromEntries(Object.entries(err.details).filter(([k]) => k !== 'httpStatus'));
  if (details && Object.keys(details).length > 0) body.error.details = details;
  return body;
}
