/**
 * The one Database type, assembled from the domains' table files. A domain adds its tables by
 * extending this interface with its `<d>.table.ts` interface.
 */
import type { FinanceCapitalTables } from '../finance/capital.table.ts';
import type { LedgerTables } from '../finance/ledger.table.ts';
import type { FinancePlanTables } from '../finance/plan.table.ts';
import type { ImportTables } from '../imports/imports.table.ts';
import type { ProjectTables } from '../projects/projects.table.ts';
import type { ReportTables } from '../report/report.table.ts';
import type { RiskTables } from '../risk/risk.table.ts';
import type { AmlTables } from '../workforce/aml.table.ts';
import type { EmployeeTables } from '../workforce/employees.table.ts';
import type { SickLeaveTables } from '../workforce/sick-leave.table.ts';

export interface Database
  extends ImportTables,
    EmployeeTables,
    AmlTables,
    LedgerTables,
    FinancePlanTables,
    RiskTables,
    FinanceCapitalTables,
    SickLeaveTables,
    ReportTables,
    ProjectTables {}
