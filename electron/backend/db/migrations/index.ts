import type { Migration } from './types.ts';
import { migration0001 } from './0001_workbook.ts';
import { migration0002 } from './0002_budget.ts';
import { migration0003 } from './0003_staff_core.ts';
import { migration0004 } from './0004_staff_formation_costs.ts';
import { migration0005 } from './0005_absence.ts';
import { migration0006 } from './0006_bottlenecks.ts';
import { migration0007 } from './0007_exchange.ts';
import { migration0008 } from './0008_reliability.ts';
import { migration0009 } from './0009_central_hr.ts';
import { migration0010 } from './0010_assignments.ts';
import { migration0011 } from './0011_ledger_month.ts';
import { migration0012 } from './0012_central_key_fingerprint.ts';
import { migration0013 } from './0013_finance_forecast_method.ts';
import { migration0014 } from './0014_central_package_extras.ts';
import { migration0015 } from './0015_position_match.ts';
import { migration0016 } from './0016_workbook_years.ts';
import { migration0017 } from './0017_terms_position_code.ts';

/** Static, ordered list (the app is bundled, so no directory scanning). Append only. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
