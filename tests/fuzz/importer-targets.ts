import { departmentWorkbook } from '../helpers/workbook.ts';
import type { WerkboekClient } from '../../shared/api/index.ts';
import type { Session } from '../../electron/backend/session.ts';

/**
 * Every importer the fuzz tests exercise. Adding an importer is one entry: its kind, a sample file
 * in tests/fixtures/samples (its header and rows seed the generated and mutated inputs), and the
 * table whose row count grows by exactly the `imported` count the import reports.
 *
 * Still to be added by their areas: roster (staff), absence, salary table, bottlenecks; central
 * workbooks supply `workbook` to create a central workbook instead of the department one.
 */
export interface ImporterFuzzTarget {
  kind: string;
  sample: string;
  /** The table with one new row per imported ("new") row. */
  table: string;
  /** The workbook to import into; defaults to the "OR" department workbook of tests/helpers. */
  workbook?: () => Promise<{ client: WerkboekClient; session: Session; file: string }>;
  /** Fields of a numeric or date type that the importer deliberately does not read (none so far). */
  unreadFields?: string[];
}

export const IMPORTER_FUZZ_TARGETS: ImporterFuzzTarget[] = [
  { kind: 'ledger', sample: 'grootboekmutaties-2027.csv', table: 'ledger_line' },
  { kind: 'budget', sample: 'begroting-2027.csv', table: 'budget_line' },
];

export const defaultFuzzWorkbook = () => departmentWorkbook();
