import { parseCommandArgs, parsePort } from '../args.ts';
import type { BuiltinCommand } from '../context.ts';

export const serveCommand: BuiltinCommand = {
  name: 'serve',
  summary: 'Starter webappen og API-et',
  usage: `Bruk: styrerom serve [--port <nr>] [--host <adresse>] [--database <url>]

Migrerer databasen og starter webserveren. Stopp med Ctrl+C.
  --port <nr>        port (ellers PORT, ellers 3000; 0 = en ledig port)
  --host <adresse>   adresse å lytte på (ellers HOST, ellers 127.0.0.1)`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs('serve', argv, { port: { type: 'string' }, host: { type: 'string' } });
    const config = Object.freeze({
      ...ctx.config,
      port: parsePort('serve', values.port) ?? ctx.config.port,
      host: values.host ?? ctx.config.host,
    });
    const { startServer } = await import('../../server/main.ts'); // the web stack loads only here
    const open = await ctx.openDb();
    const running = await startServer({ config, open, domains: ctx.domains });
    ctx.stdout(`Styrerom kjører på ${running.url} (database ${open.description}). Stopp med Ctrl+C.\n`);
    await running.closed;
    return 0;
  },
};
