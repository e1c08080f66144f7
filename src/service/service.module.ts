/** The service domain (kundeservice og tjenester): service-desk calls, availability, volumes and complaints. */
import type { DomainModule } from '../module.ts';
import { availabilityReportBlocks } from './availability/availability.blocks.ts';
import { outagesImporter, serviceHoursImporter } from './availability/availability.import.ts';
import { callsReportBlocks } from './calls/calls.blocks.ts';
import { callsImporter } from './calls/calls.import.ts';
import { queueLogImporter } from './calls/queue-log.import.ts';
import { complaintsReportBlocks } from './complaints/complaints.blocks.ts';
import { complaintsImporter } from './complaints/complaints.import.ts';
import { runServiceDemo } from './demo/service.demo.ts';
import { serviceCommands } from './service.cli.ts';
import { serviceKpis } from './service.kpis.ts';
import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from './service-settings.ts';
import { volumeReportBlocks } from './volumes/volumes.blocks.ts';
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
    report: [
      ...complaintsReportBlocks,
      ...callsReportBlocks(settings),
      ...volumeReportBlocks(settings),
      ...availabilityReportBlocks(settings),
    ],
  };
}

export const service: DomainModule = serviceModule();
