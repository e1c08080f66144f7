/** SAF-T Financial (Norway) as the reader hands it out: the parts the ledger needs, amounts in øre. */
import type { Problem } from '../../shared/errors.ts';
import type { Ore } from '../../shared/money.ts';

export const SAFT_NAMESPACE = 'urn:StandardAuditFile-Taxation-Financial:NO';

export interface SaftHeader {
  auditFileVersion: string | null;
  companyId: string | null;
  companyName: string | null;
  /** SelectionCriteria as year*100 + period (dates give their months); null when absent. */
  selectionStart: number | null;
  selectionEnd: number | null;
}

export interface SaftAccount {
  accountId: string;
  description: string | null;
  standardAccountId: string | null;
  groupingCategory: string | null;
  groupingCode: string | null;
  /** Øre, debit positive; null when the file gives no balance. */
  opening: Ore | null;
  closing: Ore | null;
  /** Character offset of the element in the file's text; `LineIndex.lineAt` gives its line. */
  at: number;
}

export interface SaftCustomer {
  customerId: string;
  name: string | null;
  registrationNumber: string | null;
  accountId: string | null;
  opening: Ore | null;
  closing: Ore | null;
  /** Character offset of the element in the file's text; `LineIndex.lineAt` gives its line. */
  at: number;
}

export interface SaftAnalysis {
  type: string;
  id: string;
  /** Øre (credit analysis amounts negative), when given. */
  amount?: Ore;
}

export interface SaftLine {
  recordId: string | null;
  accountId: string | null;
  /** Øre, debit positive, credit negative; null when the line has neither amount. */
  amount: Ore | null;
  description: string | null;
  customerId: string | null;
  supplierId: string | null;
  analysis: SaftAnalysis[];
  /** Character offset of the element in the file's text; `LineIndex.lineAt` gives its line. */
  at: number;
}

export interface SaftTransaction {
  journalId: string | null;
  transactionId: string | null;
  period: number | null;
  periodYear: number | null;
  transactionDate: string | null;
  description: string | null;
  lines: SaftLine[];
  /** Character offset of the element in the file's text; `LineIndex.lineAt` gives its line. */
  at: number;
}

export interface SaftTotals {
  numberOfEntries: number | null;
  totalDebit: Ore | null;
  totalCredit: Ore | null;
}

export interface SaftHandlers {
  header(h: SaftHeader): void;
  account(a: SaftAccount): void;
  customer(c: SaftCustomer): void;
  transaction(t: SaftTransaction): void;
  totals(t: SaftTotals): void;
  /** A value that could not be read (bad amount, bad number). */
  problem(p: Problem): void;
}

/**
 * Decimal text → øre, exactly. SAF-T amounts use a dot and at most two significant decimals;
 * more decimals are accepted only when they are zeros.
 */
export function parseSaftAmount(text: string): Ore | undefined {
  // Fast path without allocations (runs for every line of files with millions of lines): an optional
  // sign, up to 13 integer digits, a dot and up to 2 decimals, e.g. "19476.92". Anything else (more
  // digits or decimals) takes the exact general path below.
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i = 1;
  }
  let whole = 0;
  let digits = 0;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    digits++;
  }
  if (digits > 0 && digits <= 13) {
    if (i === n) return negative ? -whole * 100 : whole * 100;
    if (text.charCodeAt(i) === 46 && n - i - 1 <= 2) {
      let cents = 0;
      let places = 0;
      for (i++; i < n; i++, places++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return undefined;
        cents = cents * 10 + d;
      }
      if (places === 1) cents *= 10;
      const ore = whole * 100 + cents;
      return negative ? -ore : ore;
    }
  }
  return parseSaftAmountExactly(text);
}

function parseSaftAmountExactly(text: string): Ore | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const decimals = m[3] ?? '';
  if (decimals.length > 2 && !/^0*$/.test(decimals.slice(2))) return undefined;
  const ore = Number(m[2]) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return undefined;
  return m[1] === '-' ? -ore : ore;
}
