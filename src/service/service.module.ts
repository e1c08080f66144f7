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
import { serviceRoutes } from './service.routes.ts';
import { CUSTOMER_SERVICE_PATH, SERVICES_PATH, serviceWeb } from './service.web.ts';
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
    nav: [
      { path: CUSTOMER_SERVICE_PATH, label: 'Kundeservice', order: 40 },
      { path: SERVICES_PATH, label: 'Tjenester', order: 41 },
    ],
    kpis: serviceKpis(settings),
    importers: serviceImporters,
    api: serviceRoutes(settings),
    web: serviceWeb(settings),
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
