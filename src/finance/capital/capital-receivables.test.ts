import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/period.ts';
import { ageingBucket, daysPastDue, type ReceivableItem, receivablesAgeing } from './capital-receivables.ts';

describe('ageingBucket(daysPastDue)', () => {
  it.each([
    [-10, 'notDue'],
    [0, 'notDue'],
    [1, 'days1to30'],
    [30, 'days1to30'],
    [31, 'days31to60'],
    [60, 'days31to60'],
    [61, 'days61to90'],
    [90, 'days61to90'],
    [91, 'over90'],
    [400, 'over90'],
  ] as const)('%i days past due is %s', (days, bucket) => {
    expect(ageingBucket(days)).toBe(bucket);
  });
});

describe('daysPastDue(dueDate, asOf)', () => {
  it('is 0 on the due date and counts calendar days after it', () => {
    expect(daysPastDue('2025-05-31', '2025-05-31')).toBe(0);
    expect(daysPastDue('2025-05-30', '2025-05-31')).toBe(1);
    expect(daysPastDue('2025-03-01', '2025-05-31')).toBe(91);
    expect(daysPastDue('2025-06-10', '2025-05-31')).toBe(-10);
  });
});

function item(over: Partial<ReceivableItem>): ReceivableItem {
  return {
    customer: 'Kunde',
    customerType: 'helseforetak',
    invoiceNo: 'F1',
    invoiceDate: '2025-01-01',
    dueDate: '2025-05-31',
    amount: 100_00,
    outstanding: 100_00,
    ...over,
  };
}

describe('receivablesAgeing({ period, items })', () => {
  it('puts items due 0, 1, 30, 31, 60, 61, 90 and 91 days before period end in the right buckets', () => {
    const asOf = '2025-05-31';
    const items = [0, 1, 30, 31, 60, 61, 90, 91].map((d, i) =>
      item({ invoiceNo: `F${d}`, dueDate: addDays(asOf, -d), outstanding: (i + 1) * 100 }),
    );
    const ageing = receivablesAgeing({ period: '2025-05', listDate: asOf, items });
    expect(ageing.total.buckets).toEqual({ notDue: 100, days1to30: 200 + 300, days31to60: 400 + 500, days61to90: 600 + 700, over90: 800 });
    expect(ageing.total.total).toBe(3600);
    expect(ageing.total.overdue).toBe(3500);
  });

  it('sums per customer type, with a row for every type', () => {
    const ageing = receivablesAgeing({
      period: '2025-05',
      listDate: '2025-05-31',
      items: [
        item({ customerType: 'helseforetak', outstanding: 1000 }),
        item({ customerType: 'kommune', outstanding: 250, dueDate: '2025-04-01' }),
        item({ customerType: 'kommune', outstanding: 50 }),
      ],
    });
    expect(ageing.byType.map((r) => [r.customerType, r.total, r.overdue, r.items])).toEqual([
      ['helseforetak', 1000, 0, 1],
      ['kommune', 300, 250, 2],
      ['annen', 0, 0, 0],
    ]);
  });

  it('leaves out settled items and items invoiced after period end', () => {
    const ageing = receivablesAgeing({
      period: '2025-05',
      listDate: '2025-06-05',
      items: [item({ outstanding: 0 }), item({ invoiceDate: '2025-06-02', dueDate: '2025-07-02' }), item({ outstanding: 70 })],
    });
    expect(ageing.total.total).toBe(70);
    expect(ageing.total.items).toBe(1);
  });
});

describe('receivablesAgeing at the edges of the period', () => {
  it('keeps an item invoiced on the last day and a credit (negative outstanding), not one invoiced the day after', () => {
    const ageing = receivablesAgeing({
      period: '2025-05',
      listDate: null,
      items: [
        item({ invoiceNo: 'A', invoiceDate: '2025-05-31', dueDate: '2025-06-30', outstanding: 40 }),
        item({ invoiceNo: 'B', invoiceDate: '2025-06-01', dueDate: '2025-06-30', outstanding: 500 }),
        item({ invoiceNo: 'C', customerType: 'annen', dueDate: '2025-01-31', outstanding: -7 }),
      ],
    });
    expect([ageing.period, ageing.asOf, ageing.listDate]).toEqual(['2025-05', '2025-05-31', null]);
    expect(ageing.total).toEqual({
      buckets: { notDue: 40, days1to30: 0, days31to60: 0, days61to90: 0, over90: -7 },
      total: 33,
      overdue: -7,
      items: 2,
    });
    expect(ageing.byType[2]).toEqual({
      customerType: 'annen',
      buckets: { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: -7 },
      total: -7,
      overdue: -7,
      items: 1,
    });
  });
});
