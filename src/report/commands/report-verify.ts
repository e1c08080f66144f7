import type { CliCommand } from '../../module.ts';
import { AppError } from '../../shared/errors.ts';
import { verifyPublications } from '../publication-integrity.ts';
import { parse, requirePeriod, withReportDeps } from './support.ts';

export const reportVerifyCommand: CliCommand = {
  name: 'report verify',
  summary: 'Kontrollerer at publiserte rapporter er uendret (SHA-256 og kjeden av publiseringer)',
  usage: `Bruk: styrerom report verify (--period ÅÅÅÅ-MM | --all) [--database <url>]

Regner ut SHA-256 for hver lagret fil og sammenligner med det som ble lagret ved publisering, og
kontrollerer kjeden der hver publisering bærer hashen til den forrige. Avslutter med kode 11 ved
ethvert avvik. Skriver til slutt hashen til siste publisering; noter den utenfor databasen.`,
  async run(argv, ctx) {
    const { values } = parse('report verify', argv, { period: { type: 'string' }, all: { type: 'boolean' } });
    if (Boolean(values.all) === (values.period !== undefined))
      throw new AppError('USAGE', 'Oppgi enten --period ÅÅÅÅ-MM eller --all. Se «styrerom report verify --help».');
    const period = values.period === undefined ? undefined : requirePeriod('report verify', values.period);
    const result = await withReportDeps(ctx, ({ db }) => verifyPublications(db, { period }));
    for (const p of result.problems) ctx.stderr(`  ${p}\n`);
    const scope = period ? `for ${period}` : 'i databasen';
    if (result.problems.length > 0) {
      const n = result.problems.length;
      throw new AppError('INTEGRITY', `Integritetsfeil: ${n} avvik i publiserte rapporter ${scope}.`);
    }
    const pubs = result.publications === 1 ? 'publisering' : 'publiseringer';
    ctx.stdout(`OK: ${result.publications} ${pubs} ${scope} med ${result.files} filer er uendret, og kjeden er hel.\n`);
    if (result.head) ctx.stdout(`Siste publisering har hash ${result.head}.\n`);
    return 0;
  },
};
