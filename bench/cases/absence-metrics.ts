import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { dayNumber, isoDay } from '../../shared/domain/absence/days.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { createBenchWorkbook, DEPARTMENT_COST_CENTRES, random } from '../generate.ts';
import { best, peakRssMb, report } from '../measure.ts';

/**
 * Absence metrics for a year, per cost centre, on a workbook with `staff` employees and ten years of
 * sickness cases: through the API (load the intervals, compute every figure) against one raw SQL
 * aggregate computing the same verzuimpercentage and report count per cost centre.
 */
const [staffArg, workDir] = process.argv.slice(2);
const staff = Number(staffArg);
const YEAR = 2027;

fs.rmSync(workDir, { recursive: true, force: true });
const file = path.join(workDir, 'verzuim.werkboek');
const { client, session } = await createBenchWorkbook(file, path.join(workDir, 'data'));

// ── Data: employees with terms history, ten years of cases (not timed) ─────
const next = random(4242);
const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
const sqlite = session.workbook!.sqlite;
const now = new Date().toISOString();
let cases = 0;
sqlite.transaction(() => {
  const employee = sqlite.prepare('INSERT INTO employee (personnel_number, first_name, infix, last_name, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const terms = sqlite.prepare('INSERT INTO employee_terms (employee_id, valid_from, function_title, hours_per_week, cost_centre, contract_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const absenceCase = sqlite.prepare("INSERT INTO absence_case (case_number, employee_id, kind, first_day, last_day, safety_net, occupational_accident, liable_third_party, created_at, updated_at) VALUES (?, ?, 'sickness', ?, ?, 0, 0, 0, ?, ?)");
  const episode = sqlite.prepare('INSERT INTO absence_episode (case_id, from_date, percentage, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const firstYear = dayNumber(`${YEAR - 9}-01-01`);
  const lastDay = dayNumber(`${YEAR}-12-31`);
  for (let i = 0; i < staff; i += 1) {
    const start = firstYear - Math.floor(next() * 3000);
    const end = next() < 0.12 ? start + 400 + Math.floor(next() * (lastDay - start)) : null;
    const until = Math.min(end ?? lastDay, lastDay);
    const id = Number(employee.run(`P${100000 + i}`, 'Voornaam', '', `Achternaam${i}`, isoDay(start), end === null ? null : isoDay(end), now, now).lastInsertRowid);
    let from = start;
    const changes = 1 + Math.floor(next() * 3);
    for (let c = 0; c < changes && from <= until; c += 1) {
      terms.run(id, isoDay(from), 'Medewerker', pick([16, 20, 24, 28, 32, 36]), pick(DEPARTMENT_COST_CENTRES), 'Vast', now, now);
      from += 300 + Math.floor(next() * 1500);
    }
    // Sickness: about 1,2 reports a year, durations skewed short, some partial recovery.
    let day = Math.max(start, firstYear) + Math.floor(next() * 300);
    while (day < until) {
      const r = next();
      const length = r < 0.7 ? 1 + Math.floor(next() * 7) : r < 0.9 ? 8 + Math.floor(next() * 35) : r < 0.98 ? 43 + Math.floor(next() * 320) : 366 + Math.floor(next() * 360);
      const last = day + length - 1;
      const open = last > until;
      cases += 1;
      const caseId = Number(absenceCase.run(`V${cases}`, id, isoDay(day), open ? null : isoDay(last), now, now).lastInsertRowid);
      episode.run(caseId, isoDay(day), 100, now, now);
      if (length > 14 && next() < 0.3) episode.run(caseId, isoDay(day + Math.floor(length / 2)), 50, now, now);
      if (open) break;
      day = last + 29 + Math.floor(next() * 600);
    }
  }
})();

// ── The floor: the same verzuimpercentage and report count per cost centre in one SQL statement ──
const floorSql = `
  WITH p AS (SELECT julianday(?) AS ps, julianday(?) AS pe),
  t AS (
    SELECT employee_id, cost_centre, hours_per_week / 36.0 AS pt, julianday(valid_from) AS f,
           coalesce(julianday(lead(valid_from) OVER (PARTITION BY employee_id ORDER BY valid_from)) - 1, 1e9) AS t
    FROM employee_terms),
  e AS (SELECT id, julianday(start_date) AS f, coalesce(julianday(end_date), 1e9) AS t FROM employee),
  ep AS (
    SELECT c.employee_id, e.percentage / 100.0 AS fr, julianday(e.from_date) AS f,
           coalesce(julianday(lead(e.from_date) OVER (PARTITION BY e.case_id ORDER BY e.from_date)) - 1, julianday(c.last_day), 1e9) AS t
    FROM absence_episode e JOIN absence_case c ON c.id = e.case_id
    WHERE c.deleted_at IS NULL AND c.kind = 'sickness'),
  available AS (
    SELECT t.cost_centre, sum(t.pt * (min(t.t, e.t, p.pe) - max(t.f, e.f, p.ps) + 1)) AS days
    FROM t JOIN e ON e.id = t.employee_id, p
    WHERE min(t.t, e.t, p.pe) >= max(t.f, e.f, p.ps) GROUP BY t.cost_centre),
  sick AS (
    SELECT t.cost_centre, sum(t.pt * ep.fr * (min(ep.t, t.t, e.t, p.pe) - max(ep.f, t.f, e.f, p.ps) + 1)) AS days
    FROM ep JOIN t ON t.employee_id = ep.employee_id JOIN e ON e.id = ep.employee_id, p
    WHERE min(ep.t, t.t, e.t, p.pe) >= max(ep.f, t.f, e.f, p.ps) GROUP BY t.cost_centre),
  reports AS (
    SELECT t.cost_centre, count(*) AS n
    FROM absence_case c JOIN t ON t.employee_id = c.employee_id AND julianday(c.first_day) BETWEEN t.f AND t.t
    JOIN e ON e.id = c.employee_id, p
    WHERE c.deleted_at IS NULL AND c.kind = 'sickness' AND julianday(c.first_day) BETWEEN max(p.ps, e.f) AND min(p.pe, e.t)
    GROUP BY t.cost_centre)
  SELECT a.cost_centre AS costCentre, 100.0 * coalesce(s.days, 0) / a.days AS percentage, coalesce(r.n, 0) AS reports
  FROM available a LEFT JOIN sick s ON s.cost_centre = a.cost_centre LEFT JOIN reports r ON r.cost_centre = a.cost_centre
  ORDER BY a.cost_centre`;
session.close();
const raw = new Database(file, { readonly: true });
const floorStatement = raw.prepare(floorSql);
const floorRows = floorStatement.all(`${YEAR}-01-01`, `${YEAR}-12-31`) as Array<{ costCentre: string; percentage: number; reports: number }>;
const floorSeconds = await best(3, () => floorStatement.all(`${YEAR}-01-01`, `${YEAR}-12-31`));
raw.close();

// ── The figure: the API call a head's Verzuim page makes ───────────────────
const measured = createLocalClient({ dataDir: path.join(workDir, 'data-2'), rememberRecent: false });
await measured.client.workbook.open({ path: file, readOnly: true });
const result = await measured.client.absence.metrics({ period: String(YEAR), today: `${YEAR}-12-31` });
const seconds = await best(3, () => measured.client.absence.metrics({ period: String(YEAR), today: `${YEAR}-12-31` }));
measured.session.close();

// Same numbers, or the comparison means nothing.
for (const row of floorRows) {
  const ours = result.costCentres.find((c) => c.code === row.costCentre)!.figures;
  if (Math.abs((ours.percentage ?? 0) - row.percentage) > 1e-6 || ours.reports !== row.reports) {
    throw new Error(`${row.costCentre}: API ${ours.percentage} % / ${ours.reports} reports ≠ SQL ${row.percentage} % / ${row.reports}`);
  }
}
report({ seconds, floorSeconds, peakRssMb: peakRssMb(), staff, cases, percentage: result.department.percentage });
