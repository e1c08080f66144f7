/** The service domain (kundeservice og tjenester): service-desk calls, availability, volumes and complaints. */
import type { DomainModule } from '../module.ts';
import { outagesImporter, serviceHoursImporter } from './availability/availability.import.ts';
import { callsImporter } from './calls/calls.import.ts';
import { queueLogImporter } from './calls/queue-log.import.ts';
import { complaintsImporter } from './complaints/complaints.import.ts';
import { runServiceDemo } from './demo/service.demo.ts';
import { serviceCommands } from './service.cli.ts';
import { serviceKpis } from './service.kpis.ts';
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

export function serviceModule(settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS): DomainModule {
  return {
    id: 'service',
    kpis: serviceKpis(settings),
    importers: serviceImporters,
    commands: serviceCommands(settings),
    demo: { order: 25, run: runServiceDemo },
  };
}

export const service: DomainModule = serviceModule();
