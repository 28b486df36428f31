import { forEachDay } from './calendar.ts';
import { fteOf, roundFte, termsOn, type EmployeeHistory } from './terms.ts';

export interface StaffFigures {
  /** Employees employed on the date (persons). */
  headcount: number;
  fte: number;
}

export interface StaffPeriodFigures extends StaffFigures {
  /** Employed person-days / days in the period. */
  averageHeadcount: number;
  /** FTE-days / days in the period. */
  averageFte: number;
}

/**
 * Headcount and FTE on the period's last day (the peildatum of municipal reports) and averaged over
 * its days, in total and per cost centre (each day on the cost centre of that day's terms).
 */
export function staffFigures(employees: EmployeeHistory[], start: string, end: string, normalWeekHours: number): { total: StaffPeriodFigures; costCentres: Record<string, StaffPeriodFigures> } {
  const sums = new Map<string, { headcount: number; fte: number; personDays: number; fteDays: number }>();
  const entry = (key: string) => {
    let e = sums.get(key);
    if (!e) {
      e = { headcount: 0, fte: 0, personDays: 0, fteDays: 0 };
      sums.set(key, e);
    }
    return e;
  };
  const total = entry('');
  let days = 0;
  forEachDay(start, end, () => {
    days += 1;
  });
  for (const employee of employees) {
    forEachDay(start, end, (day) => {
      const terms = termsOn(employee, day);
      if (!terms) return;
      const fte = fteOf(terms.hoursPerWeek, normalWeekHours);
      for (const e of [total, entry(terms.costCentre)]) {
        e.personDays += 1;
        e.fteDays += fte;
        if (day === end) {
          e.headcount += 1;
          e.fte += fte;
        }
      }
    });
  }
  const finish = (e: { headcount: number; fte: number; personDays: number; fteDays: number }): StaffPeriodFigures => ({
    headcount: e.headcount,
    fte: roundFte(e.fte),
    averageHeadcount: Math.round((e.personDays / days) * 100) / 100,
    averageFte: roundFte(e.fteDays / days),
  });
  const costCentres: Record<string, StaffPeriodFigures> = {};
  for (const [key, e] of [...sums.entries()].sort(([a], [b]) => a.localeCompare(b))) if (key !== '') costCentres[key] = finish(e);
  return { total: finish(total), costCentres };
}
