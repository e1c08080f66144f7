import { migrateToLatest } from '../../storage/migrate.ts';
import { parseCommandArgs } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';

export const migrateCommand: BuiltinCommand = {
  name: 'migrate',
  summary: 'Oppdaterer databaseskjemaet (kjører nye migreringer)',
  usage: `Bruk: styrerom migrate [--database <url>]

Kjører alle migreringer som ikke er kjørt i databasen. serve og demo gjør dette selv.`,
  async run(argv, ctx) {
    parseCommandArgs('migrate', argv, {});
    const open = ctx.openRaw();
    const ran = await migrateToLatest(open.db);
    if (ran.length === 0) ctx.stdout(`Databasen ${open.description} er oppdatert; ingen nye migreringer.\n`);
    else ctx.stdout(`Kjørte ${ran.length} migreringer i ${open.description}:\n${ran.map((m) => `  ${m}\n`).join('')}`);
    return 0;
  },
};
