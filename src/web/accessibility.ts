/**
 * The accessibility statement (tilgjengelighetserklæring) at /tilgjengelighet, generated from
 * AUTOMATED_CHECKS: the list of what the test suite verifies, each naming the test that does it
 * (src/web/accessibility.test.ts keeps the names true). What a person must still check is listed too.
 */
import type { Config } from '../config.ts';
import { html, type SafeHtml } from './html.ts';

export interface AccessibilityCheck {
  /** WCAG 2.1 success criteria, e.g. ["1.4.3"]. */
  criteria: readonly string[];
  /** What is checked, in Norwegian. */
  text: string;
  /** The test file that checks it (relative to the repository root). */
  test: string;
}

export const AUTOMATED_CHECKS: readonly AccessibilityCheck[] = [
  {
    criteria: ['WCAG 2.0/2.1 A og AA'],
    text: 'Alle sider serveren har registrert, med demodata, tomme perioder, skjemaer sendt med feil og siden for ukjent adresse, kontrolleres med axe-core i Chromium. Én feil stopper testene.',
    test: 'test/browser/a11y-pages.test.ts',
  },
  {
    criteria: ['1.4.10'],
    text: 'Sidene kan leses i 320 piksler bredde uten vannrett rulling; brede tabeller ruller i sitt eget merkede område.',
    test: 'test/browser/a11y-keyboard.test.ts',
  },
  {
    criteria: ['2.4.1'],
    text: 'Lenken «Hopp til hovedinnhold» er første stopp med tabulatortasten.',
    test: 'test/browser/a11y-keyboard.test.ts',
  },
  {
    criteria: ['2.4.7', '1.4.11'],
    text: 'Fokusmarkeringen synes og har kontrast minst 3:1 mot bakgrunnen der den står.',
    test: 'test/browser/a11y-keyboard.test.ts',
  },
  {
    criteria: ['3.2.2'],
    text: 'Periodevelgeren bytter ikke side når du blar i den med piltastene; den bytter på knappen «Vis» eller Enter.',
    test: 'test/browser/a11y-keyboard.test.ts',
  },
  {
    criteria: ['3.3.1', '3.3.3'],
    text: 'Når et skjema sendes med feil, får feiloppsummeringen fokus, og lenkene i den fører til feltene.',
    test: 'test/browser/a11y-keyboard.test.ts',
  },
  {
    criteria: ['1.4.3', '1.4.11', '1.4.1'],
    text: 'Tekst og grafiske elementer i diagrammene har kontrast minst 4,5:1 (tekst) og 3:1 (grafikk), og seriene skilles også med form eller tekst, ikke bare farge.',
    test: 'src/web/charts.test.ts',
  },
  {
    criteria: ['1.3.1', '1.1.1', '2.4.2', '3.1.1'],
    text: 'Rapporten som PDF er merket (tagget), har dokumentspråk norsk bokmål, tittel, bokmerker for hvert hovedkapittel, alternativ tekst på hver figur og overskriftsrad på hver tabell.',
    test: 'test/report-pdf-a11y.test.ts',
  },
];

export const MANUAL_CHECKS: readonly string[] = [
  'Om tekstene i rapporten og på sidene er klare og forståelige (3.1.5 er ikke et krav, men målet).',
  'Om alternativtekster og figurtekster beskriver det viktigste i diagrammene.',
  'Bruk med skjermleser (NVDA, VoiceOver) og forstørrelse gjennom en hel arbeidsflyt.',
  'Om leserekkefølgen i PDF-en stemmer med den visuelle rekkefølgen.',
  'API-dokumentasjonen (/api/docs) er på engelsk og kontrolleres med axe-core, men ikke med skjermleser.',
];

export function accessibilityStatementBody(config: Pick<Config, 'organisationName' | 'accessibilityContact'>): SafeHtml {
  const contact = config.accessibilityContact
    ? html`<p>Finner du innhold som ikke er tilgjengelig, kontakt oss: ${config.accessibilityContact}.</p>`
    : html`<p>Finner du innhold som ikke er tilgjengelig, kontakt ${config.organisationName}.</p>`;
  return html`<p>${config.organisationName} bruker Styrerom til virksomhetsrapporten og styrets oversikt. Løsningen skal oppfylle
<a href="https://www.w3.org/Translations/WCAG21-no/">WCAG 2.1</a> nivå A og AA, slik forskrift om universell utforming av IKT krever.</p>
<h2>Dette kontrolleres automatisk ved hver endring</h2>
<ul>${AUTOMATED_CHECKS.map((c) => html`<li>${c.text} <span class="muted">(Suksesskriterium ${c.criteria.join(', ')})</span></li>`)}</ul>
<h2>Dette må en person vurdere</h2>
<ul>${MANUAL_CHECKS.map((t) => html`<li>${t}</li>`)}</ul>
<h2>Kontakt</h2>
${contact}
<p>Du kan også melde fra til <a href="https://www.uutilsynet.no/">Tilsynet for universell utforming av IKT</a>.</p>`;
}
