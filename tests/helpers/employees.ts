import fs from 'node:fs';
import Papa from 'papaparse';
import type { Session } from '../../electron/backend/session.ts';
import { sample } from './workbook.ts';

/**
 * Employees for absence tests, written straight into the staff tables (employee, employee_terms) of
 * migration 0003: the absence area reads them and must not depend on the staff area's code.
 */
export interface TestEmployee {
  personnelNumber: string;
  firstName?: string;
  infix?: string;
  lastName?: string;
  start: string;
  end?: string | null;
  /** Terms from a date: hours per week and cost centre. */
  terms: Array<{ from: string; hours: number; costCentre: string }>;
}

export function insertEmployees(session: Session, employees: TestEmployee[]): Map<string, number> {
  const wb = session.workbook;
  if (!wb) throw new Error('insertEmployees: no open workbook');
  const now = new Date().toISOString();
  const insertEmployee = wb.sqlite.prepare(
    'INSERT INTO employee (personnel_number, first_name, infix, last_name, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertTerms = wb.sqlite.prepare(
    'INSERT INTO employee_terms (employee_id, valid_from, hours_per_week, cost_centre, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const ids = new Map<string, number>();
  wb.sqlite.transaction(() => {
    for (const e of employees) {
      const id = Number(insertEmployee.run(e.personnelNumber, e.firstName ?? '', e.infix ?? '', e.lastName ?? `Medewerker ${e.personnelNumber}`, e.start, e.end ?? null, now, now).lastInsertRowid);
      for (const t of e.terms) insertTerms.run(id, t.from, t.hours, t.costCentre, now, now);
      ids.set(e.personnelNumber, id);
    }
  })();
  return ids;
}

const isoFromDutch = (text: string) => {
  const [d, m, y] = text.split('-');
  return `${y}-${m}-${d}`;
};

/** The employees of the sample roster (tests/fixtures/samples/personeel-2027.csv), read with a plain CSV parse. */
export function sampleRoster(): TestEmployee[] {
  const text = fs.readFileSync(sample('personeel-2027.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { delimiter: ';', header: true, skipEmptyLines: true }).data;
  return rows.map((r) => {
    const start = isoFromDutch(r['Datum in dienst']);
    return {
      personnelNumber: r.Personeelsnummer,
      firstName: r.Voornaam,
      infix: r.Tussenvoegsel,
      lastName: r.Achternaam,
      start,
      end: r['Datum uit dienst'] ? isoFromDutch(r['Datum uit dienst']) : null,
      terms: [{ from: start, hours: Number(r['Uren per week'].replace(',', '.')), costCentre: r.Kostenplaats }],
    };
  });
}
