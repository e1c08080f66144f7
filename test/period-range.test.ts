/** Periods and dates outside the sane range (years 2000–2100) are a 400 / VALIDATION with the reason, never a 500. */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.ts';
import { loadConfig } from '../src/config.ts';
import { domains } from '../src/domains.ts';
import { buildApp } from '../src/server/app.ts';
import { isIsoDate, isYearMonth } from '../src/shared/period.ts';
import { signInAs } from './support/auth.ts';
import { describeEachDialect } from './support/databases.ts';

describeEachDialect('periods outside 2000–2100 at the API', (ctx) => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    app = await signInAs(await buildApp({ config: loadConfig({}), db: ctx.db, domains, logger: pino({ level: 'silent' }) }), ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  for (const url of ['/api/kpis', '/api/workforce/aml', '/api/workforce/aml/breaches', '/api/workforce/sick-leave']) {
    it(`${url} answers 400 with the reason for 9999-12 and 0000-01`, async () => {
      for (const period of ['9999-12', '0000-01']) {
        const res = await app.inject({ url: `${url}?period=${period}` });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({
          code: 'VALIDATION',
          message: `Ugyldig periode «${period}»: året må være mellom 2000 og 2100`,
        });
      }
    });
  }

  it('pages answer 400 too', async () => {
    const res = await app.inject({ url: '/?period=9999-12' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('året må være mellom 2000 og 2100');
  });
});

describe('the sane range elsewhere', () => {
  it('isYearMonth and isIsoDate refuse years outside 2000–2100', () => {
    expect([isYearMonth('2000-01'), isYearMonth('2100-12'), isYearMonth('1999-12'), isYearMonth('9999-12')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([isIsoDate('2025-05-31'), isIsoDate('9999-12-31'), isIsoDate('0000-01-01')]).toEqual([true, false, false]);
  });

  it('the CLI exits with VALIDATION (3) and the reason', async () => {
    let stderr = '';
    const io = {
      env: { DATABASE_URL: 'sqlite::memory:' },
      stdout: () => {},
      stderr: (t: string) => {
        stderr += t;
      },
    };
    expect(await runCli(['kpi', '--period', '9999-12'], io, domains)).toBe(3);
    expect(stderr).toBe('Feil: Ugyldig periode «9999-12»: året må være mellom 2000 og 2100\n');
  });

  it('an unknown LOG_LEVEL is a configuration error', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      expect.objectContaining({
        code: 'CONFIG',
        message: 'Ukjent LOG_LEVEL «verbose»: bruk fatal, error, warn, info, debug, trace, silent',
      }),
    );
    expect(loadConfig({ LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
  });
});
