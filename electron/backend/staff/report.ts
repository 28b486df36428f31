import { occupationOn } from '../../../shared/domain/staff/formation.ts';
import { staffFigures } from '../../../shared/domain/staff/headcount.ts';
import { dbaFlags, hireCostBetween, isHireActiveOn } from '../../../shared/domain/staff/hires.ts';
import type { ReportSection } from '../report.ts';
import { personnelCostForecast } from './costs.ts';
import { loadEmployees } from './employees.ts';
import { loadPositions } from './formation.ts';
import { loadHires } from './hires/service.ts';
import { staffSettings } from './settings.ts';

/**
 * `werkboek report` keys of the staff area. Headcount, FTE and formation are taken on the period's last
 * day (the peildatum of municipal reports); averages over the period's days are given beside them.
 * Costs are the forecast of the period's year, with the part that falls in the period.
 */
export const staffReportSection: ReportSection = (wb, period) => {
  if (wb.meta.kind !== 'department') return {};
  const settings = staffSettings(wb);
  const employees = loadEmployees(wb);
  const hires = loadHires(wb);
  const figures = staffFigures(employees, period.start, period.end, settings.normalWeekHours);
  const occupation = occupationOn(period.end, loadPositions(wb), employees, settings.normalWeekHours, hires);
  const forecast = personnelCostForecast(wb, period.year);
  const firstMonth = Number(period.start.slice(5, 7));
  const periodMonths = forecast.months.filter((m) => m.month >= firstMonth && m.month < firstMonth + period.months);
  const periodHire = hires.reduce(
    (sum, h) => {
      const cost = hireCostBetween(h, period.start, period.end);
      return { hours: sum.hours + (cost.hours ?? 0), cents: sum.cents + cost.cents };
    },
    { hours: 0, cents: 0 },
  );

  const costCentreCodes = new Set([...wb.departmentCostCentres(), ...Object.keys(figures.costCentres), ...occupation.costCentres.map((c) => c.costCentre), ...forecast.budget.map((b) => b.costCentre)]);
  const formationByCc = new Map(occupation.costCentres.map((c) => [c.costCentre, c]));
  const costsByCc = new Map<string, { forecastCents: number; budgetCents: number; varianceCents: number }>();
  for (const row of forecast.budget) {
    const entry = costsByCc.get(row.costCentre) ?? { forecastCents: 0, budgetCents: 0, varianceCents: 0 };
    entry.forecastCents += row.forecastCents;
    entry.budgetCents += row.budgetCents;
    entry.varianceCents += row.varianceCents;
    costsByCc.set(row.costCentre, entry);
  }
  const sorted = [...costCentreCodes].sort();
  const t = occupation.total;
  const formationReason = t.formationGap;
  const costs = forecast.gap;
  // A figure that cannot be computed is null with a `…Reason` key beside it, never a misleading 0.
  const reasons = (gap: string | null, keys: string[]) => (gap === null ? {} : Object.fromEntries(keys.map((k) => [`${k}Reason`, gap])));

  return {
    staff: {
      date: period.end,
      normalWeekHours: settings.normalWeekHours,
      headcount: figures.total.headcount,
      fte: figures.total.fte,
      averageHeadcount: figures.total.averageHeadcount,
      averageFte: figures.total.averageFte,
      costCentres: Object.fromEntries(sorted.map((cc) => [cc, figures.costCentres[cc] ?? { headcount: 0, fte: 0, averageHeadcount: 0, averageFte: 0 }])),
    },
    formation: {
      date: period.end,
      fte: t.formationFte,
      occupiedFte: t.occupiedFte,
      vacancyFte: t.vacancyFte,
      overOccupationFte: t.overOccupationFte,
      occupancyPercent: t.occupancyPercent,
      ...reasons(formationReason, ['fte', 'vacancyFte', 'overOccupationFte', 'occupancyPercent']),
      unlinkedFte: t.unlinkedFte,
      hireFte: t.hireFte,
      positions: occupation.positions.length,
      vacantPositions: occupation.positions.filter((p) => p.status === 'vacant' || p.status === 'partlyVacant').length,
      withoutFormation: occupation.withoutFormation,
      costCentres: Object.fromEntries(
        sorted.map((cc) => {
          const c = formationByCc.get(cc);
          // A cost centre with neither people nor positions: no formation recorded, nobody to compare.
          const gap = c ? c.formationGap : 'no-positions';
          return [
            cc,
            {
              fte: c?.formationFte ?? null,
              occupiedFte: c?.occupiedFte ?? 0,
              vacancyFte: c?.vacancyFte ?? null,
              overOccupationFte: c?.overOccupationFte ?? null,
              occupancyPercent: c?.occupancyPercent ?? null,
              ...reasons(gap, ['fte', 'vacancyFte', 'overOccupationFte', 'occupancyPercent']),
            },
          ];
        }),
      ),
    },
    personnelCosts: {
      year: forecast.year,
      forecastCents: costs ? null : forecast.totalCents,
      salaryCents: costs ? null : forecast.employeeTotal.salaryCents,
      ikbCents: costs ? null : forecast.employeeTotal.ikbCents,
      employerChargesCents: costs ? null : forecast.employeeTotal.chargesCents,
      employeeCents: costs ? null : forecast.employeeTotal.totalCents,
      externalHireCents: forecast.hireCents,
      inhuurPercent: forecast.inhuurPercent,
      budgetCents: forecast.budgetTotal.budgetCents,
      varianceCents: costs ? null : forecast.budgetTotal.varianceCents,
      periodForecastCents: costs ? null : periodMonths.reduce((s, m) => s + m.totalCents, 0),
      ...reasons(costs, ['forecastCents', 'salaryCents', 'ikbCents', 'employerChargesCents', 'employeeCents', 'inhuurPercent', 'varianceCents', 'periodForecastCents']),
      missingSalaryDays: forecast.missing.reduce((s, m) => s + m.days, 0),
      costCentres: Object.fromEntries(
        sorted.map((cc) => {
          const row = costsByCc.get(cc) ?? { forecastCents: 0, budgetCents: 0, varianceCents: 0 };
          return [cc, costs ? { forecastCents: null, budgetCents: row.budgetCents, varianceCents: null, ...reasons(costs, ['forecastCents', 'varianceCents']) } : row];
        }),
      ),
    },
    externalHire: {
      active: hires.filter((h) => isHireActiveOn(h, period.end)).length,
      periodHours: Math.round(periodHire.hours * 100) / 100,
      periodCents: periodHire.cents,
      dbaFlagged: hires.filter((h) => isHireActiveOn(h, period.end) && dbaFlags(h, settings.zzpFlagMonths).length > 0).length,
    },
  };
};
