/**
 * The report template: the section tree of the monthly report (ids, Norwegian titles, the domain
 * blocks each section shows, where its narrative goes). The default lives in template.default.ts;
 * an organisation overrides it with a JSON file or a row in `report_templates`.
 */
import { AppError, type Problem } from '../shared/errors.ts';

export interface TemplateSection {
  /** Stable id used by narratives and anchors: lower-case, dot-separated (`finance.result`). */
  id: string;
  /** Norwegian heading. */
  title: string;
  /**
   * Block ids (ReportBlockProvider.id) in display order. The reserved entry "narrative" puts the
   * section's text at that place between the blocks.
   */
  blocks?: string[];
  /** Where the narrative goes relative to the blocks (unless placed by "narrative" in `blocks`); 'none' = no text. Default 'before'. */
  narrative?: 'before' | 'after' | 'none';
  sections?: TemplateSection[];
}

export interface ReportTemplate {
  /** Document title before the period: "Virksomhetsrapport" → "Virksomhetsrapport per mai 2025". */
  title: string;
  /** A line in every page's footer, e.g. "Vedlegg 1 sak 20-2025" (`report build --header` overrides it per build). */
  headerLine?: string;
  /** The organisation's logo on the cover: a `data:image/png|jpeg|svg+xml;base64,…` URL (the report stays self-contained). */
  logo?: string;
  sections: TemplateSection[];
}

/** The entry of `blocks` that places the section's narrative. */
export const NARRATIVE_SLOT = 'narrative';

const SECTION_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const BLOCK_ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const MAX_DEPTH = 3;
export const HEADER_LINE_MAX = 120;
const LOGO = /^data:image\/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]+=*$/;
const LOGO_MAX = 300_000;

/** Problem text for a header line, or undefined when it is fine. */
export function headerLineProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'topptekstlinjen må være en ikke-tom tekst';
  if (value.length > HEADER_LINE_MAX) return `topptekstlinjen kan ha høyst ${HEADER_LINE_MAX} tegn`;
  if ([...value].some((c) => c.charCodeAt(0) < 32)) return 'topptekstlinjen kan ikke ha linjeskift eller kontrolltegn';
  return undefined;
}

/** Every section of the tree in document order, with its depth (1 = top level). */
export function flattenSections(sections: readonly TemplateSection[], depth = 1): { section: TemplateSection; depth: number }[] {
  return sections.flatMap((section) => [{ section, depth }, ...flattenSections(section.sections ?? [], depth + 1)]);
}

export function findSection(template: ReportTemplate, id: string): TemplateSection | undefined {
  return flattenSections(template.sections).find((s) => s.section.id === id)?.section;
}

function templateProblem(source: string, message: string, messageEn: string): Problem {
  return { file: source, message, messageEn, severity: 'error' };
}

function checkSection(value: unknown, path: string, depth: number, source: string, seen: Set<string>, problems: Problem[]): void {
  const at = (m: string, en: string) => problems.push(templateProblem(source, `${path}: ${m}`, `${path}: ${en}`));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    at('seksjonen må være et objekt', 'section must be an object');
    return;
  }
  const s = value as Record<string, unknown>;
  if (typeof s.id !== 'string' || !SECTION_ID.test(s.id)) at(`ugyldig id «${String(s.id)}»`, 'invalid id (a-z, 0-9, "." and "-")');
  else if (seen.has(s.id)) at(`id «${s.id}» er brukt før`, 'duplicate section id');
  else seen.add(s.id);
  if (typeof s.title !== 'string' || s.title.trim() === '') at('mangler tittel', 'missing title');
  if (s.blocks !== undefined && (!Array.isArray(s.blocks) || s.blocks.some((b) => typeof b !== 'string' || !BLOCK_ID.test(b)))) {
    at('blocks må være en liste med blokk-id-er', 'blocks must be a list of block ids');
  }
  if (s.narrative !== undefined && !['before', 'after', 'none'].includes(s.narrative as string)) {
    at('narrative må være before, after eller none', 'narrative must be before, after or none');
  }
  if (s.sections !== undefined) {
    if (!Array.isArray(s.sections)) at('sections må være en liste', 'sections must be a list');
    else if (depth >= MAX_DEPTH && s.sections.length > 0) at(`maks ${MAX_DEPTH} nivåer`, `at most ${MAX_DEPTH} levels`);
    else for (const [i, c] of s.sections.entries()) checkSection(c, `${path}.sections[${i}]`, depth + 1, source, seen, problems);
  }
}

/** Checks an untrusted (JSON) template; throws VALIDATION listing every problem. */
export function parseTemplate(value: unknown, source: string): ReportTemplate {
  const problems: Problem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(templateProblem(source, 'malen må være et JSON-objekt', 'template must be a JSON object'));
  } else {
    const t = value as Record<string, unknown>;
    if (typeof t.title !== 'string' || t.title.trim() === '') problems.push(templateProblem(source, 'mangler title', 'missing title'));
    const header = t.headerLine === undefined ? undefined : headerLineProblem(t.headerLine);
    if (header) problems.push(templateProblem(source, `headerLine: ${header}`, 'headerLine: invalid'));
    if (t.logo !== undefined && (typeof t.logo !== 'string' || !LOGO.test(t.logo) || t.logo.length > LOGO_MAX)) {
      problems.push(
        templateProblem(
          source,
          `logo må være en data-URL (data:image/png, image/jpeg eller image/svg+xml;base64,…) på høyst ${LOGO_MAX / 1000} kB`,
          'logo must be a base64 data URL of a PNG, JPEG or SVG image',
        ),
      );
    }
    if (!Array.isArray(t.sections) || t.sections.length === 0) {
      problems.push(templateProblem(source, 'sections må være en ikke-tom liste', 'sections must be a non-empty list'));
    } else {
      const seen = new Set<string>();
      for (const [i, s] of t.sections.entries()) checkSection(s, `sections[${i}]`, 1, source, seen, problems);
    }
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `Ugyldig rapportmal i ${source}: ${problems[0]?.message}`, { problems });
  }
  return value as ReportTemplate;
}

/** Parses template JSON text (a file or a stored row). */
export function parseTemplateJson(text: string, source: string): ReportTemplate {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AppError('VALIDATION', `Rapportmalen i ${source} er ikke gyldig JSON: ${(err as Error).message}`, {
      problems: [templateProblem(source, 'ikke gyldig JSON', `not valid JSON: ${(err as Error).message}`)],
    });
  }
  return parseTemplate(value, source);
}
