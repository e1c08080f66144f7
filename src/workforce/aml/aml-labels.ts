/** Norwegian labels for rules and cause codes (report, web page and CLI). */
import { formatNumber } from '../../shared/format.ts';
import type { AmlRule, AmlSettings } from './aml-model.ts';

export const RULE_LABELS: Record<AmlRule, string> = {
  rest24: 'Daglig hvile',
  rest7d: 'Ukentlig hvile',
  hoursDay: 'Arbeidstid per døgn',
  hours7d: 'Arbeidstid per uke',
  overtime7d: 'Overtid per uke',
  overtime4w: 'Overtid per 4 uker',
  overtime52w: 'Overtid per 52 uker',
  sundays: 'Søndagsarbeid',
};

/** Cause codes the source systems use, in the wording of the board report. */
export const CAUSE_LABELS: Record<string, string> = {
  firewall: 'Brannmuroppgradering',
  'supplier-change': 'Endring hos leverandør',
  'on-call': 'Bakvakt og utrykning',
  patching: 'Intern patching',
  'project:KAK': 'KAK/LifeX',
  'project:Medielogg': 'Medielogg',
  incident: 'Driftshendelse',
  'staff-shortage': 'Bemanningsmangel',
};

export const NO_CAUSE_LABEL = 'Årsak ikke oppgitt';

export function causeLabel(cause: string | null): string {
  if (cause === null) return NO_CAUSE_LABEL;
  const known = CAUSE_LABELS[cause];
  if (known) return known;
  if (cause.startsWith('project:')) return `Prosjekt ${cause.slice('project:'.length)}`;
  return cause;
}

function h(n: number): string {
  return `${formatNumber(n, 0)}\u00a0t`;
}

/** The legal limit of a rule from the settings, with the limit a dispensation allows: "11 t eller 8 t v/disp.". */
export function ruleLimit(rule: AmlRule, s: AmlSettings): string {
  if (rule === 'sundays') return `annenhver søndag fri eller høyst ${formatNumber(s.sundaysInARow, 0)} på rad v/disp.`;
  if (rule === 'hours7d') return `${h(s.hours7d.normal)} eller ${h(s.hours7d.dispensationWeek)} v/disp.`;
  const pair = s[rule];
  return `${h(pair.normal)} eller ${h(pair.dispensation)} v/disp.`;
}

/** The report footnote: the one reading of the law the figures follow (spec: "prints a short footnote"). */
export function amlFootnote(s: AmlSettings): string {
  return (
    `AML-brudd er beregnet automatisk fra registrerte timelister etter arbeidsmiljøloven kap. 10: ` +
    `daglig hvile minst ${h(s.rest24.normal)} mellom hovedarbeidsperioder, ukentlig hvile minst ${h(s.rest7d.normal)} innen ISO-uken, ` +
    `høyst ${h(s.hoursDay.normal)} per døgn og ${h(s.hours7d.normal)} per uke, overtid høyst ${h(s.overtime7d.normal)} per uke, ` +
    `${h(s.overtime4w.normal)} per 4 uker og ${h(s.overtime52w.normal)} per 52 uker, og annenhver søndag fri. ` +
    `Skriftlige dispensasjoner hever grensene. Overlappende registreringer telles én gang, og et brudd telles i måneden for bruddatoen. ` +
    `«Før korrigering» er tellingen med registreringer kjent ${s.firstCutoff.days}. dag etter månedsslutt kl. ${s.firstCutoff.time}.`
  );
}
