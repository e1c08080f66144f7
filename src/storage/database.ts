/**
 * The one Database type, assembled from the domains' table files. A domain adds its tables by
 * extending this interface with its `<d>.table.ts` interface.
 */

import type { AuthTables } from '../auth/auth.table.ts';
import type { FigureTables } from '../figures/figures.table.ts';
import type { FinanceCapitalTables } from '../finance/capital/capital.table.ts';
import type { LedgerTables } from '../finance/ledger/ledger.table.ts';
import type { FinancePlanTables } from '../finance/plan/plan.table.ts';
import type { ImportTables } from '../imports/imports.table.ts';
import type { ProjectTables } from '../projects/projects.table.ts';
import type { ReportTables } from '../report/report.table.ts';
import type { RiskTables } from '../risk/risk.table.ts';
import type { ServiceTables } from '../service/service.table.ts';
import type { AmlTables } from '../workforce/aml/aml.table.ts';
import type { EmployeeTables } from '../workforce/employees/employees.table.ts';
import type { SickLeaveTables } from '../workforce/sick-leave/sick-leave.table.ts';

export interface Database
  extends ImportTables,
    EmployeeTables,
    AmlTables,
    LedgerTables,
    FinancePlanTables,
    RiskTables,
    FinanceCapitalTables,
    SickLeaveTables,
    ServiceTables,
    ReportTables,
    FigureTables,
    AuthTables,
    ProjectTables {}
