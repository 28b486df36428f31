import { compareWithBudget, forecastEmployee, sumParts, type BudgetLineAmounts, type CostItem, type MissingSalary } from '../../../shared/domain/staff/costs.ts';
import { hireCostBetween } from '../../../shared/domain/staff/hires.ts';
import { compareNames, displayName, sortName } from '../../../shared/domain/staff/names.ts';
import { roundFte } from '../../../shared/domain/staff/terms.ts';
import type { EmployeeCostRow, HireCostRow, MonthCostRow, PersonnelCostForecast } from '../../../shared/domain/staff/types.ts';
import { daysInMonth } from '../../../shared/domain/staff/calendar.ts';
import { summary } from '../budget/service.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { loadEmployees } from './employees.ts';
import { loadHires } from './hires/service.ts';
import { loadSalaryTables } from './salary-table.ts';
import { staffSettings } from './settings.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The personnel cost forecast of a year from the occupation (every employed day on the terms and
 * salary table of that day) and the external hires, beside the personnel budget lines.
 */
export function personnelCostForecast(wb: Workbook, year = wb.meta.fiscal_year): PersonnelCostForecast {
  const settings = staffSettings(wb);
  const rates = { normalWeekHours: settings.normalWeekHours, ikbPercent: settings.ikbPercent, employerChargesPercent: settings.employerChargesPercent };
  const tables = loadSalaryTables(wb);
  const salaryAccount = settings.personnelSalaryAccounts[0]?.toUpperCase() ?? '4100';

  const months: MonthCostRow[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, salaryCents: 0, ikbCents: 0, chargesCents: 0, employeeCents: 0, hireCents: 0, totalCents: 0 }));
  const items = new Map<string, CostItem>();
  const item = (costCentre: string, account: string) => {
    const key = `${costCentre}|${account}`;
    let entry = items.get(key);
    if (!entry) {
      entry = { costCentre, account, employeeCents: 0, hireCents: 0 };
      items.set(key, entry);
    }
    return entry;
  };

  const employees: EmployeeCostRow[] = [];
  const missing: MissingSalary[] = [];
  for (const employee of loadEmployees(wb).sort(compareNames)) {
    if (employee.startDate > `${year}-12-31` || (employee.endDate !== null && employee.endDate < `${year}-01-01`)) continue;
    const forecast = forecastEmployee(employee, year, tables, rates);
    if (forecast.months.length === 0) continue;
    missing.push(...forecast.missing);
    for (const m of forecast.months) {
      const row = months[m.month - 1];
      row.salaryCents += m.salaryCents;
      row.ikbCents += m.ikbCents;
      row.chargesCents += m.chargesCents;
      row.employeeCents += m.totalCents;
      item(m.costCentre, salaryAccount).employeeCents += m.totalCents;
    }
    employees.push({
      employeeId: employee.id,
      personnelNumber: employee.personnelNumber,
      displayName: displayName(employee),
      sortName: sortName(employee),
      costCentres: [...new Set(forecast.months.map((m) => m.costCentre))],
      averageFte: roundFte(forecast.averageFte),
      ...sumParts(forecast.months),
    });
  }

  const hires: HireCostRow[] = [];
  for (const hire of loadHires(wb, { start: `${year}-01-01`, end: `${year}-12-31` })) {
    let hours: number | null = hire.hoursPerWeek === null ? null : 0;
    let cents = 0;
    for (let month = 1; month <= 12; month += 1) {
      const cost = hireCostBetween(hire, `${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`);
      months[month - 1].hireCents += cost.cents;
      if (hours !== null) hours += cost.hours ?? 0;
      cents += cost.cents;
    }
    item(hire.costCentre, hire.account.toUpperCase()).hireCents += cents;
    hires.push({ hireId: hire.id, kind: hire.kind, contractor: hire.contractor, assignment: hire.assignment, costCentre: hire.costCentre, account: hire.account, hours: hours === null ? null : Math.round(hours * 100) / 100, cents });
  }
  for (const row of months) row.totalCents = row.employeeCents + row.hireCents;

  const budgetLines: BudgetLineAmounts[] = summary(wb, year).lines.map((l) => ({ costCentre: l.costCentre, account: l.account, accountName: l.accountName, currentCents: l.currentCents, actualCents: l.actualCents }));
  const budget = compareWithBudget([...items.values()], budgetLines, { salary: settings.personnelSalaryAccounts, hire: settings.personnelHireAccounts });
  const employeeTotal = sumParts(employees);
  const hireCents = hires.reduce((s, h) => s + h.cents, 0);
  const totalCents = employeeTotal.totalCents + hireCents;
  // Employed days but no amount for any of them: the costs of the own staff are unknown, not € 0.
  const gap = employees.length === 0 || employeeTotal.salaryCents > 0 ? null : tables.isEmpty ? ('no-salary-table' as const) : ('no-salary-amounts' as const);
  return {
    year,
    rates,
    accounts: { salary: settings.personnelSalaryAccounts, hire: settings.personnelHireAccounts },
    employeeTotal,
    hireCents,
    totalCents,
    inhuurPercent: gap !== null || totalCents === 0 ? null : Math.round((hireCents / totalCents) * 10_000) / 100,
    gap,
    months,
    employees,
    hires,
    budget,
    budgetTotal: {
      budgetCents: budget.reduce((s, r) => s + r.budgetCents, 0),
      actualCents: budget.reduce((s, r) => s + r.actualCents, 0),
      forecastCents: budget.reduce((s, r) => s + r.forecastCents, 0),
      varianceCents: budget.reduce((s, r) => s + r.varianceCents, 0),
    },
    missing,
  };
}
