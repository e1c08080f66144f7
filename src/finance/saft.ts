/** SAF-T Financial (Norway) as the reader hands it out: the parts the ledger needs, amounts in øre. */
import type { Problem } from '../shared/errors.ts';
import type { Ore } from '../shared/money.ts';

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
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const decimals = m[3] ?? '';
  if (decimals.length > 2 && !/^0*$/.test(decimals.slice(2))) return undefined;
  const ore = Number(m[2]) * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return undefined;
  return m[1] === '-' ? -ore : ore;
}
