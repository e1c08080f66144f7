/** The `receivables` file: the open items of the receivables list (kundereskontro) on one date. */
import { problem } from '../../imports/decode.ts';
import type { ColumnSpec, TableRecord } from '../../imports/table.ts';
import type { RowContext } from '../../imports/table-importer.ts';
import type { Problem } from '../../shared/errors.ts';
import { type IsoDate, localDateOf } from '../../shared/period.ts';
import { amountField, dateField, duplicateKeys, textField } from './capital.parse.ts';
import { CUSTOMER_TYPES, type CustomerType, type ReceivableItem } from './capital-receivables.ts';

export const RECEIVABLE_COLUMNS: ColumnSpec[] = [
  { name: 'customer' },
  { name: 'customer_type' },
  { name: 'invoice_no' },
  { name: 'invoice_date' },
  { name: 'due_date' },
  { name: 'amount' },
  { name: 'outstanding' },
  { name: 'as_of', required: false },
];

export interface ReceivableRow extends ReceivableItem {
  /** The date of the list; without an `as_of` column, the local date of the import. */
  asOf: IsoDate;
}

const TYPE_ALIASES: Record<string, CustomerType> = { hf: 'helseforetak', other: 'annen', annet: 'annen', andre: 'annen' };

function customerTypeField(value: string | undefined, ctx: RowContext): CustomerType | undefined {
  const v = (value ?? '').trim().toLowerCase();
  const t = (CUSTOMER_TYPES as readonly string[]).includes(v) ? (v as CustomerType) : TYPE_ALIASES[v];
  if (t === undefined) {
    ctx.problem(
      'customer_type',
      `ugyldig kundetype «${value ?? ''}», forventet helseforetak, kommune eller annen`,
      `invalid customer type "${value ?? ''}", expected helseforetak, kommune or annen`,
    );
  }
  return t;
}

export function parseReceivableRow(record: TableRecord, ctx: RowContext): ReceivableRow | undefined {
  const r = record.values;
  const customer = textField(r.customer, 'customer', ctx);
  const customerType = customerTypeField(r.customer_type, ctx);
  const invoiceNo = textField(r.invoice_no, 'invoice_no', ctx);
  const invoiceDate = dateField(r.invoice_date, 'invoice_date', ctx);
  const dueDate = dateField(r.due_date, 'due_date', ctx);
  const amount = amountField(r.amount, 'amount', ctx);
  const outstanding = amountField(r.outstanding, 'outstanding', ctx);
  const asOf = (r.as_of ?? '').trim() === '' ? localDateOf(Date.parse(ctx.now)) : dateField(r.as_of, 'as_of', ctx);
  if (
    customer === undefined ||
    customerType === undefined ||
    invoiceNo === undefined ||
    invoiceDate === undefined ||
    dueDate === undefined ||
    amount === undefined ||
    outstanding === undefined ||
    asOf === undefined
  ) {
    return undefined;
  }
  if (dueDate < invoiceDate) {
    ctx.problem(
      'due_date',
      `forfallsdato ${dueDate} er før fakturadato ${invoiceDate}`,
      `due date ${dueDate} is before invoice date ${invoiceDate}`,
    );
    return undefined;
  }
  if (Math.sign(outstanding) * Math.sign(amount) < 0 || Math.abs(outstanding) > Math.abs(amount)) {
    ctx.problem(
      'outstanding',
      'utestående beløp er større enn fakturabeløpet eller har motsatt fortegn',
      'the outstanding amount exceeds the invoice amount or has the opposite sign',
      'warning',
    );
  }
  return { asOf, customer, customerType, invoiceNo, invoiceDate, dueDate, amount, outstanding };
}

/** One file is one list: every row has the same date, and an invoice appears once. */
export function checkReceivables(file: string, rows: { line: number; row: ReceivableRow }[]): Problem[] {
  const out = duplicateKeys(file, rows, { keyOf: (r) => r.invoiceNo, column: 'invoice_no', describe: (r) => `faktura ${r.invoiceNo}` });
  const counts = new Map<IsoDate, number>();
  for (const { row } of rows) counts.set(row.asOf, (counts.get(row.asOf) ?? 0) + 1);
  // The date most rows carry is the list's; the odd ones out are the problems.
  let listDate: IsoDate | undefined;
  for (const [date, count] of counts) if (listDate === undefined || count > (counts.get(listDate) ?? 0)) listDate = date;
  for (const { line, row } of rows) {
    if (row.asOf !== listDate) {
      out.push(
        problem(
          file,
          `as_of ${row.asOf} skiller seg fra listens dato ${listDate}; én fil er én reskontroliste`,
          `as_of ${row.asOf} differs from the list date ${listDate}; one file is one list`,
          { line, column: 'as_of' },
        ),
      );
    }
  }
  return out;
}
