import type { AbsenceTables } from '../absence/tables.ts';
import type { AssignmentTables } from '../assignments/tables.ts';
import type { BottleneckTables } from '../bottlenecks/tables.ts';
import type { BudgetTables } from '../budget/tables.ts';
import type { ConsolidationTables } from '../consolidation/tables.ts';
import type { ExchangeTables } from '../exchange/tables.ts';
import type { StaffTables } from '../staff/tables.ts';
import type { WorkbookTables } from '../workbook/tables.ts';

/** The whole schema as kysely sees it: each area declares its own tables. */
export interface DB extends WorkbookTables, BudgetTables, StaffTables, AbsenceTables, BottleneckTables, ExchangeTables, ConsolidationTables, AssignmentTables {}
