/**
 * The default section tree of the monthly report (specs/report.md §1). Block ids name the
 * ReportBlockProviders of the domains; a slot whose block no domain provides is left out of the
 * document and listed as a warning by `report build`. Services and projects are organisation
 * specific: an organisation's template adds one subsection per service / project.
 */
import type { ReportTemplate } from './template.ts';

export const DEFAULT_TEMPLATE: ReportTemplate = {
  title: 'Virksomhetsrapport',
  sections: [
    {
      id: 'risk',
      title: 'Ledelsens gjennomgang virksomhetsrisiko',
      blocks: ['risk-above-threshold', 'risk-heatmap'],
    },
    {
      id: 'finance',
      title: 'Økonomi',
      narrative: 'none',
      sections: [
        { id: 'finance.result', title: 'Resultat', blocks: ['finance-result', 'finance-deviations', 'finance-restatement'] },
        { id: 'finance.forecast', title: 'Prognose', blocks: ['finance-forecast'] },
        { id: 'finance.investments', title: 'Investeringer, likviditet og lån', blocks: ['finance-investments', 'finance-liquidity'] },
        { id: 'finance.receivables', title: 'Kundefordringer', blocks: ['finance-receivables'] },
      ],
    },
    {
      id: 'organisation',
      title: 'Organisatoriske forhold',
      sections: [
        { id: 'organisation.hiring', title: 'Ansettelser og rekruttering', blocks: ['workforce-hiring'] },
        {
          id: 'organisation.sick-leave',
          title: 'Sykefravær',
          blocks: ['sick-leave-kpis', 'narrative', 'sick-leave-split', 'sick-leave-trend', 'sick-leave-restatement'],
        },
        {
          id: 'organisation.aml',
          title: 'Brudd på arbeidsmiljøloven (AML-brudd)',
          blocks: ['aml-kpis', 'narrative', 'aml-by-rule', 'aml-by-cause', 'aml-restatement', 'aml-trend'],
        },
      ],
    },
    {
      id: 'customers',
      title: 'Kunder og marked',
      sections: [
        { id: 'customers.complaints', title: 'Kundeklager', blocks: ['complaints-kpis'] },
        {
          id: 'customers.service-desk',
          title: 'Svartid servicedesk',
          blocks: ['servicedesk-kpis', 'narrative', 'servicedesk-answer-rate', 'servicedesk-volume'],
        },
      ],
    },
    { id: 'services', title: 'Rapportering per tjeneste', blocks: ['service-availability'] },
    { id: 'projects', title: 'Prosjekter', blocks: ['projects-overview'] },
  ],
};
