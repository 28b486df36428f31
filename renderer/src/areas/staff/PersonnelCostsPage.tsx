import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployeeCostRow, HireCostRow, MonthCostRow } from '../../../../shared/domain/staff/types.ts';
import { formatCents, formatDate, formatPercent, MONTHS_NL } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { moneyColumn } from '../../components/grid.ts';
import { useApi } from '../../components/useApi.ts';
import { formatFte, formatHours } from './common.tsx';
import { BudgetComparisonTable } from './costs-shared.tsx';
import { FormError } from '../../components/forms.tsx';
import { Gap } from '../setup/Gap.tsx';
import { SetupHint } from '../setup/SetupHint.tsx';

function monthTotal(months: MonthCostRow[]): MonthCostRow {
  const total: MonthCostRow = { month: 0, salaryCents: 0, ikbCents: 0, chargesCents: 0, employeeCents: 0, hireCents: 0, totalCents: 0 };
  for (const m of months) {
    total.salaryCents += m.salaryCents;
    total.ikbCents += m.ikbCents;
    total.chargesCents += m.chargesCents;
    total.employeeCents += m.employeeCents;
    total.hireCents += m.hireCents;
    total.totalCents += m.totalCents;
  }
  return total;
}

export function PersonnelCostsPage({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(fiscalYear);
  const forecast = useApi(() => api.personnelCosts.forecast({ year }), [year]);
  const f = forecast.data;

  const monthColumns = useMemo<ColDef<MonthCostRow>[]>(
    () => [
      { field: 'month', headerName: t('costs.month'), valueFormatter: (p) => (p.node?.rowPinned ? t('formation.total') : (MONTHS_NL[(p.value as number) - 1] ?? '')), width: 130 },
      moneyColumn<MonthCostRow>('salaryCents', t('costs.salary')),
      moneyColumn<MonthCostRow>('ikbCents', t('costs.ikb')),
      moneyColumn<MonthCostRow>('chargesCents', t('costs.charges')),
      moneyColumn<MonthCostRow>('employeeCents', t('costs.employees')),
      moneyColumn<MonthCostRow>('hireCents', t('costs.hire')),
      moneyColumn<MonthCostRow>('totalCents', t('costs.total')),
    ],
    [t],
  );
  const employeeColumns = useMemo<ColDef<EmployeeCostRow>[]>(
    () => [
      { field: 'personnelNumber', headerName: t('staff.personnelNumber'), width: 130 },
      { field: 'sortName', headerName: t('staff.name'), minWidth: 220 },
      { colId: 'costCentres', headerName: t('staff.costCentre'), valueGetter: (p) => p.data?.costCentres.join(', ') ?? '', width: 130 },
      { field: 'averageFte', headerName: t('costs.averageFte'), type: 'rightAligned', width: 150, valueFormatter: (p) => formatFte(p.value as number), context: { cellKind: { type: 'decimal' } } },
      moneyColumn<EmployeeCostRow>('salaryCents', t('costs.salary')),
      moneyColumn<EmployeeCostRow>('ikbCents', t('costs.ikb')),
      moneyColumn<EmployeeCostRow>('chargesCents', t('costs.charges')),
      moneyColumn<EmployeeCostRow>('totalCents', t('costs.total')),
    ],
    [t],
  );
  const hireColumns = useMemo<ColDef<HireCostRow>[]>(
    () => [
      { field: 'contractor', headerName: t('hires.contractor'), minWidth: 180 },
      { field: 'assignment', headerName: t('hires.assignment'), minWidth: 220, flex: 1 },
      { field: 'costCentre', headerName: t('staff.costCentre'), width: 120 },
      { field: 'account', headerName: t('hires.account'), width: 130 },
      { field: 'hours', headerName: t('costs.hours'), type: 'rightAligned', width: 110, valueFormatter: (p) => formatHours(p.value as number), context: { cellKind: { type: 'decimal' } } },
      moneyColumn<HireCostRow>('cents', t('costs.hire')),
    ],
    [t],
  );

  // Without salary amounts the own staff's costs are unknown: those figures say so instead of € 0.
  const notYet = t('gaps.short');
  const own = (cents: number) => (f?.gap ? notYet : formatCents(cents, { whole: true }));
  const figures: Array<[string, string, string]> = f
    ? [
        ['salary', t('costs.salary'), own(f.employeeTotal.salaryCents)],
        ['ikb', t('costs.ikb'), own(f.employeeTotal.ikbCents)],
        ['charges', t('costs.charges'), own(f.employeeTotal.chargesCents)],
        ['hire', t('costs.hire'), formatCents(f.hireCents, { whole: true })],
        ['total', t('costs.total'), own(f.totalCents)],
        ['budget', t('costs.budget'), formatCents(f.budgetTotal.budgetCents, { whole: true })],
        ['variance', t('costs.variance'), f.gap ? notYet : `${formatCents(f.budgetTotal.varianceCents, { whole: true })} ${f.budgetTotal.varianceCents > 0 ? 'V' : f.budgetTotal.varianceCents < 0 ? 'N' : ''}`],
        ['inhuur', t('costs.inhuurPercent'), f.gap ? notYet : formatPercent(f.inhuurPercent)],
      ]
    : [];

  return (
    <div>
      <div className="page-header">
        <h1>{t('costs.title', { year })}</h1>
        <label className="inline-field" htmlFor="costs-year">
          {t('app.year')}{' '}
          <select id="costs-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {[fiscalYear - 1, fiscalYear, fiscalYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError message={forecast.error} />
      <SetupHint steps={['staff', 'salaryTable', 'budget', 'assignments']} />
      {f?.gap && (
        <p className="warning" data-testid="costs-gap">
          {t('costs.figuresWaiting')} <Gap code={f.gap} />
        </p>
      )}
      {f && (
        <>
          <p className="muted">
            {t('costs.assumptions', {
              week: formatHours(f.rates.normalWeekHours),
              ikb: formatPercent(f.rates.ikbPercent, 2),
              charges: formatPercent(f.rates.employerChargesPercent, 2),
              salary: f.accounts.salary.join(', '),
              hire: f.accounts.hire.join(', ') || '–',
            })}{' '}
            <a href="#/settings">{t('costs.changeSettings')}</a>
          </p>
          <dl className="key-figures" aria-label={t('costs.keyFigures')}>
            {figures.map(([key, label, value]) => (
              <div key={key} className="key-figure">
                <dt>{label}</dt>
                <dd data-testid={`costs-${key}`}>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">{t('costs.method')}</p>
          {f.missing.length > 0 && !f.gap && (
            <section className="warning" aria-labelledby="missing-title" data-testid="costs-missing">
              <h2 id="missing-title">⚠ {t('costs.missingTitle', { count: f.missing.length })}</h2>
              <ul>
                {f.missing.slice(0, 50).map((m) => (
                  <li key={`${m.employeeId}-${m.from}`}>
                    {t('costs.missingLine', {
                      name: m.name,
                      number: m.personnelNumber,
                      scale: m.salaryScale ?? '–',
                      step: m.salaryStep ?? '–',
                      from: formatDate(m.from),
                      to: formatDate(m.to),
                      table: m.tableValidFrom ? formatDate(m.tableValidFrom) : t('costs.noTable'),
                    })}
                  </li>
                ))}
              </ul>
              <p>
                <a href="#/salary">{t('costs.toSalaryTable')}</a>
              </p>
            </section>
          )}
          <section className="card" aria-labelledby="comparison-title">
            <h2 id="comparison-title">{t('costs.comparisonTitle')}</h2>
            <p className="hint">{t('costs.comparisonHint')}</p>
            <BudgetComparisonTable rows={f.budget} caption={t('costs.comparisonCaption', { year })} gap={f.gap} />
          </section>
          {/* Months and employees of € 0 until the salary table is there: left out rather than shown as costs. */}
          {!f.gap && (
            <DataGrid<MonthCostRow>
              label={t('costs.perMonth')}
              rowData={f.months}
              columnDefs={monthColumns}
              pinnedBottomRowData={[monthTotal(f.months)]}
              getRowClass={(p) => (p.node.rowPinned ? 'row-total' : undefined)}
              height={500}
            />
          )}
          {!f.gap && (
            <DataGrid<EmployeeCostRow>
              label={t('costs.perEmployee')}
              rowData={f.employees}
              columnDefs={employeeColumns}
              pinnedBottomRowData={[{ ...f.employeeTotal, employeeId: 0, personnelNumber: '', displayName: '', sortName: t('formation.total'), costCentres: [], averageFte: f.employees.reduce((s, e) => s + e.averageFte, 0) }]}
              getRowClass={(p) => (p.node.rowPinned ? 'row-total' : undefined)}
              height={380}
            />
          )}
          {f.hires.length > 0 && <DataGrid<HireCostRow> label={t('costs.perHire')} rowData={f.hires} columnDefs={hireColumns} height={240} />}
        </>
      )}
    </div>
  );
}
