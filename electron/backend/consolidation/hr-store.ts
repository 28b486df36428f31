import type { HrEnvelope } from '../../../shared/exchange/schema.ts';
import type { Workbook } from '../workbook/workbook.ts';

/**
 * Writes the content of an HR package into the central HR tables (inside the import's transaction for
 * that package): basis, staff with their terms, formation positions, absence cases with their
 * percentages, Poortwachter steps. The envelope is kept whole in `central_package` as well; these rows
 * are what the consolidation queries.
 */
export function storeHrPackage(wb: Workbook, packageId: number, envelope: HrEnvelope): void {
  const p = envelope.payload;
  wb.statement(
    `INSERT INTO central_hr_basis (package_id, period_start, period_end, reference_date, normal_week_hours, has_formation, has_absence, has_poortwachter, reported_metrics_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    packageId,
    p.basis.periodStart,
    p.basis.periodEnd,
    p.basis.referenceDate,
    p.basis.normalWeekHours,
    p.formation ? 1 : 0,
    p.absenceCases ? 1 : 0,
    p.poortwachter ? 1 : 0,
    p.absenceMetrics ? JSON.stringify(p.absenceMetrics) : null,
  );

  const staff = wb.statement('INSERT INTO central_hr_staff (package_id, personnel_number, employment_start, employment_end) VALUES (?, ?, ?, ?)');
  const terms = wb.statement(
    `INSERT INTO central_hr_terms (staff_id, valid_from, cost_centre, function_title, salary_scale, salary_step, hours_per_week, fte, contract_type, position_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const member of p.staff ?? []) {
    const staffId = Number(staff.run(packageId, member.personnelNumber, member.employmentStart, member.employmentEnd).lastInsertRowid);
    for (const t of member.terms) terms.run(staffId, t.validFrom, t.costCentre, t.functionTitle, t.salaryScale, t.salaryStep, t.hoursPerWeek, t.fte, t.contractType, t.positionId);
  }

  const position = wb.statement(
    'INSERT INTO central_hr_position (package_id, position_id, cost_centre, function_title, salary_scale, formation_fte, occupation_fte) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const pos of p.formation?.positions ?? []) position.run(packageId, pos.positionId, pos.costCentre, pos.functionTitle, pos.salaryScale, pos.formationFte, pos.occupationFte);

  const absence = wb.statement('INSERT INTO central_hr_case (package_id, case_id, personnel_number, first_day, last_sick_day, continues_case_id) VALUES (?, ?, ?, ?, ?, ?)');
  const episode = wb.statement('INSERT INTO central_hr_episode (case_row_id, from_date, percentage) VALUES (?, ?, ?)');
  for (const c of p.absenceCases ?? []) {
    const caseRowId = Number(absence.run(packageId, c.caseId, c.personnelNumber, c.firstDay, c.lastSickDay, c.continuesCaseId).lastInsertRowid);
    for (const e of c.incapacity) episode.run(caseRowId, e.from, e.percentage);
  }

  const milestone = wb.statement(
    'INSERT INTO central_hr_milestone (package_id, case_id, personnel_number, milestone, label, due_date, completed_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const m of p.poortwachter ?? []) milestone.run(packageId, m.caseId, m.personnelNumber, m.milestone, m.label, m.dueDate, m.completedOn, m.status);
}
