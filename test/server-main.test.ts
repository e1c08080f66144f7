import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server/main.ts';
import { openDatabase } from '../src/storage/db.ts';
import { migrateToLatest } from '../src/storage/migrate.ts';

async function started(handleSignals: boolean) {
  const config = loadConfig({ PORT: '0' });
  const open = openDatabase('sqlite::memory:');
  await migrateToLatest(open.db);
  let dbClosed = false;
  const tracked = {
    ...open,
    close: async () => {
      dbClosed = true;
      await open.close();
    },
  };
  const running = await startServer({ config, open: tracked, domains: [], logger: pino({ level: 'silent' }), handleSignals });
  return { running, isDbClosed: () => dbClosed };
}

describe('startServer()', () => {
  it('listens on the configured host, prints a usable URL and answers /health', async () => {
    const { running } = await started(false);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${running.url}health`);
    expect(await res.json()).toEqual({ status: 'ok' });
    await running.close();
  });

  it('shuts down gracefully on SIGTERM: the server stops and the database is closed', async () => {
    const { running, isDbClosed } = await started(true);
    const before = process.listenerCount('SIGTERM');
    process.emit('SIGTERM', 'SIGTERM');
    await running.closed;
    expect(isDbClosed()).toBe(true);
    expect(running.app.server.listening).toBe(false);
    expect(process.listenerCount('SIGTERM')).toBe(before - 1);
  });

  it('reports a port in use as a CONFIG error in Norwegian', async () => {
    const { running } = await started(false);
    const port = Number(new URL(running.url).port);
    const open = openDatabase('sqlite::memory:');
    await migrateToLatest(open.db); // startServer wants a migrated database (it recovers interrupted imports first)
    const config = loadConfig({ PORT: String(port) });
    await expect(startServer({ config, open, domains: [], logger: pino({ level: 'silent' }), handleSignals: false })).rejects.toMatchObject(
      {
        code: 'CONFIG',
        message: expect.stringContaining('porten er opptatt'),
      },
    );
    await open.close();
    await running.close();
  });
});
