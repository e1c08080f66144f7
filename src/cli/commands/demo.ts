import { buildDemo, DEMO_PERIOD, demoDatabaseUrl } from '../../demo/demo.ts';
import { createDemoAdmin } from '../../demo/demo-admin.ts';
import { startServer } from '../../server/main.ts';
import { formatMonth, formatSeconds } from '../../shared/format.ts';
import { parseCommandArgs, parsePort } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';

export const demoCommand: BuiltinCommand = {
  name: 'demo',
  summary: 'Lager demo-organisasjonens data på nytt og starter webappen',
  usage: `Bruk: styrerom demo [--no-serve] [--port <nr>] [--host <adresse>] [--database <url> [--reset]]

Genererer demo-organisasjonens rådata (under <STYREROM_DATA_DIR>/demo/), importerer dem gjennom de
vanlige importørene og starter webappen på rapportperioden ${formatMonth(DEMO_PERIOD)}.
Uten --database brukes sqlite:<STYREROM_DATA_DIR>/demo.db, som slettes og lages på nytt hver gang
(DATABASE_URL brukes ikke av demoen).
  --no-serve         bare bygg demodatabasen, ikke start webappen
  --port <nr>        port (ellers PORT, ellers 3000)
  --host <adresse>   adresse å lytte på (ellers HOST, ellers 127.0.0.1)
  --database <url>   bruk en annen database; nektes hvis den har data, med mindre --reset
  --reset            slett alt i databasen gitt med --database før demoen bygges`,
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
    const open = await buildDemo({
      config: ctx.config,
      domains: ctx.domains,
      database: ctx.databaseFlag,
      reset: values.reset ?? false,
      log,
    });
    const databaseUrl = ctx.databaseFlag ?? demoDatabaseUrl(ctx.config);
    log(`Demodata klar på ${formatSeconds((Date.now() - started) / 1000)}.\n`);
    const admin = await createDemoAdmin(open.db, new Date());
    const credentials = `e-post ${admin.email}, passord ${admin.password} (vises bare nå; et nytt lages hver gang demoen startes)`;
    if (values['no-serve']) {
      await open.close();
      log(`Start webappen med: styrerom serve --database ${open.description}\nLogg inn med ${credentials}\n`);
      return 0;
    }
    const config = Object.freeze({ ...ctx.config, databaseUrl, defaultPeriod: DEMO_PERIOD, port, host: values.host ?? ctx.config.host });
    const running = await startServer({ config, open, domains: ctx.domains }).catch(async (err) => {
      await open.close();
      throw err;
    });
    log(`Demoen kjører på ${running.url} (rapportperiode ${formatMonth(DEMO_PERIOD)}). Stopp med Ctrl+C.\n`);
    log(`Logg inn på ${running.url}logg-inn med ${credentials}\n`);
    await running.closed;
    return 0;
  },
};
