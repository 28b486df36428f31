import { daysInMonth, toDayNumber, fromDayNumber } from './calendar.ts';
import { displayName } from './names.ts';
import { fteOf, termsOn, type EmployeeHistory } from './terms.ts';

/**
 * Personnel cost forecast, per employee, month and cost centre:
 *
 *   salary  = monthly amount (salary table of that day, scale × step) × part-time factor, per calendar
 *             day as days-employed / days-in-month (kalenderdagenmethode), so a start, a leaver or a
 *             change of hours in the middle of a month counts for exactly its days;
 *   IKB     = salary × IKB % (17,05 % in the CAO Gemeenten);
 *   charges = (salary + IKB) × employer charges %.
 *
 * Over a whole year of unchanged terms this is 12 × monthly × part-time factor, as domain.md defines
 * annual salary. Amounts are rounded to cents per employee × month × cost centre, and every total is a
 * sum of those, so the month, cost centre and year figures always add up.
 */

export interface SalaryEntry {
  validFrom: string;
  scale: number;
  step: number;
  monthlyCents: number;
}

interface TableVersion {
  validFrom: string;
  amounts: Map<string, number>;
}

const key = (scale: number, step: number) => `${scale}/${step}`;

/** The salary tables by the date they take effect: the table of a day is the latest one from before it. */
export class SalaryTables {
  private readonly versions: TableVersion[];

  constructor(entries: SalaryEntry[]) {
    const byDate = new Map<string, TableVersion>();
    for (const entry of entries) {
      let version = byDate.get(entry.validFrom);
      if (!version) {
        version = { validFrom: entry.validFrom, amounts: new Map() };
        byDate.set(entry.validFrom, version);
      }
      version.amounts.set(key(entry.scale, entry.step), entry.monthlyCents);
    }
    this.versions = [...byDate.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  }

  get isEmpty(): boolean {
    return this.versions.length === 0;
  }

  validFromOn(date: string): string | null {
    let found: string | null = null;
    for (const version of this.versions) {
      if (version.validFrom <= date) found = version.validFrom;
      else break;
    }
    return found;
  }

  /** Monthly cents for scale × step on a date; null when no table applies or it lacks the step. */
  monthlyOn(scale: number, step: number, date: string): number | null {
    let found: TableVersion | null = null;
    for (const version of this.versions) {
      if (version.validFrom <= date) found = version;
      else break;
    }
    return found?.amounts.get(key(scale, step)) ?? null;
  }

  hasScale(scale: number): boolean {
    return this.versions.some((v) => [...v.amounts.keys()].some((k) => k.startsWith(`${scale}/`)));
  }
}

export interface CostRates {
  normalWeekHours: number;
  ikbPercent: number;
  employerChargesPercent: number;
}

export interface CostParts {
  salaryCents: number;
  ikbCents: number;
  chargesCents: number;
  totalCents: number;
}

export interface EmployeeMonthCost extends CostParts {
  employeeId: number;
  /** 1–12 */
  month: number;
  costCentre: string;
}

/** Days on which an employee's salary could not be priced: no table, or a scale/step it lacks. */
export interface MissingSalary {
  employeeId: number;
  personnelNumber: string;
  name: string;
  salaryScale: number | null;
  salaryStep: number | null;
  /** The salary table that applied (null: no table yet on those days). */
  tableValidFrom: string | null;
  from: string;
  to: string;
  days: number;
}

export interface EmployeeForecast {
  months: EmployeeMonthCost[];
  missing: MissingSalary[];
  /** Σ FTE over the year's days / days in the year: the employee's average FTE in the year. */
  averageFte: number;
}

export function costParts(salaryCents: number, rates: Pick<CostRates, 'ikbPercent' | 'employerChargesPercent'>): CostParts {
  const ikbCents = Math.round((salaryCents * rates.ikbPercent) / 100);
  const chargesCents = Math.round(((salaryCents + ikbCents) * rates.employerChargesPercent) / 100);
  return { salaryCents, ikbCents, chargesCents, totalCents: salaryCents + ikbCents + chargesCents };
}

export function forecastEmployee(employee: EmployeeHistory, year: number, tables: SalaryTables, rates: CostRates): EmployeeForecast {
  const months: EmployeeMonthCost[] = [];
  const missing: MissingSalary[] = [];
  let fteDays = 0;
  let yearDays = 0;
  let run: MissingSalary | null = null;
  const name = displayName(employee);
  for (let month = 1; month <= 12; month += 1) {
    const dim = daysInMonth(year, month);
    const first = toDayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
    const buckets = new Map<string, number>();
    for (let d = first; d < first + dim; d += 1) {
      yearDays += 1;
      const day = fromDayNumber(d);
      const terms = termsOn(employee, day);
      if (!terms) continue;
      const factor = fteOf(terms.hoursPerWeek, rates.normalWeekHours);
      fteDays += factor;
      const monthly = terms.salaryScale === null || terms.salaryStep === null ? null : tables.monthlyOn(terms.salaryScale, terms.salaryStep, day);
      if (monthly === null) {
        const tableValidFrom = tables.validFromOn(day);
        if (run && run.salaryScale === terms.salaryScale && run.salaryStep === terms.salaryStep && run.tableValidFrom === tableValidFrom && toDayNumber(run.to) === d - 1) {
          run.to = day;
          run.days += 1;
        } else {
          run = { employeeId: employee.id, personnelNumber: employee.personnelNumber, name, salaryScale: terms.salaryScale, salaryStep: terms.salaryStep, tableValidFrom, from: day, to: day, days: 1 };
          missing.push(run);
        }
        // The employee still counts on the cost centre, at zero cost, so the gap is visible rather than hidden.
        buckets.set(terms.costCentre, buckets.get(terms.costCentre) ?? 0);
        continue;
      }
      buckets.set(terms.costCentre, (buckets.get(terms.costCentre) ?? 0) + (monthly * factor) / dim);
    }
    for (const [costCentre, exact] of [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      months.push({ employeeId: employee.id, month, costCentre, ...costParts(Math.round(exact), rates) });
    }
  }
  return { months, missing, averageFte: yearDays === 0 ? 0 : fteDays / yearDays };
}

export function sumParts(items: Iterable<CostParts>): CostParts {
  const total = { salaryCents: 0, ikbCents: 0, chargesCents: 0, totalCents: 0 };
  for (const item of items) {
    total.salaryCents += item.salaryCents;
    total.ikbCents += item.ikbCents;
    total.chargesCents += item.chargesCents;
    total.totalCents += item.totalCents;
  }
  return total;
}

// ── Comparison with the budget ─────────────────────────────────────────────

/** Forecast cost that a budget line (cost centre × account) pays. */
export interface CostItem {
  costCentre: string;
  account: string;
  employeeCents: number;
  hireCents: number;
}

export interface BudgetLineAmounts {
  costCentre: string;
  account: string;
  accountName: string;
  currentCents: number;
  actualCents: number;
}

export type CostGroup = 'salaries' | 'hire' | 'other';

export interface PersonnelBudgetRow {
  costCentre: string;
  group: CostGroup;
  /** The budget lines (accounts) the row adds up. */
  accounts: string[];
  accountNames: string[];
  budgetCents: number;
  actualCents: number;
  employeeCents: number;
  hireCents: number;
  forecastCents: number;
  /** budget − forecast: positive is favourable (V), as on the budget page. */
  varianceCents: number;
  varianceLabel: 'V' | 'N' | '';
}

export interface PersonnelAccounts {
  salary: string[];
  hire: string[];
}

const upper = (codes: string[]) => codes.map((c) => c.trim().toUpperCase());

/**
 * Puts the forecast beside the budget: per cost centre, the salary accounts together (employees'
 * costs and any hire paid from the salary budget, e.g. on a vacancy) and the hire accounts together;
 * a hire paid from any other account gets a row of its own.
 */
export function compareWithBudget(items: CostItem[], lines: BudgetLineAmounts[], accounts: PersonnelAccounts): PersonnelBudgetRow[] {
  const salary = new Set(upper(accounts.salary));
  const hire = new Set(upper(accounts.hire));
  const groupOf = (account: string): { group: CostGroup; key: string } => {
    const code = account.toUpperCase();
    if (salary.has(code)) return { group: 'salaries', key: 'salaries' };
    if (hire.has(code)) return { group: 'hire', key: 'hire' };
    return { group: 'other', key: `other:${code}` };
  };
  const rows = new Map<string, PersonnelBudgetRow>();
  const row = (costCentre: string, account: string): PersonnelBudgetRow => {
    const { group, key: groupKey } = groupOf(account);
    const id = `${costCentre}|${groupKey}`;
    let r = rows.get(id);
    if (!r) {
      r = { costCentre, group, accounts: [], accountNames: [], budgetCents: 0, actualCents: 0, employeeCents: 0, hireCents: 0, forecastCents: 0, varianceCents: 0, varianceLabel: '' };
      rows.set(id, r);
    }
    return r;
  };
  for (const line of lines) {
    const { group } = groupOf(line.account);
    if (group === 'other') continue;
    const r = row(line.costCentre, line.account);
    r.budgetCents += line.currentCents;
    r.actualCents += line.actualCents;
    if (!r.accounts.includes(line.account)) {
      r.accounts.push(line.account);
      r.accountNames.push(line.accountName);
    }
  }
  for (const item of items) {
    const r = row(item.costCentre, item.account);
    r.employeeCents += item.employeeCents;
    r.hireCents += item.hireCents;
    if (!r.accounts.includes(item.account)) {
      const line = lines.find((l) => l.costCentre === item.costCentre && l.account === item.account);
      if (line) {
        r.budgetCents += line.currentCents;
        r.actualCents += line.actualCents;
      }
      r.accounts.push(item.account);
      r.accountNames.push(line?.accountName ?? '');
    }
  }
  const order: Record<CostGroup, number> = { salaries: 0, hire: 1, other: 2 };
  return [...rows.values()]
    .map((r) => {
      const forecastCents = r.employeeCents + r.hireCents;
      const varianceCents = r.budgetCents - forecastCents;
      return { ...r, forecastCents, varianceCents, varianceLabel: varianceCents > 0 ? ('V' as const) : varianceCents < 0 ? ('N' as const) : ('' as const) };
    })
    .sort((a, b) => a.costCentre.localeCompare(b.costCentre) || order[a.group] - order[b.group] || a.accounts.join().localeCompare(b.accounts.join()));
}
