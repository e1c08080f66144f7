/** The service domain's settings (service-metrics.md marks the SL threshold and short-abandon limit as settings). */
import type { KpiTarget } from '../kpi/kpi.ts';

export interface ServiceSettings {
  /** Seconds: answered within this wait count towards the service level (T). */
  thresholdSeconds: number;
  /** Seconds: unanswered calls with wait ≤ this are short abandons, excluded from every count. */
  shortAbandonSeconds: number;
  /** Service-level target of the service desk. */
  serviceLevelTarget: KpiTarget;
  /** Availability target applied to every service's KPI. */
  availabilityTarget: KpiTarget;
  /** Queues the report's service-desk figures use; empty = all queues. */
  deskQueues: string[];
  /** Services with an availability KPI, `service.availability.<slug of the name>` (the organisation's list). */
  availabilityServices: string[];
  /** Monthly volume figures in the report: block `service-volume-<slug of service>`. */
  volumeFigures: { service: string; label: string; months: number }[];
}

export const DEFAULT_SERVICE_SETTINGS: Readonly<ServiceSettings> = Object.freeze<ServiceSettings>({
  thresholdSeconds: 30,
  shortAbandonSeconds: 5,
  serviceLevelTarget: { op: '>=', value: 80 },
  availabilityTarget: { op: '>=', value: 99.9 },
  deskQueues: [],
  availabilityServices: ['Telefoni', 'CRR', 'Nice Express'],
  volumeFigures: [{ service: 'Videosamtaler', label: 'gjennomførte videosamtaler', months: 6 }],
});

/** "Nice Express" → "nice-express": the KPI id part of a service name. */
export function serviceSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
