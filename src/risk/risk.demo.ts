/**
 * Demo raw data for the risk register: the demo organisation's enterprise risks and their monthly
 * assessments January–May 2025, written as the two import files and read through the real
 * importers. This is the ONE place where the seed report's risks (OR-631, OR-821, their titles and
 * status texts) appear; the engine computes everything else (which risks are at or above the
 * threshold, their order, the heat map) from these rows.
 */

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoContext } from '../module.ts';
import { AppError } from '../shared/errors.ts';
import { formatQuantity } from '../shared/format.ts';
import { type Cell, toCsv } from './risk.export.ts';

interface DemoRisk {
  id: string;
  title: string;
  description: string;
  owner: string;
  category: string;
  opened: string;
  closed?: string;
  /** [P, C] for January–May 2025; null where no assessment was made that month. */
  scores: ([number, number] | null)[];
  /** Status text per month; a shorter list repeats its last text. */
  status: string[];
}

const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
const ASSESSED_ON = ['2025-01-27', '2025-02-24', '2025-03-24', '2025-04-28', '2025-05-26'];

const RISKS: DemoRisk[] = [
  {
    id: 'OR-512',
    title: 'Risiko for brudd i nødnettstilknytningen til AMK-sentralene ved feil i transmisjon',
    description: 'Enkeltpunkter i transmisjonen kan gi tap av nødnett på en AMK-sentral.',
    owner: 'Driftssjef',
    category: 'operations',
    opened: '2024-03-12',
    scores: [
      [2, 5],
      [2, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    status: [
      'Redundant transmisjon er bestilt for de tre sentralene som mangler den.',
      'Redundant transmisjon er under etablering; to av tre sentraler er ferdige.',
      'Redundant transmisjon er etablert for alle sentraler. Sannsynligheten er redusert.',
      'Ingen hendelser i perioden. Risikoen følges opp i driftsmøtet.',
    ],
  },
  {
    id: 'OR-547',
    title: 'Risiko for manglende kapasitet i servicedesk ved høy pågang',
    description: 'Store hendelser kan gi flere henvendelser enn servicedesk kan besvare innen 30 sekunder.',
    owner: 'Leder servicedesk',
    category: 'operations',
    opened: '2024-05-02',
    scores: [
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
    ],
    status: ['Svartiden er innenfor målet. Beredskapsvakt kan kalles inn ved store hendelser.'],
  },
  {
    id: 'OR-588',
    title: 'Risiko for at løsepengevirus eller annen skadevare rammer driftsmiljøet',
    description: 'Et vellykket angrep kan stanse fagsystemer og støttesystemer.',
    owner: 'Sikkerhetsleder',
    category: 'security',
    opened: '2023-11-20',
    scores: [
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
    ],
    status: [
      'Segmentering og sikkerhetskopier er testet. Patching følger fastsatt plan.',
      'Brannmuren er oppgradert. Segmentering og sikkerhetskopier er testet.',
    ],
  },
  {
    id: 'OR-602',
    title: 'Risiko for brudd på arbeidsmiljøloven ved bakvakt og utrykning',
    description: 'Utrykninger utenom arbeidstid kan gi brudd på hviletidsbestemmelsene.',
    owner: 'HR-sjef',
    category: 'personnel',
    opened: '2024-06-17',
    scores: [
      [3, 2],
      [3, 2],
      [3, 2],
      [2, 2],
      [2, 2],
    ],
    status: [
      'Bakvaktordningen er under revisjon. Bruddene følges opp månedlig.',
      'Ny bakvaktordning er innført fra april. Antall brudd er redusert.',
    ],
  },
  {
    id: 'OR-615',
    title: 'Risiko for tap av nøkkelkompetanse på nødnett og kommunikasjonsløsninger',
    description: 'Få personer har dyp kompetanse på nødnett og ny kommunikasjonsløsning.',
    owner: 'HR-sjef',
    category: 'personnel',
    opened: '2024-02-05',
    scores: [
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
    ],
    status: ['Kompetanseplan er etablert. To nye årsverk i Team Nødnettstjenester reduserer sårbarheten.'],
  },
  {
    id: 'OR-631',
    title:
      'Risiko for økte kostnader i 2026 hvis innføring av LifeX/utfasing av ICCS på AMK-sentralene ikke kan gjennomføres som følge av avhengigheter til AMK-IKT-prosjektet',
    description: 'Innføringsplanen for KAK avhenger av fremdriften i AMK-IKT-prosjektet.',
    owner: 'Økonomidirektør',
    category: 'economy',
    opened: '2024-10-14',
    scores: [
      [3, 4],
      [3, 4],
      [3, 4],
      [3, 4],
      [3, 4],
    ],
    status: [
      'Risikoen er adressert i KAK sitt prosjektstyre og i dialog med AMK-IKT-prosjektet. Formålet er å avklare avhengighetene mellom prosjektene sine innføringsplaner.',
      'Som tidligere rapportert er risikoen adressert i KAK sitt prosjektstyre og i dialog med AMK-IKT-prosjektet.\n\nPer februar 2025 pågår fortsatt disse avklaringene.',
      'Som tidligere rapportert er risikoen adressert i KAK sitt prosjektstyre og i dialog med AMK-IKT-prosjektet.\n\nPer mars 2025 pågår fortsatt disse avklaringene.',
      'Som tidligere rapportert er risikoen adressert i KAK sitt prosjektstyre og i dialog med AMK-IKT-prosjektet.\n\nPer april 2025 pågår fortsatt disse avklaringene.',
      'Som tidligere rapportert er risikoen adressert i KAK sitt prosjektstyre og i dialog med AMK-IKT-prosjektet. Formålet var å avklare avhengighetene mellom prosjektene sine innføringsplaner.\n\nPer mai 2025 pågår fortsatt disse avklaringene.',
    ],
  },
  {
    id: 'OR-644',
    title: 'Risiko for forsinket utfasing av eldre radioterminaler',
    description: 'Leveranser av nye radioterminaler kan bli forsinket.',
    owner: 'Fagsjef nødnett',
    category: 'delivery',
    opened: '2024-08-26',
    scores: [
      [2, 2],
      [2, 2],
      [2, 2],
      [2, 2],
      [2, 2],
    ],
    status: ['Bestilling er planlagt sent i 2025. Ingen endring i perioden.'],
  },
  {
    id: 'OR-678',
    title: 'Risiko for at videokonseptet ikke tas i bruk i alle AMK-områder',
    description: 'Ulik lokal praksis kan gi lav bruk av video i noen områder.',
    owner: 'Fagsjef video',
    category: 'delivery',
    opened: '2024-09-09',
    scores: [
      [3, 2],
      [3, 2],
      [3, 2],
      [3, 2],
      [3, 2],
    ],
    status: ['Bruken øker jevnt. Opplæring gjennomføres i områdene med lavest bruk.'],
  },
  {
    id: 'OR-702',
    title: 'Risiko for svikt i lydloggen før ny medielogg er i drift',
    description: 'Dagens lydlogg nærmer seg slutten av sin levetid.',
    owner: 'Driftssjef',
    category: 'operations',
    opened: '2024-11-04',
    scores: [
      [3, 3],
      [3, 3],
      [2, 3],
      [2, 3],
      [2, 3],
    ],
    status: [
      'Supportavtalen for dagens lydlogg utløper før ny medielogg er i drift.',
      'Supportavtalen for dagens lydlogg er forlenget ut 2025. Sannsynligheten er redusert.',
    ],
  },
  {
    id: 'OR-733',
    title: 'Risiko for økte lisenskostnader ved reforhandling av Microsoft-avtalen',
    description: 'Ny avtale kan gi høyere lisenskostnader enn budsjettert.',
    owner: 'Økonomidirektør',
    category: 'economy',
    opened: '2024-10-01',
    closed: '2025-03-18',
    scores: [[3, 3], [2, 3], [1, 3], null, null],
    status: [
      'Forhandlingene pågår.',
      'Forhandlingene er i sluttfasen.',
      'Ny avtale er inngått på bedre vilkår enn budsjettert. Risikoen lukkes.',
    ],
  },
  {
    id: 'OR-756',
    title: 'Risiko for at lydopptak utleveres uten rettslig grunnlag',
    description: 'Utlevering av lydopptak krever hjemmel og sporbarhet.',
    owner: 'Personvernombud',
    category: 'compliance',
    opened: '2024-04-15',
    scores: [
      [1, 4],
      [1, 4],
      [1, 4],
      [1, 4],
      [1, 4],
    ],
    status: ['Rutinen for utlevering er revidert. Ingen avvik i perioden.'],
  },
  {
    id: 'OR-790',
    title: 'Risiko for at medielogg ikke blir godkjent innen ny frist for akseptansetest',
    description: 'Feil funnet i akseptansetesten kan forsinke godkjenningen ytterligere.',
    owner: 'Prosjekteier medielogg',
    category: 'delivery',
    opened: '2024-12-02',
    scores: [
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
      [2, 3],
    ],
    status: [
      'Akseptansetesten pågår. Leverandøren retter feil fortløpende.',
      'Slutt på akseptansetesten er flyttet til september. Leverandøren retter feil fortløpende.',
    ],
  },
  {
    id: 'OR-804',
    title: 'Risiko for redusert likviditet ved forsinket låneutbetaling',
    description: 'Investeringer i andre halvår forutsetter låneopptak.',
    owner: 'Økonomidirektør',
    category: 'economy',
    opened: '2025-01-08',
    scores: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    status: ['Likviditeten er god. Lånet er planlagt utbetalt i to trinn.'],
  },
  {
    id: 'OR-821',
    title: 'Risiko for forsinkelser i KAK-prosjektet som følge av at LifeX-leveransen ikke blir godkjent',
    description: 'Godkjenning av LifeX er en forutsetning for innføring på AMK-sentralene.',
    owner: 'Prosjekteier KAK',
    category: 'delivery',
    opened: '2025-02-10',
    scores: [null, [3, 3], [4, 3], [4, 3], [3, 3]],
    status: [
      '',
      'Regresjonstesten av LifeX er ikke godkjent. Frequentis retter feilene som er avdekket.',
      'Nye feil er avdekket i regresjonstesten. Frequentis har lagt fram en plan for feilretting.',
      'Regresjonstesten pågår fortsatt. Frequentis retter feil fortløpende, men flere feil gjenstår før løsningen kan godkjennes.',
      'Før innføring gjennomføres godkjenning av kommunikasjonsløsningen LifeX. Kontrakten mellom HDO og Frequentis er tydelig på kvalitetskriteriene for at HDO skal kunne godkjenne løsningen. Frequentis leverer fortløpende feilrettinger for feil som avdekkes av HDO.',
    ],
  },
  {
    id: 'OR-838',
    title: 'Risiko for strømbrudd i datasenter uten tilstrekkelig reservekraft',
    description: 'Reservekraften er ikke testet under full last.',
    owner: 'Driftssjef',
    category: 'operations',
    opened: '2025-05-06',
    scores: [null, null, null, null, [1, 4]],
    status: ['Fulllasttest av reservekraft er bestilt hos leverandøren.'],
  },
];

export function demoRisksTable(): { name: string; columns: string[]; rows: Cell[][] } {
  return {
    name: 'risks',
    columns: ['id', 'title', 'description', 'owner', 'category', 'scope', 'opened', 'closed'],
    rows: RISKS.map((r) => [r.id, r.title, r.description, r.owner, r.category, 'enterprise', r.opened, r.closed ?? null]),
  };
}

export function demoAssessmentsTable(): { name: string; columns: string[]; rows: Cell[][] } {
  const rows: Cell[][] = [];
  for (const r of RISKS) {
    r.scores.forEach((pc, i) => {
      if (!pc) return;
      const status = r.status[Math.min(i, r.status.length - 1)] ?? '';
      rows.push([r.id, MONTHS[i] ?? '', pc[0], pc[1], status, r.owner, ASSESSED_ON[i] ?? '', `${ASSESSED_ON[i]}T13:00:00.000Z`]);
    });
  }
  return {
    name: 'risk-assessments',
    columns: ['risk_id', 'period', 'probability', 'consequence', 'status_text', 'assessed_by', 'assessed_at', 'recorded_at'],
    rows,
  };
}

export async function runRiskDemo(ctx: DemoContext): Promise<void> {
  const risksPath = join(ctx.dir, 'risks.csv');
  const assessmentsPath = join(ctx.dir, 'risk-assessments.csv');
  await writeFile(risksPath, toCsv(demoRisksTable()));
  await writeFile(assessmentsPath, toCsv(demoAssessmentsTable()));
  for (const [kind, path] of [
    ['risks', risksPath],
    ['risk-assessments', assessmentsPath],
  ] as const) {
    const result = await ctx.importFile(kind, path);
    if (result.status === 'failed') {
      throw new AppError('IMPORT_FAILED', `Demo: import av ${kind} feilet (demo import failed)`, { problems: result.problems });
    }
    ctx.log(`risiko: ${kind} ${result.status === 'duplicate' ? 'allerede importert' : formatQuantity(result.rowCount, 'rad', 'rader')}`);
  }
}
