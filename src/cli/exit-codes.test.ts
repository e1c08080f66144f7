import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { EXIT_CODES, exitCodeOf } from './exit-codes.ts';

describe('EXIT_CODES', () => {
  it('is the documented table', () => {
    expect(EXIT_CODES).toEqual({
      USAGE: 2,
      VALIDATION: 3,
      NOT_FOUND: 4,
      IMPORT_FAILED: 5,
      FILE_UNREADABLE: 5,
      DUPLICATE_IMPORT: 6,
      CONFLICT: 7,
      REPORT_BUILD: 8,
      CONFIG: 9,
      DATABASE: 10,
      INTEGRITY: 11,
      BUSY: 12,
      NO_DATA: 13,
      UNAUTHENTICATED: 1,
      FORBIDDEN: 1,
      RATE_LIMITED: 1,
      INTERNAL: 1,
    });
  });

  it('maps AppErrors by code and anything else to 1', () => {
    expect(exitCodeOf(new AppError('DATABASE', 'x'))).toBe(10);
    expect(exitCodeOf(new Error('x'))).toBe(1);
  });
});
