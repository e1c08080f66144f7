import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOMATED_CHECKS, accessibilityStatementBody, MANUAL_CHECKS } from './accessibility.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('accessibility statement', () => {
  it('names only tests that exist', () => {
    expect(AUTOMATED_CHECKS.length).toBeGreaterThanOrEqual(7);
    for (const c of AUTOMATED_CHECKS) expect(existsSync(join(ROOT, c.test)), c.test).toBe(true);
  });

  it('lists every automated and manual check, and the configured contact', () => {
    const body = accessibilityStatementBody({ organisationName: 'HDO', accessibilityContact: 'uu@hdo.example' }).value;
    for (const c of AUTOMATED_CHECKS) expect(body).toContain(c.criteria[0]);
    expect(body.match(/<li>/g)?.length).toBe(AUTOMATED_CHECKS.length + MANUAL_CHECKS.length);
    expect(body).toContain('kontakt oss: uu@hdo.example.');
  });

  it('falls back to the organisation when no contact is configured', () => {
    const body = accessibilityStatementBody({ organisationName: 'HDO', accessibilityContact: undefined }).value;
    expect(body).toContain('kontakt HDO.');
  });
});
