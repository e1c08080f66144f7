import { describe, expect, it } from 'vitest';
import { volumesByMonth } from './volumes.ts';

describe('volumesByMonth', () => {
  it('sums per vendor and month for one service, zero for a vendor missing in a month', () => {
    const records = [
      { month: '2025-04', service: 'Video', vendor: 'B', count: 10 },
      { month: '2025-05', service: 'Video', vendor: 'B', count: 7 },
      { month: '2025-05', service: 'Video', vendor: 'A', count: 5 },
      { month: '2025-05', service: 'Chat', vendor: 'A', count: 99 },
    ];
    expect(volumesByMonth(records, 'Video', ['2025-04', '2025-05'])).toEqual([
      { month: '2025-04', total: 10, byVendor: { A: 0, B: 10 } },
      { month: '2025-05', total: 12, byVendor: { A: 5, B: 7 } },
    ]);
  });
});
