/**
 * The report's life cycle: draft → in review → approved → published. A published edition is
 * frozen; `revise` opens the next numbered version as a new draft. Pure rules here; storage in
 * workflow.queries.ts.
 */
import { AppError } from '../shared/errors.ts';
import { type ReportStatus, STATUS_LABELS } from './model.ts';

export type WorkflowAction = 'submit' | 'approve' | 'reject' | 'publish' | 'revise';

export const ACTIONS: Readonly<Record<WorkflowAction, { from: readonly ReportStatus[]; to: ReportStatus; label: string }>> = {
  submit: { from: ['draft'], to: 'in-review', label: 'Send til gjennomgang' },
  approve: { from: ['in-review'], to: 'approved', label: 'Godkjenn' },
  reject: { from: ['in-review', 'approved'], to: 'draft', label: 'Send tilbake til utkast' },
  publish: { from: ['approved'], to: 'published', label: 'Publiser' },
  revise: { from: ['published'], to: 'draft', label: 'Lag ny versjon' },
};

export function isWorkflowAction(text: string): text is WorkflowAction {
  return Object.hasOwn(ACTIONS, text);
}

/** The status after `action`, or CONFLICT naming the current status. */
export function nextStatus(current: ReportStatus, action: WorkflowAction): ReportStatus {
  const rule = ACTIONS[action];
  if (!rule.from.includes(current)) {
    const allowed = rule.from.map((s) => STATUS_LABELS[s].toLowerCase()).join(' eller ');
    throw new AppError(
      'CONFLICT',
      `Kan ikke «${rule.label.toLowerCase()}»: rapporten er ${STATUS_LABELS[current].toLowerCase()}, må være ${allowed}`,
      { details: { status: current, action } },
    );
  }
  return rule.to;
}

/** Narratives can be edited only in a draft: what is reviewed and approved is what is published. */
export function assertEditable(status: ReportStatus): void {
  if (status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      `Teksten kan ikke endres: rapporten er ${STATUS_LABELS[status].toLowerCase()}. ${
        status === 'published' ? 'Lag en ny versjon først (report revise).' : 'Send den tilbake til utkast først (report reject).'
      }`,
      { details: { status } },
    );
  }
}
