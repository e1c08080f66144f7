/**
 * Narrative Markdown → safe HTML. Before Markdown is parsed, live values (`{{ kpi.<id> }}`) and
 * live comparisons (`{{ compare kpi.<id> target }}` → "under"/"over") are replaced by their nb-NO
 * text and cross-references (`[@fig:<id>]`, `[@tab:<id>]`) by links
 * "Figur N" / "Tabell N". Anything unresolved is a problem naming the section, the reference and
 * the line: the caller fails the build with them. Raw HTML in the Markdown is shown as text, and the
 * result goes through an allow-list sanitiser, so no script, event handler or javascript: URL
 * survives.
 */

import { createRequire } from 'node:module';
import { Marked, type Tokens } from 'marked';
import type sanitizeHtml from 'sanitize-html';
import { formatKpiTarget, formatKpiValue, type KpiTarget, type KpiUnit, kpiStatus } from '../kpi/kpi.ts';
import type { Problem } from '../shared/errors.ts';
import { formatNumber } from '../shared/format.ts';
import { escapeHtml, raw, type SafeHtml } from '../web/html.ts';

export type RefKind = 'fig' | 'tab';

export interface RefTarget {
  kind: RefKind;
  id: string;
  /** "Figur 2", "Tabell 1" */
  label: string;
  /** Element id in the document: `fig-<id>` / `tab-<id>`. */
  anchor: string;
}

export interface LiveValue {
  /** The KPI's Norwegian label, for the appendix (the id when absent). */
  label?: string;
  value: number | null;
  unit: KpiUnit;
  decimals: number;
  /** The KPI's target, for `| target` and `{{ compare kpi.<id> target }}`. */
  target?: KpiTarget;
  /** Who registered a value without a source system (KpiDefinition.source), for the provenance appendix. */
  source?: string;
}

export interface NarrativeContext {
  sectionId: string;
  /** "2.1 Resultat", for messages. */
  sectionLabel: string;
  /** Heading level of the section (2 = top-level section); Markdown headings go below it. */
  headingLevel: number;
  /** Keyed `fig:<id>` / `tab:<id>`. */
  refs: ReadonlyMap<string, RefTarget>;
  /** Keyed by KPI id; evaluated by the caller (see liveValueIds). */
  values: ReadonlyMap<string, LiveValue>;
}

export interface RenderedNarrative {
  html: SafeHtml;
  problems: Problem[];
  /** The live values used, with the text shown (stored with a publication). */
  liveValues: { kpiId: string; label: string; filter: string | null; value: number; text: string; source?: string }[];
}

const EXPRESSION = /\{\{([\s\S]*?)\}\}/g;
/** A live value or a cross-reference, matched in one pass so line numbers refer to the author's text. */
const TOKEN = /\{\{([\s\S]*?)\}\}|\[@([^\]\s]*)\]/g;
const LIVE_VALUE = /^\s*kpi\.([A-Za-z0-9_.-]+?)\s*(?:\|\s*([a-z]+)\s*)?$/;
const REF_BODY = /^(fig|tab):([a-z0-9][a-z0-9_.-]*)$/;
const FILTERS = ['abs', 'number', 'target', 'targetvalue'] as const;
/** `compare kpi.<id> (target | kpi.<id>) [| form]` */
const COMPARE = /^\s*compare\s+kpi\.([A-Za-z0-9_.-]+?)\s+(target|kpi\.[A-Za-z0-9_.-]+?)\s*(?:\|\s*([a-z]+)\s*)?$/;
/** The words a comparison yields: below, above, equal (after rounding to the shown decimals). */
const COMPARE_FORMS: Record<string, readonly [string, string, string]> = {
  under: ['under', 'over', 'på'],
  enn: ['lavere enn', 'høyere enn', 'lik'],
};
/** `| innenfor` says whether the KPI meets its target, whichever direction the target points. */
const STATUS_FORM = 'innenfor';
const FORM_NAMES = [...Object.keys(COMPARE_FORMS), STATUS_FORM].join(', ');

/** KPI ids a narrative's live values name, so the caller evaluates only those. */
export function liveValueIds(markdown: string): string[] {
  const ids = new Set<string>();
  for (const m of markdown.matchAll(EXPRESSION)) {
    // Stryker disable next-line StringLiteral: the pattern's one group always takes part in a match, so the '' fallback (there for the type checker) is never used.
    const live = LIVE_VALUE.exec(m[1] ?? '');
    if (live?.[1]) ids.add(live[1]);
    // Stryker disable next-line StringLiteral: the pattern's one group always takes part in a match, so the '' fallback (there for the type checker) is never used.
    const cmp = COMPARE.exec(m[1] ?? '');
    if (cmp?.[1]) ids.add(cmp[1]);
    if (cmp?.[2]?.startsWith('kpi.')) ids.add(cmp[2].slice(4));
  }
  return [...ids];
}

function lineOf(text: string, index: number): number {
  let line = 1;
  // Stryker disable next-line EqualityOperator: the character at index starts a token ('{' or '['), never a newline, so counting it as well changes nothing.
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Decimals a target needs to be shown exactly ("< 5 %", "≥ 99,5 %"). */
function targetDecimals(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return Math.min(fraction.length, 4);
}

function formatLive(v: LiveValue & { value: number }, filter: string | null): string {
  if (filter === 'target' && v.target) return formatKpiTarget(v.target, v.unit, targetDecimals(v.target.value));
  if (filter === 'targetvalue' && v.target) return formatKpiValue(v.target.value, v.unit, targetDecimals(v.target.value));
  const value = filter === 'abs' ? Math.abs(v.value) : v.value;
  return filter === 'number' ? formatNumber(value, v.decimals) : formatKpiValue(value, v.unit, v.decimals);
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Raw HTML is never passed through: it is shown as the text the author typed.
    html: (token: Tokens.HTML | Tokens.Tag) =>
      'block' in token && token.block ? `<p>${escapeHtml(token.text)}</p>` : escapeHtml(token.text),
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

/** sanitize-html (a CommonJS package) loads on the first narrative rendered, not with every command. */
let sanitizer: typeof sanitizeHtml | undefined;
function sanitize(dirty: string, options: sanitizeHtml.IOptions): string {
  sanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return sanitizer(dirty, options);
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'sup',
    'sub',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/**
 * Markdown headings go below the section's own heading: the text's highest heading becomes one
 * level below the section, whether the author wrote `#` or `####`; the rest keep their steps.
 */
function shiftHeadings(htmlText: string, headingLevel: number): string {
  const levels = [...htmlText.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
  // Stryker disable next-line ConditionalExpression: without an opening heading there is no closing one either, so the replace below finds nothing to shift.
  if (levels.length === 0) return htmlText;
  const shift = headingLevel + 1 - Math.min(...levels);
  return htmlText.replace(/<(\/?)h([1-6])>/g, (_, slash: string, d: string) => `<${slash}h${Math.min(6, Number(d) + shift)}>`);
}

/** Markdown text with live values and references substituted, plus the problems found. */
function substitute(markdown: string, ctx: NarrativeContext): { text: string; problems: Problem[]; live: RenderedNarrative['liveValues'] } {
  const problems: Problem[] = [];
  const live: RenderedNarrative['liveValues'] = [];
  const where = `Seksjon «${ctx.sectionLabel}» (${ctx.sectionId})`;
  const fail = (index: number, message: string, messageEn: string) =>
    problems.push({
      file: `tekst:${ctx.sectionId}`,
      line: lineOf(markdown, index),
      message: `${where}: ${message}`,
      messageEn: `Section ${ctx.sectionId}: ${messageEn}`,
      severity: 'error',
    });

  /** A known KPI with a value, or a problem (and null). */
  const knownValue = (id: string, whole: string, index: number): (LiveValue & { value: number }) | null => {
    const v = ctx.values.get(id);
    if (!v) {
      fail(index, `nøkkeltallet kpi.${id} i ${whole} finnes ikke`, `unknown live value kpi.${id} in ${whole}`);
      return null;
    }
    if (v.value === null) {
      fail(index, `nøkkeltallet kpi.${id} i ${whole} kan ikke beregnes (ingen data)`, `live value kpi.${id} cannot be computed (no data)`);
      return null;
    }
    return { ...v, value: v.value };
  };
  const liveValue = (whole: string, body: string, index: number): string => {
    const cmp = COMPARE.exec(body);
    if (cmp) return comparison(whole, cmp, index);
    const m = LIVE_VALUE.exec(body);
    if (!m?.[1]) {
      fail(
        index,
        `ukjent uttrykk ${whole}; bruk {{ kpi.<id> }} eller {{ compare kpi.<id> target }}`,
        `unknown expression ${whole}; use {{ kpi.<id> }}`,
      );
      return whole;
    }
    // Stryker disable next-line StringLiteral: this branch is reached only when group 1 matched, so the '' default (there for the type checker) is never used.
    const [, id = '', filter] = m;
    if (filter !== undefined && !(FILTERS as readonly string[]).includes(filter)) {
      fail(
        index,
        `ukjent filter «${filter}» i ${whole} (bruk abs, number, target eller targetvalue)`,
        `unknown filter "${filter}" in ${whole}`,
      );
      return whole;
    }
    const v = knownValue(id, whole, index);
    if (!v) return whole;
    if ((filter === 'target' || filter === 'targetvalue') && !v.target) {
      fail(index, `nøkkeltallet kpi.${id} i ${whole} har ingen indikator (mål)`, `live value kpi.${id} has no target`);
      return whole;
    }
    const shown = formatLive(v, filter ?? null);
    const label = filter === 'target' || filter === 'targetvalue' ? `${v.label ?? id}, indikator` : (v.label ?? id);
    live.push({ kpiId: id, label, filter: filter ?? null, value: v.value, text: shown, ...(v.source ? { source: v.source } : {}) });
    return shown;
  };
  const comparison = (whole: string, m: RegExpExecArray, index: number): string => {
    // Stryker disable next-line StringLiteral: groups 1 and 2 always take part in a match, so their '' defaults are never used (this also leaves out the mutant of the 'under' default, which the tests kill).
    const [, id = '', other = '', form = 'under'] = m;
    if (form !== STATUS_FORM && !COMPARE_FORMS[form]) {
      fail(index, `ukjent form «${form}» i ${whole} (bruk ${FORM_NAMES})`, `unknown comparison form "${form}" in ${whole}`);
      return whole;
    }
    const v = knownValue(id, whole, index);
    if (!v) return whole;
    let against: number;
    let againstLabel = 'indikatoren';
    if (other === 'target') {
      if (!v.target) {
        fail(index, `nøkkeltallet kpi.${id} i ${whole} har ingen indikator (mål) å sammenligne med`, `kpi.${id} has no target`);
        return whole;
      }
      against = v.target.value;
    } else {
      if (form === STATUS_FORM) {
        fail(index, `formen «${STATUS_FORM}» i ${whole} gjelder bare sammenligning med target`, `"${STATUS_FORM}" needs target`);
        return whole;
      }
      const w = knownValue(other.slice(4), whole, index);
      if (!w) return whole;
      against = w.value;
      againstLabel = w.label ?? other.slice(4);
    }
    // Compared as shown: a value printed "5,00 %" is not "under" a target of 5 %.
    const shown = Number(v.value.toFixed(v.decimals));
    const text =
      form === STATUS_FORM
        ? kpiStatus(v.target, shown) === 'met'
          ? 'innenfor'
          : 'utenfor'
        : (COMPARE_FORMS[form] as readonly [string, string, string])[shown < against ? 0 : shown > against ? 1 : 2];
    live.push({
      kpiId: id,
      label: `${v.label ?? id} sammenlignet med ${againstLabel}`,
      filter: `compare ${other}${form === 'under' ? '' : ` | ${form}`}`,
      value: v.value,
      text,
    });
    return text;
  };
  const reference = (whole: string, body: string, index: number): string => {
    const m = REF_BODY.exec(body);
    if (!m) {
      fail(index, `ugyldig kryssreferanse ${whole}; bruk [@fig:<id>] eller [@tab:<id>]`, `malformed cross-reference ${whole}`);
      return whole;
    }
    const target = ctx.refs.get(body);
    if (!target) {
      const what = m[1] === 'fig' ? 'figur' : 'tabell';
      fail(index, `kryssreferansen ${whole} peker ikke på noen ${what} i rapporten`, `broken cross-reference ${whole}`);
      return whole;
    }
    return `[${target.label}](#${target.anchor} "${target.label}")`;
  };
  const text = markdown.replace(TOKEN, (whole: string, expr: string | undefined, ref: string | undefined, index: number) =>
    // Stryker disable next-line StringLiteral: when expr is undefined the reference group matched, so ref is never undefined here.
    expr !== undefined ? liveValue(whole, expr, index) : reference(whole, ref ?? '', index),
  );
  return { text, problems, live };
}

export function renderNarrative(markdown: string, ctx: NarrativeContext): RenderedNarrative {
  const { text, problems, live } = substitute(markdown, ctx);
  const unsafe = marked.parse(text, { async: false });
  const safe = sanitize(shiftHeadings(unsafe, ctx.headingLevel), SANITIZE)
    .replace(/<a href="#((?:fig|tab)-[^"]*)"/g, '<a class="xref" href="#$1"')
    .trim();
  return { html: raw(safe), problems, liveValues: live };
}
