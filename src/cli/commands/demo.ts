import { join } from 'node:path';
import { DEMO_PERIOD, demoDatabaseUrl, openDemo } from '../../demo/demo.ts';
import { demoCredentialsFile, ensureDemoAdmin } from '../../demo/demo-admin.ts';
import { formatMonth, formatSeconds } from '../../shared/format.ts';
import { parseCommandArgs, parsePort } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';

export const demoCommand: BuiltinCommand = {
  name: 'demo',
  summary: 'Bygger demo-organisasjonen (første gang) og starter webappen',
  usage: `Bruk: styrerom demo [--no-serve] [--reset] [--port <nr>] [--host <adresse>] [--database <url>]

Første gang genereres demo-organisasjonens rådata (under <STYREROM_DATA_DIR>/demo/), de importeres
gjennom de vanlige importørene, og webappen startes på rapportperioden ${formatMonth(DEMO_PERIOD)}.
Demodatabasen er sqlite:<STYREROM_DATA_DIR>/demo.db (DATABASE_URL brukes ikke av demoen). Senere
starter bruker den samme databasen, så tekster, risikoer og annet du endrer i appen blir med.
Innloggingen til demoens administrator står i <STYREROM_DATA_DIR>/demo-innlogging.txt (bare
lesbar for deg); passordet skrives aldri ut. Forespørselsloggen skrives til <STYREROM_DATA_DIR>/demo.log.
  --no-serve         bare bygg (eller oppgrader) demodatabasen, ikke start webappen
  --reset            slett demodatabasen og bygg den på nytt (sier først hva som forsvinner)
  --port <nr>        port (ellers PORT, ellers 3000)
  --host <adresse>   adresse å lytte på (ellers HOST, ellers 127.0.0.1)
  --database <url>   bygg demoen i en annen database; nektes hvis den har data, med mindre --reset`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs('demo', argv, {
      'no-serve': { type: 'boolean' },
      reset: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
    });
    const port = parsePort('demo', values.port) ?? ctx.config.port;
    const started = Date.now();
    const log = (text: string) => ctx.stdout(text);
    const { open, built } = await openDemo({
      config: ctx.config,
      domains: ctx.domains,
      database: ctx.databaseFlag,
      reset: values.reset ?? false,
      log,
    });
    const databaseUrl = ctx.databaseFlag ?? demoDatabaseUrl(ctx.config);
    if (built) log(`Demodata klar på ${formatSeconds((Date.now() - started) / 1000)}.\n`);
    const admin = await ensureDemoAdmin(open.db, demoCredentialsFile(ctx.config.dataDir), new Date()).catch(async (err) => {
      await open.close();
      throw err;
    });
    const login = `Logg inn som ${admin.email}; passordet står i ${admin.file} (bare lesbar for deg).`;
    if (values['no-serve']) {
      await open.close();
      log(`Start webappen med: styrerom demo (eller styrerom serve --database ${open.description})\n${login}\n`);
      return 0;
    }
    const config = Object.freeze({ ...ctx.config, databaseUrl, defaultPeriod: DEMO_PERIOD, port, host: values.host ?? ctx.config.host });
    // The web stack loads only here; request logs go to a file, not to the demo's terminal.
    const [{ startServer }, { pino, destination }] = await Promise.all([import('../../server/main.ts'), import('pino')]);
    const logFile = join(ctx.config.dataDir, 'demo.log');
    const logger = pino({ level: config.logLevel }, destination({ dest: logFile, mkdir: true, sync: false }));
    const running = await startServer({ config, open, domains: ctx.domains, logger }).catch(async (err) => {
      await open.close();
      throw err;
    });
    log(`Demoen kjører på ${running.url} (rapportperiode ${formatMonth(DEMO_PERIOD)}). Stopp med Ctrl+C.\n`);
    log(`${login} Logg inn på ${running.url}logg-inn\n`);
    log(`Forespørselsloggen skrives til ${logFile}.\n`);
    await running.closed;
    logger.flush();
    return 0;
  },
};
