/**
 * Receivables ageing (kundereskontro, finance spec §7), pure: the open items of a receivables list
 * are put in buckets by how many days past due they are at period end, and summed per customer type.
 */
import { type Ore, sumOre } from '../../shared/money.ts';
import { daysBetween, type IsoDate, lastDayOfMonth, type YearMonth } from '../../shared/period.ts';

export const CUSTOMER_TYPES = ['helseforetak', 'kommune', 'annen'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CUSTOMER_TYPE_LABELS: Record<CustomerType, string> = {
  helseforetak: 'Helseforetak',
  kommune: 'Kommuner',
  annen: 'Andre',
};

export const AGEING_BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export const AGEING_BUCKET_LABELS: Record<AgeingBucket, string> = {
  notDue: 'Ikke forfalt',
  days1to30: '1–30 dager',
  days31to60: '31–60 dager',
  days61to90: '61–90 dager',
  over90: 'Over 90 dager',
};

export interface ReceivableItem {
  customer: string;
  customerType: CustomerType;
  invoiceNo: string;
  invoiceDate: IsoDate;
  dueDate: IsoDate;
  amount: Ore;
  outstanding: Ore;
}

/** Days past due on `asOf`: 0 on the due date itself, negative before it. */
export function daysPastDue(dueDate: IsoDate, asOf: IsoDate): number {
  return daysBetween(dueDate, asOf);
}

/** Not due up to and including the due date; then 1–30, 31–60, 61–90 and more than 90 days past due. */
export function ageingBucket(daysPast: number): AgeingBucket {
  if (daysPast <= 0) return 'notDue';
  if (daysPast <= 30) return 'days1to30';
  if (daysPast <= 60) return 'days31to60';
  if (daysPast <= 90) return 'days61to90';
  return 'over90';
}

export type BucketAmounts = Record<AgeingBucket, Ore>;

export interface AgeingRow {
  buckets: BucketAmounts;
  total: Ore;
  /** Everything past due (all buckets but notDue). */
  overdue: Ore;
  items: number;
}

export interface ReceivablesAgeing {
  period: YearMonth;
  /** Period end: the day ageing is measured on. */
  asOf: IsoDate;
  /** The date of the receivables list used (may differ from asOf; see findReceivablesSnapshot). */
  listDate: IsoDate | null;
  byType: (AgeingRow & { customerType: CustomerType })[];
  total: AgeingRow;
}

function emptyBuckets(): BucketAmounts {
  return { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
}

function ageingRow(items: ReceivableItem[], asOf: IsoDate): AgeingRow {
  const buckets = emptyBuckets();
  for (const item of items) {
    const b = ageingBucket(daysPastDue(item.dueDate, asOf));
    buckets[b] = sumOre([buckets[b], item.outstanding]);
  }
  const total = sumOre(AGEING_BUCKETS.map((b) => buckets[b]));
  return { buckets, total, overdue: total - buckets.notDue, items: items.length };
}

/**
 * Ageing at the end of `period` of the open items of one receivables list. Items invoiced after
 * period end and items with nothing outstanding are left out. Every customer type gets a row.
 */
export function receivablesAgeing(input: { period: YearMonth; listDate: IsoDate | null; items: ReceivableItem[] }): ReceivablesAgeing {
  const asOf = lastDayOfMonth(input.period);
  const open = input.items.filter((i) => i.outstanding !== 0 && i.invoiceDate <= asOf);
  return {
    period: input.period,
    asOf,
    listDate: input.listDate,
    byType: CUSTOMER_TYPES.map((t) => ({
      customerType: t,
      ...ageingRow(
        open.filter((i) => i.customerType === t),
        asOf,
      ),
    })),
    total: ageingRow(open, asOf),
  };
}
