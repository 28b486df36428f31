import type Database from 'better-sqlite3';

/**
 * "Which line" of a Logboek row: for each audited table, the few columns that let a person recognise
 * the row (a budget line's cost centre, account and description; an employee's name and number). The
 * renderer turns them into words with the table's template (audit.subjects.<table> in shared/i18n), so
 * the backend returns values, never sentences. A row deleted since has no subject here; the Logboek then
 * uses the same columns from the row's old values.
 *
 * Each query takes the row ids as a JSON array (?) and returns `row_id` plus the template's columns.
 * Areas that add an audited table add its query here (or with registerAuditSubject).
 */
const EMPLOYEE_NAME = "trim(replace(e.first_name || ' ' || e.infix || ' ' || e.last_name, '  ', ' '))";
const LINE = 'l.cost_centre AS cost_centre, l.account AS account, l.account_name AS account_name';
const IDS = 'SELECT value FROM json_each(?)';

const QUERIES = new Map<string, string>([
  ['budget_line', `SELECT l.id AS row_id, ${LINE}, l.year AS year FROM budget_line l WHERE l.id IN (${IDS})`],
  ['budget_revision', `SELECT r.id AS row_id, ${LINE}, r.date AS date, r.reason AS reason FROM budget_revision r JOIN budget_line l ON l.id = r.budget_line_id WHERE r.id IN (${IDS})`],
  ['commitment', `SELECT c.id AS row_id, ${LINE}, c.supplier AS supplier FROM commitment c JOIN budget_line l ON l.id = c.budget_line_id WHERE c.id IN (${IDS})`],
  ['cost_centre', `SELECT code AS row_id, code, name FROM cost_centre WHERE code IN (${IDS})`],
  ['employee', `SELECT e.id AS row_id, ${EMPLOYEE_NAME} AS name, e.personnel_number AS personnel_number FROM employee e WHERE e.id IN (${IDS})`],
  [
    'employee_terms',
    `SELECT t.id AS row_id, ${EMPLOYEE_NAME} AS name, e.personnel_number AS personnel_number, t.valid_from AS valid_from FROM employee_terms t JOIN employee e ON e.id = t.employee_id WHERE t.id IN (${IDS})`,
  ],
  ['formation_position', `SELECT id AS row_id, code, function_title, cost_centre FROM formation_position WHERE id IN (${IDS})`],
  ['salary_table_entry', `SELECT id AS row_id, scale, step, valid_from FROM salary_table_entry WHERE id IN (${IDS})`],
  ['absence_case', `SELECT c.id AS row_id, c.case_number AS case_number, ${EMPLOYEE_NAME} AS name, c.first_day AS first_day FROM absence_case c JOIN employee e ON e.id = c.employee_id WHERE c.id IN (${IDS})`],
  [
    'absence_episode',
    `SELECT p.id AS row_id, c.case_number AS case_number, ${EMPLOYEE_NAME} AS name, p.from_date AS from_date FROM absence_episode p JOIN absence_case c ON c.id = p.case_id JOIN employee e ON e.id = c.employee_id WHERE p.id IN (${IDS})`,
  ],
  [
    'poortwachter_step',
    `SELECT s.id AS row_id, c.case_number AS case_number, ${EMPLOYEE_NAME} AS name, s.step AS step FROM poortwachter_step s JOIN absence_case c ON c.id = s.case_id JOIN employee e ON e.id = c.employee_id WHERE s.id IN (${IDS})`,
  ],
  ['bottleneck', `SELECT id AS row_id, identifier, title FROM bottleneck WHERE id IN (${IDS})`],
  ['bottleneck_action', `SELECT a.id AS row_id, b.identifier AS identifier, b.title AS title FROM bottleneck_action a JOIN bottleneck b ON b.id = a.bottleneck_id WHERE a.id IN (${IDS})`],
  ['bottleneck_link', `SELECT k.id AS row_id, b.identifier AS identifier, b.title AS title FROM bottleneck_link k JOIN bottleneck b ON b.id = k.bottleneck_id WHERE k.id IN (${IDS})`],
  ['assignment', `SELECT id AS row_id, code, title FROM assignment WHERE id IN (${IDS})`],
  ...['assignment_log', 'assignment_moment', 'assignment_budget_line', 'assignment_commitment_link', 'assignment_ledger_link', 'assignment_department_link'].map(
    (table) => [table, `SELECT x.id AS row_id, a.code AS code, a.title AS title FROM ${table} x JOIN assignment a ON a.id = x.assignment_id WHERE x.id IN (${IDS})`] as [string, string],
  ),
  ['benchmark', `SELECT id AS row_id, indicator, reference_group, year FROM benchmark WHERE id IN (${IDS})`],
  ['exchange_export', `SELECT id AS row_id, kind, period, sequence, file_name FROM exchange_export WHERE id IN (${IDS})`],
  ['exchange_key', `SELECT id AS row_id, fingerprint FROM exchange_key WHERE id IN (${IDS})`],
  ['central_department', `SELECT code AS row_id, code, name FROM central_department WHERE code IN (${IDS})`],
  ['central_department_key', `SELECT k.id AS row_id, k.department_code AS code, d.name AS name FROM central_department_key k LEFT JOIN central_department d ON d.code = k.department_code WHERE k.id IN (${IDS})`],
  ['central_expected', `SELECT code AS row_id, code, name FROM central_department WHERE code IN (${IDS})`],
  ['central_period', `SELECT period AS row_id, period FROM central_period WHERE period IN (${IDS})`],
  [
    'central_package',
    `SELECT p.id AS row_id, p.department_code AS code, d.name AS name, p.kind AS kind, p.period AS period, p.sequence AS sequence FROM central_package p LEFT JOIN central_department d ON d.code = p.department_code WHERE p.id IN (${IDS})`,
  ],
  [
    'central_review',
    `SELECT r.id AS row_id, p.department_code AS code, d.name AS name, p.kind AS kind, p.period AS period, p.sequence AS sequence FROM central_review r JOIN central_package p ON p.id = r.package_id LEFT JOIN central_department d ON d.code = p.department_code WHERE r.id IN (${IDS})`,
  ],
]);

/** Adds (or replaces) the subject query of an audited table; see QUERIES for the shape. */
export function registerAuditSubject(table: string, sql: string): void {
  QUERIES.set(table, sql);
}

export type SubjectValues = Record<string, string | number | null>;

/**
 * The subject columns of each (table, row) of a page of the Logboek, one query per table. A table
 * without a query, or a query that fails on an older schema, simply gives no subject.
 */
export function auditSubjects(sqlite: Database.Database, entries: ReadonlyArray<{ tableName: string; rowId: string | null }>): Map<string, SubjectValues> {
  const byTable = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.rowId === null || !QUERIES.has(entry.tableName)) continue;
    let ids = byTable.get(entry.tableName);
    if (!ids) byTable.set(entry.tableName, (ids = new Set()));
    ids.add(entry.rowId);
  }
  const subjects = new Map<string, SubjectValues>();
  for (const [table, ids] of byTable) {
    let rows: Array<SubjectValues & { row_id: string | number }>;
    try {
      // Ids are text in the audit log and numbers (or codes) in the tables: send both forms.
      const list = [...ids].flatMap((id) => (/^\d+$/.test(id) ? [id, Number(id)] : [id]));
      rows = sqlite.prepare(QUERIES.get(table)!).all(JSON.stringify(list)) as typeof rows;
    } catch {
      continue;
    }
    for (const { row_id: rowId, ...values } of rows) subjects.set(`${table}|${rowId}`, values);
  }
  return subjects;
}
