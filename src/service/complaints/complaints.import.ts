/** `styrerom import complaints <file>`: `date;customer;category;status;summary`. */
import { defineTableImporter } from '../../imports/table-importer.ts';
import { date, text } from '../service-fields.ts';
import { upsertComplaints } from './complaints.queries.ts';
import type { Complaint } from './complaints.ts';

export const complaintsImporter = defineTableImporter<Complaint>({
  kind: 'complaints',
  label: 'Kundeservice: klager',
  description: 'Customer complaints: date;customer;category;status;summary',
  columns: [{ name: 'date' }, { name: 'customer' }, { name: 'category' }, { name: 'status' }, { name: 'summary', required: false }],
  parseRow(record, ctx) {
    const r = record.values;
    const d = date(r.date, 'date', ctx);
    const customer = text(r.customer, 'customer', ctx);
    const category = text(r.category, 'category', ctx);
    const status = text(r.status, 'status', ctx);
    if (d === undefined || customer === undefined || category === undefined || status === undefined) return undefined;
    return { date: d, customer, category, status, summary: (r.summary ?? '').trim() };
  },
  write: (trx, rows, ctx) => upsertComplaints(trx, rows, ctx.runId),
});
