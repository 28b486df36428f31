import path from 'node:path';
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { WerkboekClient } from '../../shared/api/index.ts';
import type { ImportPreview, ImportResult } from '../../shared/import/types.ts';
import type { Session } from '../../electron/backend/session.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { departmentWorkbook, sample, tempDir } from '../helpers/workbook.ts';

/**
 * Every importer the fuzz tests exercise. Adding an importer is one entry: its kind, a sample file
 * (its header and rows seed the generated and mutated inputs), and the table whose row count grows by
 * exactly the number of records the import reports as new.
 */
export interface ImporterFuzzTarget {
  kind: string;
  /** The sample file, relative to tests/fixtures (e.g. "samples/begroting-2027.csv"). */
  sample: string;
  /** The table with one new row per imported ("new") record. */
  table: string;
  /** The workbook to import into; defaults to the "OR" department workbook of tests/helpers. */
  workbook?: () => Promise<{ client: WerkboekClient; session: Session; file: string }>;
  /**
   * The workbook's cost centres (default those of the "OR" workbook): a sample row on another cost centre
   * is another department's, counted and never rejected, whatever value in it is wrong.
   */
  costCentres?: string[];
  /** Fields of a numeric or date type that the importer deliberately does not read (none so far). */
  unreadFields?: string[];
  /**
   * Optional text fields the importer checks against a list or pattern (a status, a code): a stray value
   * there is itself a reason to reject, so the generator leaves them alone in a row that must be rejected
   * on another column.
   */
  checkedTextFields?: string[];
  /** How many rows `table` gains for this result; default the rows reported as imported. */
  written?(result: ImportResult): number;
  /** Extra invariants of this importer after a successful import (the preview lists every row). */
  check?(db: Database.Database, preview: ImportPreview, commit: ImportResult): void;
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/** The cost centres of the "OR" department workbook of tests/helpers (departmentWorkbook). */
export const DEFAULT_COST_CENTRES = ['OR01', 'OR02', 'OR03'];
const WHOLE_ROSTER_COST_CENTRES = ['BZ01', 'DV01', 'OR01', 'SD01', 'VH01'];

export function fixture(relative: string): string {
  return path.join(FIXTURES, relative);
}

/**
 * A department workbook holding every cost centre of the sample roster (BZ01, DV01, OR01, SD01, VH01),
 * so that every row of the sample roster and absence list is the department's own and is read in full:
 * a bad value anywhere in such a row must be rejected. (In the "OR" workbook four fifths of the roster
 * would be other departments' people, whose terms the import rightly never reads.)
 */
export async function wholeRosterWorkbook(dir = tempDir()) {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data') });
  const file = path.join(dir, 'alles.werkboek');
  await client.workbook.create({
    path: file,
    kind: 'department',
    organisation: 'Gemeente Voorbeeld',
    departmentCode: 'ALL',
    departmentName: 'Alle afdelingen (test)',
    fiscalYear: 2027,
    owner: 'A. Hoofd',
    costCentres: WHOLE_ROSTER_COST_CENTRES.map((code) => ({ code, name: `Kostenplaats ${code}`, taakveld: null })),
  });
  return { client, session, file, dir };
}

/** Every cost centre of the formation fixture. */
const FORMATION_COST_CENTRES = ['BZ01', 'OR01', 'OR02', 'OR03', 'SD01'];

/** A department workbook holding every cost centre of the formation fixture, so that each of its rows is read in full. */
export async function formationWorkbook(dir = tempDir()) {
  const { client, session } = createLocalClient({ dataDir: path.join(dir, 'data') });
  const file = path.join(dir, 'formatie.werkboek');
  await client.workbook.create({
    path: file,
    kind: 'department',
    organisation: 'Gemeente Voorbeeld',
    departmentCode: 'ALL',
    departmentName: 'Alle afdelingen (test)',
    fiscalYear: 2027,
    owner: 'A. Hoofd',
    costCentres: FORMATION_COST_CENTRES.map((code) => ({ code, name: `Kostenplaats ${code}`, taakveld: null })),
  });
  return { client, session, file, dir };
}

/** The whole-roster workbook with the sample roster imported (as of 1 January 2027): the absence list needs its people. */
export async function workbookWithRoster(dir = tempDir()) {
  const wb = await wholeRosterWorkbook(dir);
  const roster = await wb.client.import.commit({ kind: 'staff', source: { path: sample('personeel-2027.csv') }, options: { referenceDate: '2027-01-01' }, strict: true });
  expect(roster.imported).toBe(60);
  return wb;
}

/**
 * The absence list is decided per case (all rows of a case number are imported together or rejected
 * together): every case has one fate, the new cases in the workbook are exactly the cases the preview
 * announced as new, and the table grows by cases, not rows.
 */
function checkAbsenceCases(db: Database.Database, preview: ImportPreview, commit: ImportResult): void {
  const fates = new Map<string, Set<string>>();
  for (const row of preview.rows) {
    const caseNumber = row.values.caseNumber ?? '';
    if (caseNumber === '') continue;
    const set = fates.get(caseNumber) ?? new Set<string>();
    set.add(row.status);
    fates.set(caseNumber, set);
  }
  for (const [caseNumber, statuses] of fates) expect([...statuses], `case ${caseNumber} was split`).toHaveLength(1);
  const announced = [...fates].filter(([, s]) => s.has('new')).map(([c]) => c);
  const written = (db.prepare('SELECT case_number AS c FROM absence_case WHERE import_batch_id = ?').all(commit.batchId) as Array<{ c: string }>).map((r) => r.c);
  expect(written.sort()).toEqual(announced.sort());
  expect(commit.extra.casesNew).toBe(written.length);
  // Every new case has its percentages, starting on its first day.
  const broken = db
    .prepare(
      `SELECT c.case_number FROM absence_case c WHERE c.import_batch_id = ?
         AND NOT EXISTS (SELECT 1 FROM absence_episode e WHERE e.case_id = c.id AND e.from_date = c.first_day)`,
    )
    .all(commit.batchId);
  expect(broken).toEqual([]);
}

export const IMPORTER_FUZZ_TARGETS: ImporterFuzzTarget[] = [
  { kind: 'ledger', sample: 'samples/grootboekmutaties-2027.csv', table: 'ledger_line' },
  { kind: 'budget', sample: 'samples/begroting-2027.csv', table: 'budget_line' },
  { kind: 'staff', sample: 'samples/personeel-2027.csv', table: 'employee', workbook: () => wholeRosterWorkbook(), costCentres: WHOLE_ROSTER_COST_CENTRES },
  { kind: 'salary-table', sample: 'staff/salaristabel-2027.csv', table: 'salary_table_entry' },
  { kind: 'formation', sample: 'staff/formatie-2027.csv', table: 'formation_position', workbook: () => formationWorkbook(), costCentres: FORMATION_COST_CENTRES, checkedTextFields: ['code', 'salaryScale'] },
  {
    kind: 'absence',
    sample: 'samples/verzuim-2027.csv',
    table: 'absence_case',
    workbook: () => workbookWithRoster(),
    costCentres: WHOLE_ROSTER_COST_CENTRES,
    written: (result) => result.extra.casesNew,
    check: checkAbsenceCases,
  },
  {
    kind: 'bottlenecks',
    sample: 'bottlenecks/knelpunten-2027.csv',
    table: 'bottleneck',
    checkedTextFields: ['identifier', 'status', 'impact', 'urgency', 'escalatedTo', 'escalatedDepartment', 'confidentiality'],
  },
  { kind: 'assignments', sample: 'samples/opdrachten-2027.csv', table: 'assignment', checkedTextFields: ['code', 'kind', 'status', 'costCentre', 'account'] },
];

export const defaultFuzzWorkbook = () => departmentWorkbook();
