/** The service domain (kundeservice og tjenester): service-desk calls, availability, volumes and complaints. */
import type { DomainModule } from '../module.ts';
import { outagesImporter, serviceHoursImporter } from './availability/availability.import.ts';
import { callsImporter } from './calls/calls.import.ts';
import { queueLogImporter } from './calls/queue-log.import.ts';
import { complaintsImporter } from './complaints/complaints.import.ts';
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from './service-settings.ts';
import { volumesImporter } from './volumes/volumes.import.ts';

export const serviceImporters = [
  queueLogImporter,
  callsImporter,
  outagesImporter,
  serviceHoursImporter,
  volumesImporter,
  complaintsImporter,
];

export function serviceModule(_settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS): DomainModule {
  return {
    id: 'service',
    importers: serviceImporters,
  };
}

export const service: DomainModule = serviceModule();
