/**
 * Building a period's report: effective template + workflow state + domains → model → files.
 * `report build`, the web page, the demo and publishing all come through here.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Config } from '../config.ts';
import type { DomainModule } from '../module.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { assembleReport, assembleWithProblems } from './assemble.ts';
import type { ReportModel, ReportStatus } from './model.ts';
import type { Narrative } from './narratives.queries.ts';
import { type OutputFile, renderOutputs, sha256 } from './outputs.ts';
import { effectiveTemplate } from './template.queries.ts';
import { workflowEvents, workflowState } from './workflow.queries.ts';

export interface ReportDeps {
  config: Pick<Config, 'organisationName' | 'chromiumPath'>;
  db: Db;
  domains: readonly DomainModule[];
}

export interface ModelOptions {
  period: YearMonth;
  /** The compile instant (ISO); default: now. Injected for tests, the demo and benchmarks. */
  compiledAt?: string;
  /** A template file instead of the organisation's stored template. */
  templateFile?: string;
  /** Status and version to print; default: the period's workflow state. */
  status?: ReportStatus;
  version?: number;
  narratives?: ReadonlyMap<string, Narrative>;
  /** The footer line for this build; default: the template's `headerLine`. */
  headerLine?: string;
}

/** The cover's date from the workflow: approval (approved/published), submission (in review), else the compile time. */
async function coverDate(db: Db, period: YearMonth, status: ReportStatus, version: number, compiledAt: string) {
  const wanted = status === 'approved' || status === 'published' ? 'approved' : status === 'in-review' ? 'in-review' : null;
  if (wanted) {
    const event = (await workflowEvents(db, period)).filter((e) => e.version === version && e.to === wanted).at(-1);
    if (event) return { at: event.at, label: wanted === 'approved' ? 'Godkjent' : 'Sendt til godkjenning' };
  }
  return { at: compiledAt, label: 'Sammenstilt' };
}

async function assembleOptions(deps: ReportDeps, o: ModelOptions) {
  const { template } = await effectiveTemplate(deps.db, o.templateFile);
  const state = await workflowState(deps.db, o.period);
  const compiledAt = o.compiledAt ?? new Date().toISOString();
  const status = o.status ?? state.status;
  const version = o.version ?? state.version;
  return {
    db: deps.db,
    domains: deps.domains,
    period: o.period,
    compiledAt,
    dated: await coverDate(deps.db, o.period, status, version, compiledAt),
    headerLine: o.headerLine ?? template.headerLine ?? null,
    logo: template.logo ?? null,
    organisation: deps.config.organisationName,
    template,
    status,
    version,
    narratives: o.narratives,
  };
}

/** The period's report model; REPORT_BUILD for a broken reference or an uncomputable live value. */
export async function reportModel(deps: ReportDeps, o: ModelOptions): Promise<ReportModel> {
  return assembleReport(await assembleOptions(deps, o));
}

/** The model and the narrative problems, without failing (the editor's preview). */
export async function reportModelWithProblems(deps: ReportDeps, o: ModelOptions) {
  return assembleWithProblems(await assembleOptions(deps, o));
}

export interface BuildResult {
  model: ReportModel;
  files: { name: string; sha256: string; size: number }[];
  warnings: string[];
}

export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<BuildResult['files']> {
  const written: BuildResult['files'] = [];
  for (const f of files) {
    const path = join(outDir, f.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.bytes);
    written.push({ name: f.name, sha256: sha256(f.bytes), size: f.bytes.length });
  }
  return written;
}

/** `report build`: writes report.html, report.pdf, data/*.csv|xlsx, provenance.json, values.json. */
export async function buildReport(
  deps: ReportDeps,
  o: ModelOptions & { outDir: string; pdf?: boolean; browser?: Browser },
): Promise<BuildResult> {
  const model = await reportModel(deps, o);
  const files = await renderOutputs(model, { chromiumPath: deps.config.chromiumPath, pdf: o.pdf ?? true, browser: o.browser });
  return { model, files: await writeOutputs(o.outDir, files), warnings: model.warnings };
}
