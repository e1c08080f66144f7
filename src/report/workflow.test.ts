import { describe, expect, it } from 'vitest';
import { assertEditable, nextStatus } from './workflow.ts';

describe('nextStatus(status, action)', () => {
  it('goes draft → in review → approved → published', () => {
    expect(nextStatus('draft', 'submit')).toBe('in-review');
    expect(nextStatus('in-review', 'approve')).toBe('approved');
    expect(nextStatus('approved', 'publish')).toBe('published');
  });

  it('sends a report back to draft from review or approval, and a published one only through a new version', () => {
    expect(nextStatus('in-review', 'reject')).toBe('draft');
    expect(nextStatus('approved', 'reject')).toBe('draft');
    expect(nextStatus('published', 'revise')).toBe('draft');
    expect(() => nextStatus('published', 'reject')).toThrow(/publisert/);
  });

  it('refuses to publish what is not approved, with CONFLICT', () => {
    expect(() => nextStatus('draft', 'publish')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => nextStatus('in-review', 'publish')).toThrow(/må være godkjent/);
  });
});

describe('assertEditable(status)', () => {
  it('allows editing texts only in a draft', () => {
    expect(() => assertEditable('draft')).not.toThrow();
    expect(() => assertEditable('in-review')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertEditable('published')).toThrow(/ny versjon/);
  });
});
