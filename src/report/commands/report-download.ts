import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CliCommand } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { listPublications, publicationFile, publicationFiles } from '../publication.queries.ts';
import { parse, requirePeriod, withReportDeps } from './support.ts';

export const reportDownloadCommand: CliCommand = {
  name: 'report download',
  summary: 'Henter de lagrede filene til en publisert rapport, byte for byte',
  usage: `Bruk: styrerom report download --period ÅÅÅÅ-MM --out <mappe> [--version <n>]

Skriver de publiserte filene (report.html, report.pdf, data/…, values.json, provenance.json) slik de
ble lagret ved publisering. Uten --version: siste publiserte versjon.`,
  async run(argv, ctx) {
    const { values } = parse('report download', argv, { period: { type: 'string' }, out: { type: 'string' }, version: { type: 'string' } });
    const period = requirePeriod('report download', values.period);
    const out = values.out;
    if (!out) throw new AppError('USAGE', '--out <mappe> mangler. Se «styrerom report download --help».');
    await withReportDeps(ctx, async ({ db }) => {
      const version = values.version === undefined ? (await listPublications(db, period))[0]?.version : Number(values.version);
      if (version === undefined) throw new AppError('NOT_FOUND', `Rapporten for ${period} er ikke publisert`);
      if (!Number.isInteger(version) || version < 1) throw new AppError('VALIDATION', `Ugyldig --version «${values.version}»`);
      // Every file is checked (publicationFile verifies its SHA-256) before anything is written.
      const files = [];
      for (const f of await publicationFiles(db, period, version)) files.push(await publicationFile(db, period, version, f.name));
      for (const f of files) {
        const path = join(out, f.name);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, f.bytes);
        ctx.stdout(`  ${f.name}  sha256 ${f.sha256}\n`);
      }
      ctx.stdout(`Versjon ${version} av rapporten for ${period} er skrevet til ${out}.\n`);
    });
    return 0;
  },
};
