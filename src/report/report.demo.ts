/**
 * The report's demo step (order 90, after every domain has imported its data): stores the demo
 * organisation's template (the default plus the seed report's services and projects) and the May
 * 2025 narratives — the seed report's prose with typos corrected, where computed numbers are live
 * values and figures/tables are cross-references — then builds the report under
 * <dataDir>/rapport/<period>/.
 *
 * The texts adapt to the domains present: a sentence that needs a KPI, figure or table that no
 * domain delivers is left out (or, where the seed states a number no domain computes yet, as for
 * the services, the prose keeps the number a person wrote). So the demo builds whichever domains
 * exist, and a new domain turns prose into live values by providing the KPI.
 */
import { join } from 'node:path';
import { kpiDefinitionsWithData } from '../kpi/registry.ts';
import type { DemoContext, DomainModule } from '../module.ts';
import { formatQuantity } from '../shared/format.ts';
import type { YearMonth } from '../shared/period.ts';
import type { Db } from '../storage/db.ts';
import { buildReport, reportModel } from './build.ts';
import { insertNarrative } from './narratives.queries.ts';
import { pdfToolsMissing } from './pdf.ts';
import { DEFAULT_TEMPLATE } from './template.default.ts';
import { storeTemplate } from './template.queries.ts';
import type { ReportTemplate, TemplateSection } from './template.ts';

/** What the texts may refer to: figure/table ids of the assembled report, KPIs with a value. */
export interface Available {
  fig(id: string): boolean;
  tab(id: string): boolean;
  kpi(id: string): boolean;
}

const services: TemplateSection[] = [
  { id: 'services.control-room', title: 'Kontrollrom og operatørplass' },
  { id: 'services.emergency-network', title: 'Nødnett og radioterminaler' },
  { id: 'services.telephony', title: 'Telefoni', blocks: ['narrative', 'service-status-telefoni'] },
  { id: 'services.video', title: 'Videoløsninger', blocks: ['narrative', 'service-volume-videosamtaler'] },
  {
    id: 'services.data-warehouse',
    title: 'Datavarehus, statistikk og medielogg',
    blocks: ['narrative', 'service-status-crr', 'service-status-nice-express'],
  },
];

/** Each project section: the status sentences (live values), the text, then the project's tables. */
const PROJECT_BLOCKS = ['project-status', 'narrative', 'project-milestones', 'project-defects', 'project-payments', 'project-risks'];
const projects: TemplateSection[] = [
  { id: 'projects.kak', title: 'Ny kommunikasjonsløsning i akuttmedisinsk kjede (KAK)', blocks: PROJECT_BLOCKS },
  { id: 'projects.medielogg', title: 'Medielogg', blocks: PROJECT_BLOCKS },
  { id: 'projects.new-emergency-network', title: 'Nytt nødnett', blocks: PROJECT_BLOCKS },
];

/** The default template with the seed report's risk figures, services and projects. */
export function demoTemplate(): ReportTemplate {
  const t = structuredClone(DEFAULT_TEMPLATE);
  for (const s of t.sections) {
    if (s.id === 'risk') s.blocks = ['risk-above-threshold', 'risk-heatmap-above-threshold', 'risk-heatmap'];
    if (s.id === 'services') s.sections = services;
    if (s.id === 'projects') s.sections = projects;
    for (const c of s.sections ?? []) if (c.id === 'finance.result') c.narrative = 'after';
  }
  return t;
}

const when = (cond: boolean, text: string) => (cond ? text : '');
const para = (...parts: string[]) => parts.filter((p) => p.trim() !== '').join('\n\n');

function riskText(a: Available): string {
  return para(
    when(
      a.kpi('risk.aboveThreshold') && a.fig('risk-heatmap-above-threshold'),
      'Foretaket har {{ kpi.risk.aboveThreshold | number }} åpne risikoer på nivå 8 eller høyere (oransje og rødt nivå), vist i [@fig:risk-heatmap-above-threshold] og omtalt nedenfor.',
    ),
    when(
      a.fig('risk-heatmap'),
      '[@fig:risk-heatmap] viser alle foretakets åpne virksomhetsrisikoer fordelt etter skår på sannsynlighet og konsekvens.',
    ),
  );
}

function financeTexts(a: Available): Record<string, string> {
  return {
    'finance.result': para(
      'Foretaket styrer mot et vesentlig underforbruk i 2025, og vil redusere faktureringen til kundene fra og med august. Foretaket har informert kommunene om dette i et eget brev og eierne gjennom 1. tertialrapport.',
      'Budsjettet er ikke ideelt periodisert, noe som gir vesentlige avvik i starten av året.',
    ),
    'finance.investments': para(
      'KAK- og Medieloggprosjektet vurderes fortsatt å være innenfor handlingsrommet av total prosjektramme. Deler av kostnadene innenfor prosjektrammen er knyttet til milepælspassering og påvirkes av øvrig fremdrift i prosjektene. Per mai 2025 forventes oppstart av avskrivninger i november 2025 for begge prosjekter.',
      '#### Investeringsbudsjett 2025',
      when(
        a.kpi('finance.investments.invoicedYtd') && a.tab('finance-investments'),
        'Hittil i år er det mottatt fakturaer for {{ kpi.finance.investments.invoicedYtd }}, fordelt på investeringsbudsjettene for 2025, 2024 og 2023 i [@tab:finance-investments]. Tabellen viser også investeringsbudsjettet for 2025 og hvor mye HDO forventer å bruke i år.',
      ),
      'En vesentlig andel av fakturaene på 2025-budsjettet forventes mottatt i andre halvår.',
      '#### Investeringsbudsjett 2023/2024',
      `Gjenstående midler på investeringsbudsjettet for 2023 gjelder medielogg og KAK. Av vesentlig karakter gjenstår tre betalingsmilepæler og usikkerhetspåslaget for medielogg. På investeringsbudsjettet for 2024 gjelder gjenstående midler i all hovedsak KAK, der en betalingsmilepæl og usikkerhetspåslaget er de største postene. I tillegg kommer diverse andre investeringer, herunder tilknytning til nødnett, endringsordrer og transmisjon til klienter og datasenter.${when(a.tab('finance-investments-remaining'), ' Beløpene står i [@tab:finance-investments-remaining].')}`,
      '#### Likviditet og lån',
      when(
        a.kpi('finance.liquidity') && a.kpi('finance.liquidity.yearEndForecast'),
        'Likviditeten er solid, og beholdningen av likvide midler per mai er {{ kpi.finance.liquidity }}. Prognosen per årsslutt er {{ kpi.finance.liquidity.yearEndForecast }}.',
      ),
      `På grunn av garantimilepælen i medielogg-prosjektet og bestillingstidspunktet for satsinger og radioterminaler sent i 2025 forventer HDO i tillegg å motta investeringer${when(a.kpi('finance.investments.nextYearQ1'), ' på {{ kpi.finance.investments.nextYearQ1 }}')} i første kvartal 2026.`,
      a.kpi('finance.loans.requested') && a.kpi('finance.loans.firstDisbursement')
        ? `Det er bedt om lån på inntil {{ kpi.finance.loans.requested }} i budsjett 2025. {{ kpi.finance.loans.firstDisbursement }} blir utbetalt i juli 2025, og resterende lån er planlagt utbetalt i desember 2025.${when(a.tab('finance-liquidity'), ' Beløpene står i [@tab:finance-liquidity].')}`
        : `Det er bedt om lån i budsjett 2025. Første del utbetales i juli 2025, og resten er planlagt utbetalt i desember 2025.${when(a.tab('finance-liquidity'), ' Beløpene står i [@tab:finance-liquidity].')}`,
    ),
  };
}

function organisationTexts(a: Available): Record<string, string> {
  return {
    organisation: para(
      '#### Oppsummering av perioden',
      'Foretaket har startet et arbeid med å utvikle en mer strukturert tilnærming til medarbeiderutvikling, med vekt på utvikling av ansatte på individ-, team- og organisasjonsnivå.',
      'På individnivå arbeides det med et nytt format for medarbeidersamtaler, mens det på teamnivå arbeides med å innarbeide en praksis for jevnlig å sette mål og retning for teamutviklingen.',
      a.kpi('figure.survey.responseRate')
        ? 'Medarbeiderundersøkelsen ForBedring er gjennomført med en svarprosent på {{ kpi.figure.survey.responseRate }}, og det arbeides videre med informasjon og oppfølging internt i foretaket.'
        : 'Medarbeiderundersøkelsen ForBedring er gjennomført, og det arbeides videre med informasjon og oppfølging internt i foretaket.',
      'HDO opprettholder arbeidet med rekrutteringer.',
    ),
    'organisation.hiring': para(
      when(
        a.kpi('workforce.hires') && a.kpi('workforce.recruitments.started') && a.tab('workforce-hiring'),
        'Antall ansettelser gjennomført i rapporteringsperioden: {{ kpi.workforce.hires | number }}. Antall rekrutteringer satt i gang i perioden: {{ kpi.workforce.recruitments.started | number }}. Fordelingen på enhet og stilling står i [@tab:workforce-hiring].',
      ),
      when(
        a.kpi('workforce.recruitments.open'),
        'I tillegg har HDO stillinger i pågående prosesser (stillinger under rekruttering ved utgangen av perioden: {{ kpi.workforce.recruitments.open | number }}).',
      ),
      '#### Rekrutteringsprosessen',
      'Det arbeides kontinuerlig med å etablere og videreutvikle en systematisk tilnærming til rekrutteringsprosesser, med vekt på det økonomiske (kost/nytte) og på sikkerhetsmessige forhold. Formålet er å sikre at alle nyansettelser tilfredsstiller nødvendige sikkerhetskrav.',
    ),
    'organisation.sick-leave': para(
      when(
        a.kpi('workforce.sickLeave.total'),
        `For mai er det registrert et sykefravær på {{ kpi.workforce.sickLeave.total }}, {{ compare kpi.workforce.sickLeave.total target | enn }} indikatoren på {{ kpi.workforce.sickLeave.total | target }} per måned.${when(
          a.kpi('workforce.sickLeave.short') && a.kpi('workforce.sickLeave.long') && a.tab('sick-leave-split'),
          ' Korttidsfraværet var {{ kpi.workforce.sickLeave.short }} og langtidsfraværet {{ kpi.workforce.sickLeave.long }} ([@tab:sick-leave-split]).',
        )}`,
      ),
      '- Sykefraværet er merkbart nedadgående.\n- HDO overvåker kontinuerlig det totale sykefraværet, og personallederne har god dialog med de sykmeldte om eventuelle behov for tilrettelegging, arbeidskapasitet og lignende.',
      when(a.fig('sick-leave-trend'), '[@fig:sick-leave-trend] viser utviklingen de siste tolv månedene.'),
    ),
    'organisation.aml': para(
      when(
        a.kpi('workforce.aml.month'),
        'Det ble registrert totalt {{ kpi.workforce.aml.month | number }} AML-brudd i mai, {{ compare kpi.workforce.aml.month target }} indikatoren for perioden ({{ kpi.workforce.aml.month | target }} per måned). Trenden med forholdsvis lavt antall AML-brudd fortsetter til tross for den store arbeidsbelastningen foretaket opplever.',
      ),
      when(
        a.tab('aml-by-rule') && a.tab('aml-by-cause'),
        'Bruddene fordelt på bruddtype står i [@tab:aml-by-rule], og forklaringen på bruddene i [@tab:aml-by-cause].',
      ),
      'Bruddene kan deles i to hovedkategorier:',
      '- I all hovedsak er bruddene knyttet til planlagte aktiviteter som patching, utviklingsarbeid og systemforbedringer. Dette er områder der det i større grad er mulig å planlegge og organisere arbeidet slik at AML-brudd unngås.\n- De øvrige bruddene skyldes manglende AML-dispensasjoner, som er et område foretaket vil se nærmere på.',
      '#### Langsiktige arbeids- og fokusområder for å redusere antall AML-brudd',
      '- Ansettelsen av to nye personalledere har på kort tid gitt en merkbar kapasitetsøkning for tettere medarbeideroppfølging. Det vil gi innsikt til å forbedre rutiner og se nærmere på arbeidsbelastningen i teamene.\n- Foretaket er inne i en hektisk periode med å klargjøre LifeX og Medielogg til pilot, og det vil gi økt arbeidsbelastning. Det vil derfor kreve enda bedre og tettere planlegging og oppfølging av oppgavene som kan planlegges, for å sikre at medarbeiderne ivaretas.\n- Tettere dialog med den enkelte ansatte som har gjentatte brudd.',
      '#### Korrigering av tidligere rapporterte tall',
      `I de foregående virksomhetsrapportene i 2025 er det rapportert feil antall AML-brudd. Korrigeringen har gitt flere AML-brudd i de første fire månedene av året. Årsaken er at ikke alle overtidstimer for en ansatt var godkjent før nylig.${when(a.tab('aml-restatement'), ' [@tab:aml-restatement] viser antall AML-brudd før og etter korrigering.')}`,
      when(a.fig('aml-trend'), '[@fig:aml-trend] viser utviklingen det siste året.'),
    ),
  };
}

function customerTexts(a: Available): Record<string, string> {
  return {
    customers: para(
      'HDO Brukerforum høsten 2025 er planlagt gjennomført som et fysisk heldagsmøte på Gardermoen 18. september 2025. Det mangler fremdeles noe representasjon fra kommunene i brukerforumet, noe som vil bli forsøkt løst sammen med KS.',
      'HDO har stor oppmerksomhet på kundetilfredshet og besvarer jevnlig kundehenvendelser, med mål om å skape et direkte samarbeid med kundene og sørge for gode kundeopplevelser. For å måle faktisk kundeopplevelse vil årets kundetilfredshetsundersøkelse bli gjennomført rett etter sommeren.',
      '#### Initiativer og fokusområder',
      'Kunder og marked har flere aktiviteter som ønskes gjennomført i 2025 og 2026, og som krever planleggingsstart i perioden fremover:',
      '- Planlegge HDO Kunde- og brukerkonferanse 2026.\n- Planlegge HDO Brukerforum høsten 2025 og januar 2026.',
    ),
    'customers.complaints': when(
      a.kpi('service.complaints'),
      'Antall kundeklager mottatt i perioden: {{ kpi.service.complaints | number }}.',
    ),
    'customers.service-desk': para(
      a.kpi('service.desk.serviceLevel')
        ? 'I HDOs tjenesteavtaler er det satt krav om at minst {{ kpi.service.desk.serviceLevel | targetvalue }} av innkommende samtaler skal besvares innen 30 sekunder. I mai ble {{ kpi.service.desk.serviceLevel }} besvart innen fristen, {{ compare kpi.service.desk.serviceLevel target }} målsetningen.'
        : 'I HDOs tjenesteavtaler er det satt krav til hvor stor andel av innkommende samtaler som skal besvares innen 30 sekunder.',
      when(a.fig('servicedesk-answer-rate'), '[@fig:servicedesk-answer-rate] viser utviklingen for HDOs 1. linje måned for måned.'),
      'Innkommende samtaler og svartider overvåkes kontinuerlig for å sikre best mulig bemanning.',
      when(a.kpi('service.desk.asa'), 'Gjennomsnittlig svartid var i mai {{ kpi.service.desk.asa | number }}\u00a0sekunder.'),
      when(
        a.fig('servicedesk-volume'),
        'Se [@fig:servicedesk-volume] for oversikt over totalt antall samtaler til Servicedesk (HDOs 1. linje).',
      ),
    ),
  };
}

function serviceTexts(a: Available): Record<string, string> {
  return {
    'services.control-room': para(
      '#### Oppsummering av perioden',
      'HDO har i perioden tatt i bruk IMW proxy, et sentralt nødnettgrensesnitt levert av DSB, for kontrollrom (ICCS) i Helse Nord. Kontrollrommene (ICCS) i de øvrige helseregionene planlegges migrert til det nye grensesnittet i starten av juni, i tråd med fremdriften i KAK-prosjektet.',
      'HDOs Servicedesk har i perioden tatt i bruk LifeX som ledd i forberedelsene til pilotering av LifeX. Det er i tillegg gjennomført fysiske installasjoner av KAK-pilotene. Piloteringen er planlagt å starte i begynnelsen av juni, og erfaringene skal brukes til å forbedre prosesser og planverk for videre utrulling.',
      'For å unngå kjøp av ny dedikert maskinvare fra Frequentis søkes maskinvare og lisenser som går ut av support, erstattet med tilsvarende komponenter levert av HDO. Slik tar HDO et stadig større ansvar for ICCS-leveransen, i tråd med leveransemodellen for LifeX. Det arbeides fremdeles med å avklare om all maskinvare som går ut av support i ICCS sin levetid, kan erstattes på denne måten, eller om noe må kjøpes fra Frequentis.',
      '#### Driftsstatus og nøkkeltall',
      'Tjenesteleveransene knyttet til kontrollrom er stabile. HDO følger driftsleveransene for kontrollrom tett og vil iverksette relevante tiltak dersom det skulle bli nødvendig.',
    ),
    'services.emergency-network': para(
      '#### Oppsummering av perioden',
      'Arbeidet med allerede igangsatte oppgaver knyttet til oppgradering og omprogrammering av radioterminaler og programmeringsløsninger har fortsatt i perioden.',
      '#### Initiativer og fokusområder',
      'Ingen nye initiativer utover å fullføre allerede iverksatte aktiviteter.',
    ),
    'services.telephony': para(
      '#### Oppsummering av perioden',
      'Hovedfokus i perioden har vært KAK/LifeX, daglig drift og bytte av administrasjonssystem for mobile enheter knyttet til HDOs reserveløsning og mobile enheter som skal brukes i KAK/LifeX.',
      '#### Initiativer og fokusområder',
      'Pilotering av KAK/LifeX med underliggende oppgaver og aktiviteter vil være i fokus også i tiden fremover.',
      '#### Driftsstatus og nøkkeltall',
      when(
        a.kpi('service.availability.telefoni'),
        'Telefoniplattformen har hatt en oppetid på {{ kpi.service.availability.telefoni }} i perioden.',
      ),
    ),
    'services.video': para(
      '#### Oppsummering av perioden',
      'Hovedfokuset har vært drift og forvaltning av dagens to løsninger for videokommunikasjon mellom operatør i AMK- eller legevaktsentral og innringer.',
      'Fordi AMK Vestre Viken har opplevd vedvarende ustabilitet i videostrømmer, har HDO sammen med Sykehuspartner, AMK Vestre Viken og Bliksund (leverandør av SMS-til-video) opprettet en task force med ukentlige møter. Task forcen skal først og fremst kartlegge, identifisere og rette ustabiliteten.',
      'HDO har i perioden arbeidet sammen med Allegra (leverandør av hodekamera) og RealWear (produsent av hodekamera med programvare) med å finne nye løsninger for å forenkle oppkobling og ta i bruk NHNs videomotor. HDO arbeider videre med å finne muligheter for å levere hodekamera til helsetjenesten, som er et viktig verktøy for å løse dagens og fremtidens utfordringer i helse.',
      'HDO bistår med teknisk informasjon om videoløsningen (SNLA) og oppfølging av øvrige tekniske forberedelser, og bistår med å kartlegge behovet for databehandleravtale og brukeravtale, fordi HDO skal drifte Nødchat-løsningen for brann, politi og helse. Utviklingen av Nødchat nærmer seg ferdig, og en pilot som HDO skal drifte, forventes å starte høsten 2025. Nødchat er en videreutvikling av dagens Hjelp 113 Video og tar i bruk ny teknologi som gir en bedre løsning for den akuttmedisinske kjeden.',
      '#### Driftsstatus og nøkkeltall',
      when(
        a.kpi('service.volume.videosamtaler'),
        'Totalt antall gjennomførte videosamtaler for begge videoløsningene i mai: {{ kpi.service.volume.videosamtaler | number }}.',
      ),
      when(a.fig('service-volume-videosamtaler'), '[@fig:service-volume-videosamtaler] viser utviklingen de siste seks månedene.'),
    ),
    'services.data-warehouse': para(
      '#### Oppsummering av perioden',
      'Hovedfokus i perioden har vært testing av HDO Medielogg og forberedelser til pilot; se rapporteringen for Medielogg-prosjektet.',
      '#### Initiativer og fokusområder',
      'HDO har hatt et innledende møte med LAT for å kartlegge LATs behov for bistand til felles virksomhetsrapportering, i henhold til oppdrag ø) i oppdragsdokumentet for 2025.',
      '#### Driftsstatus',
      'Nedetid for statistikkløsningen CRR og Nice Express lydlogg i perioden står under.',
    ),
  };
}

function projectTexts(a: Available): Record<string, string> {
  return {
    'projects.kak': para(
      '#### Status og pågående initiativer',
      'Prosjektet har gjennomført regresjonstest av programvare som skal rette en god del utestående feil som ble oppdaget under akseptansetesten. Regresjonstesten er nå avsluttet, med det resultat at programvaren fortsatt er underkjent. HDO har satt opp en liste over kritiske feil som må rettes før pilot kan starte. Per i dag står det ingen feil på listen som vil stoppe pilot. Utestående feil legges frem for ansvarlige ledere på pilotlokasjonene, slik at de kan gi sitt samtykke til å starte pilot.',
      'Det er i perioden satt opp nye servere for LifeX, slik at live-oppgradering kan gjøres uten nedetid på øvrige tjenester. Basert på erfaringene er det også gjort andre forbedringer i arkitekturen.',
      'Det har i perioden vært fokus på å klargjøre og ferdigstille nødvendig overvåking av nettverkskomponenter tilknyttet LifeX. Overvåkingen vil fortsette i tiden fremover.',
      'Det er laget automatikk for provisjonering og feilretting av mobilklienter i LifeX direkte fra sakshåndteringsverktøyet (JSM), som gir mer effektiv håndtering.',
      'Integrasjonen mellom sakssystemene til HDO, Frequentis og NetNordic er ferdigstilt, slik at feilsaker oppdateres direkte. Det gir mer effektiv håndtering av nye og pågående saker.',
      // The project's risks are in the risk register (tagged with the project) and shown as a table.
      when(a.tab('projects-kak-risks'), 'Prosjektets risikoer står i [@tab:projects-kak-risks].'),
    ),
    'projects.medielogg': para(
      // The milestone move and the defect counts come from the project-status block (live values).
      when(a.tab('projects-medielogg-milestones'), 'Milepælene står i [@tab:projects-medielogg-milestones].'),
      when(a.tab('projects-medielogg-defects'), 'Åpne feil per klasse står i [@tab:projects-medielogg-defects].'),
      'En ny A-feil ble avdekket i sluttfasen av CAT-testingen. Feilen påvirker SIPREC-integrasjonen mellom LifeX og Medielogg og gir manglende lyd på opptak under visse forutsetninger. Konsekvensen er at integrasjonen ikke kan brukes under pilot.',
      'Feilen er funnet i meldingsflyten fra LifeX, og Frequentis arbeider med å rette den. Inntil leverandørene er enige om feilårsaken og rettingen er på plass, opprettholdes observasjonen som en A-feil.',
      'HDO arbeider sammen med leverandøren om en kortsiktig løsning der opptak av samtalen kopieres ut fra LifeX sin korttidslydlogg og importeres i Medielogg. Løsningen er per mai ikke ferdigstilt, men design og utvikling er i gang, og konseptet for innlasting i Medielogg er testet.',
      'Prosjektet arbeider med å implementere den kortsiktige løsningen, slik at pilot kan starte i begynnelsen av juni i henhold til gjeldende fremdriftsplan. Produksjonsdata fra pilotene lagres midlertidig i LifeX til importfunksjonen er ferdigstilt.',
      'HDO Kundeportal er satt opp på servere i HDOCloud og publiseres når Medielogg blir operativ. Konseptet gir mer automatikk, effektivitet og oversikt for både interne og eksterne brukere.',
      '#### Gevinstrealisering',
      'Når implementeringen er ferdig, vil produktteamet ha oversikt over hvilke grenseflater Medielogg får mot andre systemer. Det gir HDO mulighet til å identifisere nye gevinster i form av kunder og systemer som trenger logging. Per i dag er det fokus på følgende systemer mot leverandør:',
      '- LifeX (KAK): Teknisk integrasjon er gjennomført og testet. Justeringer knyttet til metadata kartlegges.\n- Videoløsninger levert fra HDO eller NHN: Det er startet dialog og avtalt møte med NHN, med mål om en integrasjon mellom NHNs videomotor og Medielogg. Det vil kunne gi mulighet for logging av videosamtaler og av video fra kroppsbårne enheter og enheter i ambulanser.\n- Reservetelefoni fra Zisson: Dialog med produktteamet er opprettet, og eksempelfiler er hentet ut. Arbeidet med kartlegging og implementering er ikke startet.',
    ),
    'projects.new-emergency-network': para(
      '#### Status og pågående initiativer',
      'HDO bistår Direktoratet for samfunnssikkerhet og beredskap (DSB) i prosjektet nytt nødnett, som i perioden har fortsatt arbeidet med å:',
      '**Sikre investeringsbeslutning.** I perioden har fokus vært å planlegge og gjennomføre nødvendige aktiviteter før den formelle KS2-prosessen kan starte, blant annet med utgangspunkt i tilbakemeldinger fra ekstern kvalitetssikrer på tilleggsspørsmålene som prosjektet mottok og besvarte tidligere i vår. Mye av dette innebærer i praksis å oppdatere det sentrale styringsdokumentet (SSD). HDO har i forbindelse med dette startet kvalitetssikring av basisestimatene for driftsorganisasjonenes kostnader ved innføring av nytt nødnett.',
      '**Forberede anskaffelser.** Helsetjenesten bidrar med både fag- og tekniske ressurser og operative sluttbrukere i de parallelle arbeidssporene. HDO stiller også med tjenestedesignkompetanse og bistår på tvers av anskaffelsene i arbeidet med å utvikle brukerscenarioer som skal kommunisere prosjektets behov overfor leverandørene.',
      '**Etablere en arena for test og utvikling.** Sammen med DSB og de andre nødetatene har foretaket utarbeidet forslag til styring og organisering av test- og utviklingsaktiviteter, med mål om å etablere en testrigg som skal redusere risikoen i gjennomføringsfasen og som er godt koordinert med øvrige prosjektaktiviteter.',
      '**Forberede gjennomføringsfasen etter at SSD er ferdigstilt og investeringsbeslutning fattet.** Som tidligere rapportert er HDO i løpende dialog med interessenter og aktører i helsetjenesten og den akuttmedisinske kjeden, med mål om å koordinere, informere og forberede det videre arbeidet med å etablere en egen prosjektorganisasjon for innføringsprosjektet i helse. Dette blir en av hovedaktivitetene høsten 2025, da et ferdig forslag til prosjektorganisering skal utarbeides. Nødetatene samarbeider tett om dette for å sikre harmonisering på tvers der det er hensiktsmessig.',
      'Utover bidraget i DSBs prosjekt nytt nødnett har foretaket videreført kartleggingen av kommunikasjonsbehovene hos helsetjenestens mulige utvidede brukergrupper (hjemmetjeneste, nødnett i sykehus, og rus og psykiatri). I mai er det gjennomført nye innsiktsreiser som vil berike innsikten HDO allerede har, og som senere skal danne grunnlag for anbefalinger om hvordan disse brukergruppenes kommunikasjonsbehov bør dekkes.',
      'Flere fra helses ressursgruppe i nytt nødnett deltok i perioden på EUCCS-øvelsen (European Critical Communication System Preparation) i Stockholm. EUCCS arbeider for sømløs nødkommunikasjon på tvers av landegrenser, med vekt på sammenkobling av teknologi og harmonisering av operative prosedyrer. På øvelsen deltok nødetatene brann, politi og helse fra flere land, i tillegg til ulike myndighets- og forvaltningsnivåer. Fra Norge var Politiets IT-enhet (PIT), Politidirektoratet (POD), Helsedirektoratet (Hdir) og HDO representert, i tillegg til en operativ sluttbruker fra ambulansetjenesten i Oslo som deltok som spiller i øvelsen.',
    ),
  };
}

/** Every demo narrative for the period, keyed by section id. */
export function demoNarratives(a: Available): Record<string, string> {
  const all: Record<string, string> = {
    risk: riskText(a),
    ...financeTexts(a),
    ...organisationTexts(a),
    ...customerTexts(a),
    ...serviceTexts(a),
    ...projectTexts(a),
  };
  return Object.fromEntries(Object.entries(all).filter(([, md]) => md.trim() !== ''));
}

/** Which figures, tables and KPIs the domains deliver for the period (a build without texts). */
export async function availability(
  deps: { db: Db; domains: readonly DomainModule[]; organisation: string },
  period: YearMonth,
  compiledAt: string,
) {
  const model = await reportModel(
    { config: { organisationName: deps.organisation, chromiumPath: '' }, db: deps.db, domains: deps.domains },
    { period, compiledAt, narratives: new Map() },
  );
  const kpis = new Set<string>();
  for (const { definition: k } of await kpiDefinitionsWithData(deps.domains, deps.db)) {
    if ((await k.compute({ db: deps.db, period, knownAt: compiledAt })) !== null) kpis.add(k.id);
  }
  const figs = new Set(model.figures.map((f) => f.block.id));
  const tabs = new Set(model.tables.map((t) => t.block.id));
  return { fig: (id: string) => figs.has(id), tab: (id: string) => tabs.has(id), kpi: (id: string) => kpis.has(id) } satisfies Available;
}

export async function reportDemo(ctx: DemoContext): Promise<void> {
  const at = new Date().toISOString();
  await storeTemplate(ctx.db, demoTemplate(), 'demo', at);
  if (!ctx.config || !ctx.domains) {
    ctx.log('Rapportmalen er lagret; tekstene og rapporten lages ikke fordi demo-kjøreren ikke ga konfigurasjon og domeneliste.');
    return;
  }
  const available = await availability({ db: ctx.db, domains: ctx.domains, organisation: ctx.config.organisationName }, ctx.period, at);
  const texts = demoNarratives(available);
  for (const [sectionId, markdown] of Object.entries(texts)) {
    await insertNarrative(ctx.db, { period: ctx.period, sectionId, markdown, author: 'demo', createdAt: at });
  }
  const outDir = join(ctx.config.dataDir, 'rapport', ctx.period);
  const missing = await pdfToolsMissing(ctx.config.chromiumPath);
  if (missing) ctx.log(`  ${missing}`);
  const result = await buildReport({ config: ctx.config, db: ctx.db, domains: ctx.domains }, { period: ctx.period, outDir, pdf: !missing });
  ctx.log(
    `Rapporten for ${ctx.period}: ${formatQuantity(Object.keys(texts).length, 'tekst', 'tekster')}, ${formatQuantity(result.model.figures.length, 'figur', 'figurer')}, ${formatQuantity(result.model.tables.length, 'tabell', 'tabeller')}; bygget i ${outDir}.`,
  );
}
