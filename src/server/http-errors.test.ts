import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { errorBody, HTTP_STATUS, httpStatusOf, toAppError } from './http-errors.ts';

describe('HTTP_STATUS', () => {
  it('is the documented table', () => {
    expect(HTTP_STATUS).toEqual({
      VALIDATION: 400,
      USAGE: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      NO_DATA: 404,
      RATE_LIMITED: 429,
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
    });
  });
});

describe('toAppError(err)', () => {
  it('keeps AppErrors as they are', () => {
    const e = new AppError('FORBIDDEN', 'Nei');
    expect(toAppError(e)).toBe(e);
  });

  it('turns a Fastify validation error into VALIDATION with one problem per field', () => {
    const err = Object.assign(new Error('bad'), {
      validation: [{ keyword: 'pattern', instancePath: '/period', message: 'must match pattern', params: {} }],
      validationContext: 'querystring',
    });
    const app = toAppError(err);
    expect(app.code).toBe('VALIDATION');
    expect(app.problems[0]).toMatchObject({ column: 'query.period', message: '«query.period» har feil form', severity: 'error' });
  });

  it('names an unknown or missing body field in Norwegian', () => {
    const err = (keyword: string, params: Record<string, unknown>) =>
      toAppError(Object.assign(new Error('bad'), { validation: [{ keyword, instancePath: '', params }], validationContext: 'body' }));
    expect(err('additionalProperties', { additionalProperty: 'colour' }).message).toBe('Ugyldig forespørsel: ukjent felt «body.colour»');
    expect(err('required', { missingProperty: 'title' }).message).toBe('Ugyldig forespørsel: «body.title» mangler');
  });

  it('maps the framework errors 413, 414 and 415 to Norwegian messages with their status', () => {
    for (const [code, status, message] of [
      ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'Forespørselskroppen er større enn serveren tar imot'],
      ['FST_ERR_MAX_PARAM_LENGTH', 414, 'Adressen er for lang: en del av stien er lengre enn serveren tar imot'],
      ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'Innholdstypen (Content-Type) støttes ikke her'],
    ] as const) {
      const e = toAppError(Object.assign(new Error('english'), { code, statusCode: status }));
      expect([e.code, httpStatusOf(e), e.message]).toEqual(['VALIDATION', status, message]);
    }
  });

  it('keeps a Fastify client status (415) but hides unexpected errors as INTERNAL 500', () => {
    const unsupported = toAppError(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }));
    expect(httpStatusOf(unsupported)).toBe(415);
    expect(errorBody(unsupported).error).not.toHaveProperty('details');
    const internal = toAppError(new TypeError('x is undefined'));
    expect(internal.code).toBe('INTERNAL');
    expect(httpStatusOf(internal)).toBe(500);
    expect(internal.message).not.toContain('x is undefined');
  });
});
