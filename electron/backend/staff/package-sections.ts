import type { Period } from '../../../shared/domain/period.ts';
import { occupationOn } from '../../../shared/domain/staff/formation.ts';
import { fteOf, roundFte, type Terms } from '../../../shared/domain/staff/terms.ts';
import type { Formation, PersonnelCosts, StaffMember } from '../../../shared/exchange/schema.ts';
import { formatCents } from '../../../shared/format/nl.ts';
import { summary } from '../budget/service.ts';
import type { PackageSection } from '../exchange/sections.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { personnelCostForecast } from './costs.ts';
import { loadEmployees, positionCodes } from './employees.ts';
import { loadPositions } from './formation.ts';
import { loadHires } from './hires/service.ts';
import { staffSettings } from './settings.ts';

/**
 * What the staff area puts into the packages: the HR summary's basis, staff list and formation, and
 * the finance summary's personnel costs. No names anywhere: HR matches on personnel numbers, and
 * finance gets amounts only.
 */

/** The normal working week of the department (FTE = hours / this), from the staff setting. */
export const hrBasisSection: PackageSection = {
  kind: 'hr-summary',
  key: 'basis',
  area: 'staff',
  build: (wb, period) => ({ periodStart: period.start, periodEnd: period.end, referenceDate: period.end, normalWeekHours: staffSettings(wb).normalWeekHours }),
};

/**
 * The terms that matter for a period: those in force on the first day the employee counts in it
 * (the period start or a later start of employment) and every change up to the period's (or the
 * employment's) end. An employee whose history starts later than the employment keeps the first
 * terms as the ones in force, exactly as the absence figures treat those days.
 */
export function termsForPeriod<T extends Pick<Terms, 'validFrom'>>(terms: readonly T[], countsFrom: string, countsUntil: string): T[] {
  let first = 0;
  for (let i = 0; i < terms.length; i++) if (terms[i].validFrom <= countsFrom) first = i;
  return terms.slice(first).filter((t, i) => i === 0 || t.validFrom <= countsUntil);
}

/** Employees employed at some time in the period, by personnel number, with their terms in the period. */
export function staffList(wb: Workbook, period: Period): StaffMember[] {
  const { normalWeekHours } = staffSettings(wb);
  const codes = positionCodes(wb);
  const members: StaffMember[] = [];
  for (const e of loadEmployees(wb)) {
    if (e.startDate > period.end || (e.endDate !== null && e.endDate < period.start) || e.terms.length === 0) continue;
    const countsFrom = e.startDate > period.start ? e.startDate : period.start;
    const countsUntil = e.endDate !== null && e.endDate < period.end ? e.endDate : period.end;
    members.push({
      personnelNumber: e.personnelNumber,
      employmentStart: e.startDate,
      employmentEnd: e.endDate,
      terms: termsForPeriod(e.terms, countsFrom, countsUntil).map((t) => ({
        validFrom: t.validFrom,
        costCentre: t.costCentre,
        functionTitle: t.functionTitle,
        salaryScale: t.salaryScale,
        salaryStep: t.salaryStep,
        hoursPerWeek: t.hoursPerWeek,
        fte: roundFte(fteOf(t.hoursPerWeek, normalWeekHours)),
        contractType: t.contractType,
        positionId: t.formationPositionId === null ? null : (codes.get(t.formationPositionId) ?? null),
      })),
    });
  }
  return members.sort((a, b) => a.personnelNumber.localeCompare(b.personnelNumber));
}

/** Nobody employed in the period: no HR summary (the export says the staff list is missing) rather than one about nobody. */
export const hrStaffSection: PackageSection = {
  kind: 'hr-summary',
  key: 'staff',
  area: 'staff',
  build: (wb, period) => {
    const members = staffList(wb, period);
    return members.length > 0 ? members : undefined;
  },
};

/**
 * Positions valid on the reference date (the period end) with the FTE of the employees linked to
 * them. Left out when the department has set up no formation at all, so central can tell "no
 * formation registered" from "every position vacant".
 */
export function formationOnReferenceDate(wb: Workbook, period: Period): Formation | undefined {
  const positions = loadPositions(wb);
  if (positions.length === 0) return undefined;
  const result = occupationOn(period.end, positions, loadEmployees(wb), staffSettings(wb).normalWeekHours, loadHires(wb));
  return {
    positions: result.positions.map((p) => ({
      positionId: p.code,
      costCentre: p.costCentre,
      functionTitle: p.functionTitle,
      salaryScale: p.salaryScale,
      formationFte: p.formationFte,
      occupationFte: p.occupiedFte,
    })),
  };
}

export const hrFormationSection: PackageSection = { kind: 'hr-summary', key: 'formation', area: 'staff', build: formationOnReferenceDate };

/** 17.05 → "17,05", 33 → "33": percentages as the settings hold them. */
const dutchNumber = (value: number) => String(value).replace('.', ',');

/**
 * The personnel cost forecast of the period's year against the budget of the salary accounts
 * (setting `personnelSalaryAccounts`): own staff's salary, IKB and employer charges, plus any hire
 * the department pays from those accounts (vacancy budget), as the Personeelskosten page shows it.
 * Hire on the hire accounts belongs to the `externalHire` section. Actuals are the bookings on the
 * salary accounts up to the period's end. Left out when there is neither staff nor a salary budget.
 */
export function personnelCosts(wb: Workbook, period: Period): PersonnelCosts | undefined {
  const settings = staffSettings(wb);
  const forecast = personnelCostForecast(wb, period.year);
  const rows = forecast.budget.filter((r) => r.group === 'salaries');
  if (rows.length === 0) return undefined;
  const salaryAccounts = new Set(settings.personnelSalaryAccounts.map((a) => a.toUpperCase()));
  const salaryLines = summary(wb, period.year, period.end).lines.filter((l) => salaryAccounts.has(l.account.toUpperCase()));

  const byCostCentre = new Map<string, { budgetCents: number; forecastCents: number; varianceCents: number }>();
  let hireOnSalaryCents = 0;
  for (const row of rows) {
    const entry = byCostCentre.get(row.costCentre) ?? { budgetCents: 0, forecastCents: 0, varianceCents: 0 };
    entry.budgetCents += row.budgetCents;
    entry.forecastCents += row.forecastCents;
    entry.varianceCents += row.varianceCents;
    byCostCentre.set(row.costCentre, entry);
    hireOnSalaryCents += row.hireCents;
  }
  const budgetCents = rows.reduce((s, r) => s + r.budgetCents, 0);
  const forecastCents = rows.reduce((s, r) => s + r.forecastCents, 0);

  const accounts = settings.personnelSalaryAccounts.join(', ');
  const parts = [
    `Prognose ${period.year} op salarisrekening(en) ${accounts}: eigen personeel ${formatCents(forecast.employeeTotal.totalCents)} (salaris, IKB ${dutchNumber(settings.ikbPercent)} %, werkgeverslasten ${dutchNumber(settings.employerChargesPercent)} %)`,
  ];
  if (hireOnSalaryCents !== 0) parts.push(`inhuur ten laste van het salarisbudget ${formatCents(hireOnSalaryCents)}`);
  const missingDays = forecast.missing.reduce((s, m) => s + m.days, 0);
  if (missingDays > 0) parts.push(`voor ${missingDays} dag(en) ontbreekt een bedrag in de salaristabel (geteld als € 0)`);

  return {
    budgetCents,
    actualCents: salaryLines.length > 0 ? salaryLines.reduce((s, l) => s + l.actualCents, 0) : null,
    forecastCents,
    varianceCents: budgetCents - forecastCents,
    byCostCentre: [...byCostCentre.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([costCentre, f]) => ({ costCentre, ...f })),
    note: `${parts.join('; ')}.`,
  };
}

export const financePersonnelCostsSection: PackageSection = { kind: 'finance-summary', key: 'personnelCosts', area: 'staff', build: personnelCosts };

export const staffPackageSections: PackageSection[] = [hrBasisSection, hrStaffSection, hrFormationSection, financePersonnelCostsSection];
