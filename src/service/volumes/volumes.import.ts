/** `styrerom import volumes <file>`: `year;month;service;vendor;count`, e.g. video calls per solution. */
import { defineTableImporter } from '../../imports/table-importer.ts';
import { yearMonth } from '../../shared/period.ts';
import { nonNegative, text } from '../service-fields.ts';
import { upsertVolumes } from './volumes.queries.ts';
import type { VolumeRecord } from './volumes.ts';

export const volumesImporter = defineTableImporter<VolumeRecord>({
  kind: 'volumes',
  label: 'Tjenester: volumer per måned (f.eks. videosamtaler)',
  description: 'Monthly counts: year;month;service;vendor;count; a later file replaces the same (month, service, vendor)',
  columns: [{ name: 'year' }, { name: 'month' }, { name: 'service' }, { name: 'vendor' }, { name: 'count' }],
  parseRow(record, ctx) {
    const r = record.values;
    const year = Number((r.year ?? '').trim());
    if (!/^\d{4}$/.test((r.year ?? '').trim())) ctx.problem('year', `ugyldig år «${r.year ?? ''}»`, 'invalid year');
    const month = Number((r.month ?? '').trim());
    if (!Number.isInteger(month) || month < 1 || month > 12)
      ctx.problem('month', `ugyldig måned «${r.month ?? ''}», forventet 1–12`, 'month must be 1-12');
    const service = text(r.service, 'service', ctx);
    const vendor = text(r.vendor, 'vendor', ctx);
    const count = nonNegative(r.count, 'count', ctx);
    if (count !== undefined && !Number.isInteger(count))
      ctx.problem('count', `antall må være et heltall, ikke «${r.count}»`, 'count must be an integer');
    if (!/^\d{4}$/.test((r.year ?? '').trim()) || !(month >= 1 && month <= 12) || service === undefined || vendor === undefined)
      return undefined;
    if (count === undefined || !Number.isInteger(count)) return undefined;
    return { month: yearMonth(year, month), service, vendor, count };
  },
  validate(rows, ctx) {
    const seen = new Map<string, number>();
    const out = [];
    for (const { line, row } of rows) {
      const key = `${row.month}|${row.service}|${row.vendor}`;
      const first = seen.get(key);
      if (first !== undefined) {
        out.push({
          file: ctx.source.fileName,
          line,
          column: 'vendor',
          message: `${row.service}/${row.vendor} for ${row.month} står allerede på linje ${first}`,
          messageEn: 'duplicate month/service/vendor',
          severity: 'error' as const,
        });
      } else seen.set(key, line);
    }
    return out;
  },
  write: (trx, rows, ctx) => upsertVolumes(trx, rows, ctx.runId),
});
