/**
 * Template + domain blocks + narratives → ReportModel. Figures and tables are numbered in document
 * order; narratives are rendered against that numbering and the KPI registry; every unresolved
 * reference or uncomputable live value fails the build with AppError('REPORT_BUILD').
 */

import { kpiDefinitionsWithData } from '../kpi/registry.ts';
import type { DomainModule } from '../module.ts';
import { AppError, type Problem } from '../shared/errors.ts';
import { formatMonth } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { raw } from '../web/html.ts';
import type { ReportBlock, ReportBlockContext, ReportBlockProvider } from './blocks.ts';
import {
  allSections,
  type PlacedBlock,
  type PlacedFigure,
  type PlacedTable,
  type ReportModel,
  type ReportSection,
  type ReportStatus,
  sectionLabel,
} from './model.ts';
import { type LiveValue, liveValueIds, type RefTarget, renderNarrative } from './narrative.ts';
import { currentNarratives, type Narrative } from './narratives.queries.ts';
import { importsByKind } from './provenance.ts';
import { NARRATIVE_SLOT, type ReportTemplate, type TemplateSection } from './template.ts';

export interface AssembleOptions {
  db: Db;
  domains: readonly DomainModule[];
  period: YearMonth;
  /** ISO instant: blocks and live values use data known by then. */
  compiledAt: string;
  organisation: string;
  template: ReportTemplate;
  status?: ReportStatus;
  version?: number;
  /** Texts to use instead of the stored ones (the editor's preview). */
  narratives?: ReadonlyMap<string, Narrative>;
  /** The cover's date (default: the compile time). */
  dated?: ReportModel['dated'];
  headerLine?: string | null;
  logo?: string | null;
}

interface Slot {
  section: TemplateSection;
  depth: number;
  blocks: ReportBlock[];
  /** Index in `blocks` before which the narrative goes. */
  narrativeAt: number;
  markdown: Narrative | null;
  children: Slot[];
}

function providerIndex(domains: readonly DomainModule[], warnings: string[]): Map<string, ReportBlockProvider> {
  const out = new Map<string, ReportBlockProvider>();
  for (const d of domains) {
    for (const p of d.report ?? []) {
      if (out.has(p.id)) warnings.push(`Blokken «${p.id}» leveres av flere moduler; ${d.id} er ignorert.`);
      else out.set(p.id, p);
    }
  }
  return out;
}

async function buildSlotBlocks(
  section: TemplateSection,
  providers: Map<string, ReportBlockProvider>,
  ctx: ReportBlockContext,
  warnings: string[],
): Promise<{ blocks: ReportBlock[]; narrativeAt: number }> {
  const out: ReportBlock[] = [];
  let narrativeAt = section.narrative === 'after' ? -1 : 0;
  for (const id of section.blocks ?? []) {
    if (id === NARRATIVE_SLOT) {
      narrativeAt = out.length;
      continue;
    }
    const provider = providers.get(id);
    if (!provider) {
      warnings.push(`Blokken «${id}» i seksjon «${section.title}» leveres ikke av noen modul og er utelatt.`);
      continue;
    }
    let blocks: ReportBlock[];
    try {
      blocks = await provider.build({ ...ctx, sectionId: section.id });
    } catch (err) {
      throw new AppError(
        'REPORT_BUILD',
        `Seksjon «${section.title}» (${section.id}): blokken «${id}» kunne ikke bygges: ${(err as Error).message}`,
        {
          cause: err,
          details: { section: section.id, block: id },
        },
      );
    }
    if (blocks.length === 0) warnings.push(`Blokken «${id}» i seksjon «${section.title}» har ingen data for perioden.`);
    out.push(...blocks);
  }
  return { blocks: out, narrativeAt: narrativeAt === -1 ? out.length : narrativeAt };
}

async function collectSlots(
  sections: readonly TemplateSection[],
  depth: number,
  env: {
    providers: Map<string, ReportBlockProvider>;
    ctx: ReportBlockContext;
    narratives: ReadonlyMap<string, Narrative>;
    warnings: string[];
  },
): Promise<Slot[]> {
  const out: Slot[] = [];
  for (const section of sections) {
    const { blocks, narrativeAt } = await buildSlotBlocks(section, env.providers, env.ctx, env.warnings);
    const n = env.narratives.get(section.id);
    const markdown = section.narrative !== 'none' && n && n.markdown.trim() !== '' ? n : null;
    const children = await collectSlots(section.sections ?? [], depth + 1, env);
    if (blocks.length > 0 || markdown || children.length > 0) out.push({ section, depth, blocks, narrativeAt, markdown, children });
  }
  return out;
}

/** Numbers sections ("2.1") and figures/tables (document order); checks block ids are unique. */
function placeSections(slots: readonly Slot[], prefix: string, acc: { figures: PlacedFigure[]; tables: PlacedTable[] }): ReportSection[] {
  return slots.map((slot, i) => {
    const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    const { section } = slot;
    const placed = slot.blocks.map((block): PlacedBlock => {
      if (block.kind === 'figure') {
        const f: PlacedFigure = {
          kind: 'figure',
          block,
          number: acc.figures.length + 1,
          label: '',
          anchor: `fig-${block.id}`,
          sectionId: section.id,
          imports: [],
        };
        f.label = `Figur ${f.number}`;
        acc.figures.push(f);
        return f;
      }
      if (block.kind === 'table') {
        const t: PlacedTable = {
          kind: 'table',
          block,
          number: acc.tables.length + 1,
          label: '',
          anchor: `tab-${block.id}`,
          sectionId: section.id,
          imports: [],
        };
        t.label = `Tabell ${t.number}`;
        acc.tables.push(t);
        return t;
      }
      return block.kind === 'kpis' ? { kind: 'kpis', block } : { kind: 'html', block };
    });
    // Narratives before the blocks do not change numbering: numbers follow block order only.
    return {
      id: section.id,
      title: section.title,
      number,
      depth: slot.depth,
      headingLevel: Math.min(6, slot.depth + 1),
      anchor: `sec-${section.id}`,
      narrativeAt: slot.narrativeAt,
      narrative: slot.markdown
        ? {
            markdown: slot.markdown.markdown,
            html: raw(''),
            author: slot.markdown.author,
            createdAt: slot.markdown.createdAt,
            inheritedFrom: slot.markdown.inherited ? slot.markdown.period : null,
            liveValues: [],
          }
        : null,
      blocks: placed,
      sections: placeSections(slot.children, number, acc),
    };
  });
}

/** Ids name anchors, cross-references and data files (`data/<id>.csv`): a safe file name, unique. */
const BLOCK_ID = /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$/;

function checkBlockIds(figures: readonly PlacedFigure[], tables: readonly PlacedTable[]): void {
  const seen = new Map<string, string>();
  for (const b of [...figures, ...tables]) {
    if (!BLOCK_ID.test(b.block.id)) {
      throw new AppError('REPORT_BUILD', `${b.label} har ugyldig id «${b.block.id}» (a–z, 0–9, «-», «_», «.»)`, {
        details: { id: b.block.id },
      });
    }
    const other = seen.get(b.block.id);
    if (other) {
      throw new AppError('REPORT_BUILD', `${b.label} og ${other} har samme id «${b.block.id}»; id-er må være unike`, {
        details: { id: b.block.id },
      });
    }
    seen.set(b.block.id, b.label);
  }
}

async function evaluateLiveValues(
  domains: readonly DomainModule[],
  ids: readonly string[],
  ctx: { db: Db; period: YearMonth; knownAt: string },
) {
  const defs = new Map((await kpiDefinitionsWithData(domains, ctx.db)).map(({ definition: k }) => [k.id, k]));
  const out = new Map<string, LiveValue>();
  for (const id of ids) {
    const def = defs.get(id);
    if (!def) continue;
    const source = def.source ? await def.source(ctx) : null;
    out.set(id, {
      label: def.label,
      value: await def.compute(ctx),
      unit: def.unit,
      decimals: def.decimals,
      ...(def.target ? { target: def.target } : {}),
      ...(source ? { source } : {}),
    });
  }
  return out;
}

async function attachProvenance(
  db: Db,
  compiledAt: string,
  placed: readonly (PlacedFigure | PlacedTable)[],
  domains: readonly DomainModule[],
): Promise<void> {
  const kinds = [...new Set(placed.flatMap((p) => p.block.provenance.importKinds))];
  const labels = new Map(domains.flatMap((d) => (d.importers ?? []).map((i) => [i.kind, i.label] as const)));
  const runs = await importsByKind(db, kinds, compiledAt, labels);
  for (const p of placed) p.imports = p.block.provenance.importKinds.flatMap((k) => runs.get(k) ?? []);
}

/** The model plus every narrative problem (for the editor preview, which must not throw). */
export async function assembleWithProblems(o: AssembleOptions): Promise<{ model: ReportModel; problems: Problem[] }> {
  const warnings: string[] = [];
  const providers = providerIndex(o.domains, warnings);
  const narratives = o.narratives ?? (await currentNarratives(o.db, o.period));
  const ctx: ReportBlockContext = { db: o.db, period: o.period, compiledAt: o.compiledAt };
  const slots = await collectSlots(o.template.sections, 1, { providers, ctx, narratives, warnings });
  const acc = { figures: [] as PlacedFigure[], tables: [] as PlacedTable[] };
  const sections = placeSections(slots, '', acc);
  checkBlockIds(acc.figures, acc.tables);

  const refs = new Map<string, RefTarget>();
  for (const f of acc.figures) refs.set(`fig:${f.block.id}`, { kind: 'fig', id: f.block.id, label: f.label, anchor: f.anchor });
  for (const t of acc.tables) refs.set(`tab:${t.block.id}`, { kind: 'tab', id: t.block.id, label: t.label, anchor: t.anchor });
  const flat = allSections(sections);
  const ids = [...new Set(flat.flatMap((s) => (s.narrative ? liveValueIds(s.narrative.markdown) : [])))];
  const values = await evaluateLiveValues(o.domains, ids, { db: o.db, period: o.period, knownAt: o.compiledAt });

  const problems: Problem[] = [];
  for (const s of flat) {
    if (!s.narrative) continue;
    const r = renderNarrative(s.narrative.markdown, {
      sectionId: s.id,
      sectionLabel: sectionLabel(s),
      headingLevel: s.headingLevel,
      refs,
      values,
    });
    s.narrative.html = r.html;
    s.narrative.liveValues = r.liveValues;
    problems.push(...r.problems);
    if (s.narrative.inheritedFrom) {
      warnings.push(
        `Teksten i seksjon «${sectionLabel(s)}» er hentet fra ${formatMonth(s.narrative.inheritedFrom)} og ikke redigert for denne perioden.`,
      );
    }
  }
  await attachProvenance(o.db, o.compiledAt, [...acc.figures, ...acc.tables], o.domains);
  const model: ReportModel = {
    title: `${o.template.title} per ${formatMonth(o.period)}`,
    organisation: o.organisation,
    period: o.period,
    compiledAt: o.compiledAt,
    dated: o.dated ?? { at: o.compiledAt, label: 'Sammenstilt' },
    headerLine: o.headerLine ?? null,
    logo: o.logo ?? null,
    status: o.status ?? 'draft',
    version: o.version ?? 1,
    sections,
    figures: acc.figures,
    tables: acc.tables,
    warnings,
  };
  return { model, problems };
}

/** Assembles the report; a broken reference or uncomputable live value fails with REPORT_BUILD. */
export async function assembleReport(o: AssembleOptions): Promise<ReportModel> {
  const { model, problems } = await assembleWithProblems(o);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (og ${problems.length - 1} til)` : '';
    throw new AppError('REPORT_BUILD', `${problems[0]?.message}${more}`, {
      problems,
      details: { section: problems[0]?.file.replace(/^tekst:/, ''), line: problems[0]?.line },
    });
  }
  return model;
}
