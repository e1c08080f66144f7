/**
 * Content edits are audited with their values before and after, on both dialects: a narrative, a
 * risk, a risk assessment and the report status, each edited twice through the API, give two
 * entries each whose before is the previous after; the entries show on /revisjonslogg and in
 * `styrerom audit list --json`.
 */
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AuditEntry, listAudit } from '../src/auth/audit.queries.ts';
import { createContext } from '../src/cli/context.ts';
import { findCommand } from '../src/cli/dispatch.ts';
import { builtinCommands } from '../src/cli/run.ts';
import { loadConfig } from '../src/config.ts';
import { domains } from '../src/domains.ts';
import { seedProjects } from '../src/projects/projects.testing.ts';
import { buildApp } from '../src/server/app.ts';
import { loginWithPassword } from './support/auth.ts';
import { describeEachDialect } from './support/databases.ts';

describeEachDialect('audit trail: before and after for edits', (ctx) => {
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let email: string;
  beforeAll(async () => {
    app = await buildApp({ config: loadConfig({ STYREROM_PERIOD: '2025-05' }), db: ctx.db, domains, logger: pino({ level: 'silent' }) });
    const login = await loginWithPassword(app, ctx.db, ['editor', 'approver', 'admin']);
    headers = login.headers;
    email = login.user.email;
  });
  afterAll(async () => {
    await app.close();
  });
  const send = async (method: 'PUT' | 'POST', url: string, payload: object) => {
    const res = await app.inject({ method, url, payload, headers });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  };
  /** The entries of `action`, oldest first. */
  const entries = async (action: string): Promise<AuditEntry[]> => (await listAudit(ctx.db, { action })).reverse();

  it('records a narrative saved twice as two entries with the text before and after', async () => {
    await send('PUT', '/api/report/2025-05/narratives/risk', { markdown: 'Første utkast.' });
    await send('PUT', '/api/report/2025-05/narratives/risk', { markdown: 'Andre utkast.' });
    const [first, second] = await entries('narrative.edit');
    expect(first).toMatchObject({ actor: email, target: '2025-05/risk', detail: { before: null, after: { markdown: 'Første utkast.' } } });
    expect(second?.detail).toMatchObject({
      before: { markdown: 'Første utkast.', period: '2025-05' },
      after: { markdown: 'Andre utkast.' },
    });
  });

  it('records a risk edited twice, and an assessment corrected, with the values before and after', async () => {
    await send('POST', '/api/risks', { id: 'OR-40', title: 'Leverandør', owner: 'Eier', category: 'delivery', opened: '2025-01-05' });
    await send('PUT', '/api/risks/OR-40', { title: 'Leverandør forsinket', owner: 'Eier', category: 'delivery', opened: '2025-01-05' });
    await send('PUT', '/api/risks/OR-40', { title: 'Leverandør forsinket', owner: 'Ny eier', category: 'delivery', opened: '2025-01-05' });
    const [created] = await entries('risk.create');
    expect(created).toMatchObject({ actor: email, target: 'OR-40', detail: { before: null, after: { title: 'Leverandør' } } });
    const edits = await entries('risk.edit');
    expect(edits.map((e) => e.detail)).toMatchObject([
      { before: { title: 'Leverandør', owner: 'Eier' }, after: { title: 'Leverandør forsinket', owner: 'Eier' } },
      { before: { title: 'Leverandør forsinket', owner: 'Eier' }, after: { title: 'Leverandør forsinket', owner: 'Ny eier' } },
    ]);
    const assessment = { period: '2025-05', statusText: 'Følges opp', assessedBy: 'Eier', assessedAt: '2025-05-20' };
    await send('POST', '/api/risks/OR-40/assessments', { ...assessment, probability: 2, consequence: 3 });
    await send('POST', '/api/risks/OR-40/assessments', { ...assessment, probability: 4, consequence: 3 });
    expect((await entries('risk.assessment')).map((e) => [e.target, e.detail])).toMatchObject([
      ['OR-40/2025-05', { before: null, after: { probability: 2, consequence: 3 } }],
      ['OR-40/2025-05', { before: { probability: 2, consequence: 3 }, after: { probability: 4, consequence: 3 } }],
    ]);
  });

  it('records a forecast, a registered figure and a project milestone edited twice with before and after', async () => {
    const form = (url: string, payload: Record<string, string>) =>
      app.inject({ method: 'POST', url, payload, headers }).then((res) => expect(res.statusCode, res.body).toBe(303));
    await form('/okonomi/prognose?period=2025-05', { 'amount-0': '1 000', 'comment-0': 'Første anslag' });
    await form('/okonomi/prognose?period=2025-05', { 'amount-0': '1 200', 'comment-0': 'Økt etter avtale' });
    expect((await entries('forecast.edit')).map((e) => [e.actor, e.detail])).toEqual([
      [email, { before: null, after: { amount: 100_000, comment: 'Første anslag' } }],
      [email, { before: { amount: 100_000, comment: 'Første anslag' }, after: { amount: 120_000, comment: 'Økt etter avtale' } }],
    ]);

    const figure = { figure: 'csat', label: 'Kundetilfredshet', unit: 'number', decimals: '1', period: '2025-05', source: 'Undersøkelse' };
    await form('/tall?period=2025-05', { ...figure, value: '4,3', by: 'Kari' });
    await form('/tall?period=2025-05', { ...figure, value: '4,4', by: 'Ola' });
    expect((await entries('figure.edit')).map((e) => [e.actor, e.target, e.detail])).toEqual([
      ['Kari', 'csat/2025-05', { before: null, after: { value: 4.3, source: 'Undersøkelse' } }],
      ['Ola', 'csat/2025-05', { before: { value: 4.3, source: 'Undersøkelse' }, after: { value: 4.4, source: 'Undersøkelse' } }],
    ]);

    await seedProjects(ctx.db);
    const move = async (planned: string, reason: string) => {
      const res = await app.inject({ method: 'PUT', url: '/api/projects/medielogg/milestones/CAT', payload: { planned, reason }, headers });
      expect(res.statusCode, res.body).toBe(200);
    };
    await move('2025-10-01', 'Leverandøren trenger mer tid');
    await move('2025-10-15', 'Testmiljøet er forsinket');
    const [first, second] = await entries('milestone.edit');
    expect(first).toMatchObject({
      target: 'medielogg/CAT',
      detail: { after: { planned: '2025-10-01' }, reason: 'Leverandøren trenger mer tid' },
    });
    expect(second?.detail).toMatchObject({ before: { planned: '2025-10-01' }, after: { planned: '2025-10-15' } });
  });

  it('records report status changes with the status before and after, shown on the page and in the CLI', async () => {
    await send('POST', '/api/report/2025-05/actions/submit', { comment: 'Klar' });
    await send('POST', '/api/report/2025-05/actions/reject', { comment: 'Mangler tekst' });
    const changes = await entries('report.status');
    expect(changes.map((e) => [e.actor, e.target, e.detail])).toEqual([
      [
        email,
        '2025-05',
        { before: { status: 'draft', version: 1 }, after: { status: 'in-review', version: 1 }, workflowAction: 'submit', comment: 'Klar' },
      ],
      [
        email,
        '2025-05',
        {
          before: { status: 'in-review', version: 1 },
          after: { status: 'draft', version: 1 },
          workflowAction: 'reject',
          comment: 'Mangler tekst',
        },
      ],
    ]);

    const page = await app.inject({ url: '/revisjonslogg', headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rapportstatus endret');
    expect(page.body).toContain('Før: <code>{&quot;markdown&quot;:&quot;Første utkast.&quot;');

    const out: string[] = [];
    const found = findCommand(builtinCommands(domains), ['audit', 'list', '--json']);
    if (!found) throw new Error('no audit list command');
    const base = createContext({ config: loadConfig({}), domains, databaseFlag: undefined, stdout: (t) => out.push(t), stderr: () => {} });
    const open = { db: ctx.db, dialect: ctx.dialect, description: 'test', close: async () => {} };
    expect(await found.command.run(found.rest, { ...base, openDb: async () => open })).toBe(0);
    const listed = JSON.parse(out.join('')) as AuditEntry[];
    expect(listed.filter((e) => e.action === 'narrative.edit').map((e) => e.detail?.after)).toEqual([
      { markdown: 'Andre utkast.' },
      { markdown: 'Første utkast.' },
    ]);
  });
});
