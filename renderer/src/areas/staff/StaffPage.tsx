import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesNameSearch } from '../../../../shared/domain/staff/names.ts';
import type { EmployeeDetail, EmployeeView } from '../../../../shared/domain/staff/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { DateField } from '../../components/DateField.tsx';
import { defaultPeildatum, formatFte, formatHours } from './common.tsx';
import { AddEmployeeForm, ChangeTermsForm, EmploymentForm } from './EmployeeForms.tsx';
import { FormError } from '../../components/forms.tsx';

type Row = EmployeeView;

export function StaffPage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [date, setDate] = useState(defaultPeildatum(fiscalYear));
  const [search, setSearch] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);
  const employees = useApi(() => api.staff.employees({ date, includeInactive: showAll }), [date, showAll, version]);
  const detail = useApi(async () => (selectedId === null ? null : api.staff.employee({ id: selectedId, date })), [selectedId, date, version]);
  const positions = useApi(() => api.formation.positions({ date }), [date, version]);
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const settings = useApi(() => api.workbook.settings({}), []);

  const statusLabel = (row: Row) => t(`staff.statuses.${row.status}`);
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'personnelNumber', headerName: t('staff.personnelNumber'), width: 130, pinned: 'left' },
      { field: 'sortName', headerName: t('staff.name'), minWidth: 220, pinned: 'left', comparator: (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' }) },
      { colId: 'functionTitle', headerName: t('staff.functionTitle'), valueGetter: (p) => p.data?.terms?.functionTitle ?? '', minWidth: 200 },
      { colId: 'salaryScale', headerName: t('staff.scale'), valueGetter: (p) => p.data?.terms?.salaryScale ?? null, width: 95, type: 'rightAligned', context: { cellKind: { type: 'integer' } } },
      { colId: 'salaryStep', headerName: t('staff.step'), valueGetter: (p) => p.data?.terms?.salaryStep ?? null, width: 95, type: 'rightAligned', context: { cellKind: { type: 'integer' } } },
      { colId: 'hoursPerWeek', headerName: t('staff.hoursPerWeek'), valueGetter: (p) => p.data?.terms?.hoursPerWeek ?? null, valueFormatter: (p) => formatHours(p.value as number | null), width: 130, type: 'rightAligned', context: { cellKind: { type: 'decimal' } } },
      { field: 'fte', headerName: t('staff.fte'), valueFormatter: (p) => formatFte(p.value as number), width: 95, type: 'rightAligned', context: { cellKind: { type: 'decimal' } } },
      { colId: 'costCentre', headerName: t('staff.costCentre'), valueGetter: (p) => p.data?.terms?.costCentre ?? '', width: 130 },
      { colId: 'position', headerName: t('staff.position'), valueGetter: (p) => p.data?.terms?.formationPositionCode ?? '', width: 150 },
      { colId: 'contractType', headerName: t('staff.contractType'), valueGetter: (p) => p.data?.terms?.contractType ?? '', width: 150 },
      { field: 'startDate', headerName: t('staff.startDate'), valueFormatter: (p) => formatDate(p.value as string), width: 130, context: { cellKind: { type: 'date' } } },
      { field: 'endDate', headerName: t('staff.endDate'), valueFormatter: (p) => formatDate(p.value as string | null), width: 130, context: { cellKind: { type: 'date' } } },
      { colId: 'status', headerName: t('staff.status'), valueGetter: (p) => (p.data ? statusLabel(p.data) : ''), width: 150 },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  const rows = useMemo(() => (employees.data ?? []).filter((e) => matchesNameSearch(e, search)), [employees.data, search]);
  const employed = (employees.data ?? []).filter((e) => e.status === 'employed');
  const totalFte = employed.reduce((sum, e) => sum + e.fte, 0);

  async function removeChange(termsId: number) {
    try {
      await api.staff.deleteTerms({ id: termsId });
      status.info(t('staff.changeRemoved'));
      refresh();
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  return (
    <div>
      <div className="page-header">
        <h1>{t('staff.title')}</h1>
      </div>
      <div className="toolbar filters">
        <DateField label={t('staff.peildatum')} value={date} onChange={setDate} id="staff-date" />
        <label className="inline-field" htmlFor="staff-search">
          {t('staff.search')}{' '}
          <input id="staff-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} size={28} />
        </label>
        <label className="inline-field">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> {t('staff.showAll')}
        </label>
        <a href="#/import?kind=staff">{t('staff.importLink')}</a>
      </div>
      <FormError message={employees.error} />
      <dl className="key-figures" aria-label={t('staff.keyFigures')}>
        <div className="key-figure">
          <dt>{t('staff.headcountOn', { date: formatDate(date) })}</dt>
          <dd data-testid="staff-headcount">{employed.length}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('staff.fteOn', { date: formatDate(date) })}</dt>
          <dd data-testid="staff-fte">{formatFte(totalFte)}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('staff.normalWeek')}</dt>
          <dd>{settings.data ? t('staff.hours', { hours: formatHours(settings.data.normalWeekHours) }) : ''}</dd>
        </div>
      </dl>
      <p className="hint">{t('staff.gridHint')}</p>
      <DataGrid<Row>
        label={t('staff.gridLabel', { date: formatDate(date) })}
        rowData={rows}
        columnDefs={columns}
        getRowId={(p) => String(p.data.id)}
        onCellFocused={(e) => {
          if (e.rowIndex === null) return;
          const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
          if (node?.data) setSelectedId(node.data.id);
        }}
        onRowClicked={(e) => e.data && setSelectedId(e.data.id)}
        height={420}
      />
      {detail.data && (
        <EmployeePanel
          employee={detail.data}
          readOnly={readOnly}
          onRemoveChange={removeChange}
          forms={
            <>
              <ChangeTermsForm employee={detail.data} costCentres={costCentres.data ?? []} positions={positions.data ?? []} readOnly={readOnly} onChanged={refresh} />
              <EmploymentForm employee={detail.data} readOnly={readOnly} onChanged={refresh} />
            </>
          }
        />
      )}
      {!detail.data && <p className="muted card">{t('staff.selectEmployee')}</p>}
      {!readOnly && (
        <AddEmployeeForm
          costCentres={costCentres.data ?? []}
          positions={positions.data ?? []}
          onAdded={(id) => {
            setSelectedId(id);
            refresh();
          }}
        />
      )}
    </div>
  );
}

function EmployeePanel({ employee, readOnly, onRemoveChange, forms }: { employee: EmployeeDetail; readOnly: boolean; onRemoveChange(id: number): void; forms: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="employee-title">
      <h2 id="employee-title">
        {employee.displayName} ({employee.personnelNumber})
      </h2>
      <p>
        {t('staff.employedFromTo', { start: formatDate(employee.startDate), end: employee.endDate ? formatDate(employee.endDate) : t('staff.open') })} · {t(`staff.statuses.${employee.status}`)}
        {employee.organisationStartDate && ` · ${t('staff.organisationSince', { date: formatDate(employee.organisationStartDate) })}`}
      </p>
      <table className="simple-table" aria-label={t('staff.historyTitle')}>
        <caption className="table-caption">{t('staff.historyTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.validFrom')}</th>
            <th scope="col">{t('staff.validTo')}</th>
            <th scope="col">{t('staff.functionTitle')}</th>
            <th scope="col" className="num">
              {t('staff.scale')}
            </th>
            <th scope="col" className="num">
              {t('staff.step')}
            </th>
            <th scope="col" className="num">
              {t('staff.hoursPerWeek')}
            </th>
            <th scope="col" className="num">
              {t('staff.fte')}
            </th>
            <th scope="col">{t('staff.costCentre')}</th>
            <th scope="col">{t('staff.position')}</th>
            <th scope="col">{t('staff.contractType')}</th>
            {!readOnly && <th scope="col">{t('staff.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {employee.history.map((terms, index) => (
            <tr key={terms.id} aria-current={employee.terms?.id === terms.id ? 'true' : undefined} className={employee.terms?.id === terms.id ? 'current-row' : undefined}>
              <td>{formatDate(terms.validFrom)}</td>
              <td>{terms.validTo ? formatDate(terms.validTo) : t('staff.open')}</td>
              <td>{terms.functionTitle}</td>
              <td className="num">{terms.salaryScale ?? ''}</td>
              <td className="num">{terms.salaryStep ?? ''}</td>
              <td className="num">{formatHours(terms.hoursPerWeek)}</td>
              <td className="num">{formatFte(terms.fte)}</td>
              <td>{terms.costCentre}</td>
              <td>{terms.formationPositionCode ?? ''}</td>
              <td>{terms.contractType}</td>
              {!readOnly && (
                <td>
                  {index > 0 && (
                    <button type="button" className="link-button small" onClick={() => onRemoveChange(terms.id)}>
                      {t('staff.removeChange', { date: formatDate(terms.validFrom) })}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {forms}
    </section>
  );
}
