import type { CostParts, MissingSalary, PersonnelBudgetRow } from './costs.ts';
import type { CostCentreOccupation, OccupationFigures, PositionOccupation, PositionStatus, UnplacedEmployee } from './formation.ts';
import type { ExternalHire } from './hires.ts';
import type { Terms } from './terms.ts';

/** What the API returns for the staff area; shapes for the renderer, the CLI and exports. */

export interface TermsView extends Terms {
  id: number;
  /** The day before the next change; null = still valid. */
  validTo: string | null;
  fte: number;
  formationPositionCode: string | null;
}

export type EmploymentStatus = 'employed' | 'future' | 'left';

export interface EmployeeView {
  id: number;
  personnelNumber: string;
  firstName: string;
  infix: string;
  lastName: string;
  /** "Thijs van den Berg" */
  displayName: string;
  /** "Berg, Thijs van den" */
  sortName: string;
  /** First day in this department (the workbook counts the employee from here). */
  startDate: string;
  endDate: string | null;
  /** The HR system's "datum in dienst" when the employee joined this department later (a transfer); else null. */
  organisationStartDate: string | null;
  /** The date the view is for (peildatum). */
  date: string;
  status: EmploymentStatus;
  /** Terms on the date; for someone not (yet) employed then, the nearest terms (first or last). */
  terms: TermsView | null;
  /** FTE on the date (0 when not employed then). */
  fte: number;
}

export interface EmployeeDetail extends EmployeeView {
  history: TermsView[];
}

export interface PositionView {
  id: number;
  code: string;
  functionTitle: string;
  salaryScale: number | null;
  fte: number;
  costCentre: string;
  validFrom: string;
  validTo: string | null;
  note: string;
  /** Occupation on the requested date; null when the position is not valid then. */
  occupation: PositionOccupation | null;
  status: PositionStatus | 'notValid';
}

export interface OccupationView {
  date: string;
  normalWeekHours: number;
  positions: PositionOccupation[];
  costCentres: Array<CostCentreOccupation & { name: string }>;
  total: OccupationFigures;
  /** Cost centres with people but no formation recorded: left out of the formation figures. */
  withoutFormation: string[];
  /** Employees working on the date who fill no position. */
  unplaced: UnplacedEmployee[];
}

export interface OccupationMonth {
  /** "2027-04" */
  month: string;
  /** The last day of the month, on which the figures are taken. */
  date: string;
  total: OccupationFigures;
}

export interface SalaryTableInfo {
  validFrom: string;
  entries: number;
  scales: number;
}

export interface SalaryEntryView {
  id: number;
  validFrom: string;
  scale: number;
  step: number;
  monthlyCents: number;
}

export interface EmployeeCostRow extends CostParts {
  employeeId: number;
  personnelNumber: string;
  displayName: string;
  sortName: string;
  /** Cost centres the employee's costs fell on this year. */
  costCentres: string[];
  averageFte: number;
}

export interface MonthCostRow {
  month: number;
  salaryCents: number;
  ikbCents: number;
  chargesCents: number;
  employeeCents: number;
  hireCents: number;
  totalCents: number;
}

export interface HireCostRow {
  hireId: number;
  kind: ExternalHire['kind'];
  contractor: string;
  assignment: string;
  costCentre: string;
  account: string;
  /** Null for a hire without hours per week (its cost is its ceiling spread over its working days). */
  hours: number | null;
  cents: number;
}

export interface PersonnelCostForecast {
  year: number;
  rates: { normalWeekHours: number; ikbPercent: number; employerChargesPercent: number };
  accounts: { salary: string[]; hire: string[] };
  /** Employees: salary, IKB, employer charges and their total. */
  employeeTotal: CostParts;
  hireCents: number;
  /** Employees and external hire together. */
  totalCents: number;
  /** External hire / (employees + external hire) × 100; null without costs, or while `gap`. */
  inhuurPercent: number | null;
  /**
   * Why the own staff's costs (and so the total, its variance and the inhuurpercentage) cannot be
   * computed: the workbook has employees but no salary table, or none of their scales and steps in it.
   * The amounts are then 0 and must not be shown as costs.
   */
  gap: 'no-salary-table' | 'no-salary-amounts' | null;
  months: MonthCostRow[];
  employees: EmployeeCostRow[];
  hires: HireCostRow[];
  budget: PersonnelBudgetRow[];
  budgetTotal: { budgetCents: number; actualCents: number; forecastCents: number; varianceCents: number };
  missing: MissingSalary[];
}
