/**
 * THE table from error code to HTTP status, and the JSON error body every /api route answers with.
 * Domain code never mentions HTTP; it throws AppError and this table decides.
 */
import type { ErrorObject } from 'ajv';
import type { FastifyError } from 'fastify';
import { AppError, type ErrorCode, type Problem } from '../shared/errors.ts';
import { storageAppError } from '../storage/db-errors.ts';
import { validationMessage } from './validation.ts';

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

/** Norwegian messages for the framework's own client errors, by HTTP status. */
const FRAMEWORK_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Ugyldig forespørsel',
  404: 'Fant ikke adressen',
  405: 'Metoden er ikke tillatt her',
  406: 'Serveren kan ikke svare i formatet forespørselen ber om',
  408: 'Forespørselen tok for lang tid',
  411: 'Forespørselen mangler Content-Length',
  413: 'Forespørselskroppen er større enn serveren tar imot',
  414: 'Adressen er for lang: en del av stien er lengre enn serveren tar imot',
  415: 'Innholdstypen (Content-Type) støttes ikke her',
  431: 'Forespørselshodene er for store',
};

/** Specific framework error codes whose cause deserves its own sentence. */
const FRAMEWORK_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Forespørselskroppen er tom, men Content-Type sier JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Forespørselskroppen er ikke gyldig JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length stemmer ikke med forespørselskroppen',
  FST_ERR_BAD_URL: 'Adressen inneholder en ugyldig prosentkoding',
  FST_ERR_CTP_BODY_TOO_LARGE: FRAMEWORK_MESSAGES[413] as string,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: FRAMEWORK_MESSAGES[415] as string,
  FST_ERR_MAX_PARAM_LENGTH: FRAMEWORK_MESSAGES[414] as string,
};

function validationError(fe: Partial<FastifyError>): AppError {
  const context = fe.validationContext ?? 'request';
  const problems: Problem[] = (fe.validation ?? []).map((v) => {
    const { field, message } = validationMessage(context, v as ErrorObject);
    return { file: 'request', column: field, message, messageEn: `${field}: ${v.message ?? 'invalid'}`, severity: 'error' };
  });
  const first = problems[0]?.message ?? 'ugyldig verdi';
  return new AppError('VALIDATION', `Ugyldig forespørsel: ${first}`, { problems, cause: fe });
}

/** Turns anything thrown inside a request into an AppError (Fastify's own errors included). */
export function toAppError(err: unknown): AppError {
  const stored = storageAppError(err);
  if (stored) return stored;
  if (err instanceof AppError) return err;
  const fe = err as Partial<FastifyError>;
  if (fe.validation) return validationError(fe);
  // A JSON body that does not parse is a SyntaxError Fastify marks 400.
  const code = fe.code ?? (err instanceof SyntaxError && fe.statusCode === 400 ? 'FST_ERR_CTP_INVALID_JSON_BODY' : undefined);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const status = fe.statusCode;
    const message = (code && FRAMEWORK_CODES[code]) ?? FRAMEWORK_MESSAGES[status] ?? FRAMEWORK_MESSAGES[400];
    return new AppError(status === 404 ? 'NOT_FOUND' : 'VALIDATION', message as string, {
      details: { httpStatus: status },
      cause: err,
    });
  }
  return new AppError('INTERNAL', 'Det oppstod en uventet feil. Feilen er logget.', { cause: err });
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
