import { describe, expect, it } from 'vitest';
import { complaintsByCategory, complaintsInMonth } from './complaints.ts';

const c = (date: string, category: string) => ({ date, customer: 'K', category, status: 'åpen', summary: '' });

describe('complaints', () => {
  it('counts the complaints dated in the month, by category', () => {
    const all = [c('2025-04-30', 'Svartid'), c('2025-05-01', 'Svartid'), c('2025-05-31', 'Faktura'), c('2025-05-02', 'Svartid')];
    expect(complaintsInMonth(all, '2025-05')).toHaveLength(3);
    expect(complaintsByCategory(all, '2025-05')).toEqual([
      { category: 'Svartid', count: 2 },
      { category: 'Faktura', count: 1 },
    ]);
    expect(complaintsInMonth(all, '2025-06')).toEqual([]);
  });
});
