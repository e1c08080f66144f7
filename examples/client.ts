/**
 * A small typed client of the Styrerom API, checked against types generated from the served
 * OpenAPI document (`npm run typecheck:examples` runs openapi-typescript, then tsc; see docs/api.md).
 *
 *   STYREROM_URL=http://127.0.0.1:3000 STYREROM_TOKEN=… node --import tsx examples/client.ts 2025-05
 *
 * Signs in with an API token (`styrerom token create <e-post> --name <navn>`), reads the KPIs for a
 * period and downloads the newest published PDF of the report for it.
 */
import { writeFile } from 'node:fs/promises';
import type { components, operations } from './generated/styrerom-api.d.ts';

export type KpiDocument = operations['getKpis']['responses'][200]['content']['application/json'];
export type ReportStatus = operations['getReportStatus']['responses'][200]['content']['application/json'];
export type ApiError = components['schemas']['Error'];

/** An answer other than 2xx, with the documented error body (`{ error: { code, message, problems } }`). */
export class StyreromError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(`${status} ${body.error.code}: ${body.error.message}`);
  }
}

export class StyreromClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async get(path: string): Promise<Response> {
    const res = await fetch(new URL(path, this.baseUrl), { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new StyreromError(res.status, (await res.json()) as ApiError);
    return res;
  }

  /** Every KPI of every domain for a month ("YYYY-MM"). */
  async kpis(period: string): Promise<KpiDocument> {
    return (await (await this.get(`/api/kpis?period=${encodeURIComponent(period)}`)).json()) as KpiDocument;
  }

  /** The report's status, history and publications for a month. */
  async report(period: string): Promise<ReportStatus> {
    return (await (await this.get(`/api/report/${encodeURIComponent(period)}`)).json()) as ReportStatus;
  }

  /** The PDF of the newest published version, byte for byte as published, or null when none is. */
  async publishedPdf(period: string): Promise<{ version: number; sha256: string | null; bytes: Uint8Array } | null> {
    const versions = (await this.report(period)).publications ?? [];
    const newest = versions.filter((p) => p.version !== undefined).sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
    if (newest?.version === undefined) return null;
    const res = await this.get(`/api/report/${encodeURIComponent(period)}/publications/${newest.version}/files/report.pdf`);
    return { version: newest.version, sha256: res.headers.get('x-content-sha256'), bytes: new Uint8Array(await res.arrayBuffer()) };
  }
}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const period = argv[0];
  const { STYREROM_URL: url = 'http://127.0.0.1:3000', STYREROM_TOKEN: token } = env;
  if (!period || !token) throw new Error('Bruk: STYREROM_TOKEN=… node --import tsx examples/client.ts ÅÅÅÅ-MM');
  const client = new StyreromClient(url, token);
  for (const kpi of (await client.kpis(period)).kpis) console.log(`${kpi.label}: ${kpi.value ?? '–'} (${kpi.status})`);
  const pdf = await client.publishedPdf(period);
  if (!pdf) return console.log(`Ingen publisert rapport for ${period}`);
  const file = `virksomhetsrapport-${period}-v${pdf.version}.pdf`;
  await writeFile(file, pdf.bytes);
  console.log(`Lagret ${file} (${pdf.bytes.length} byte, SHA-256 ${pdf.sha256})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2), process.env).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
