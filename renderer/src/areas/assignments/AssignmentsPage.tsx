import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_KINDS, ASSIGNMENT_STATUSES, type AssignmentKind, type AssignmentRow, type AssignmentStatus } from '../../../../shared/domain/assignments/types.ts';
import { formatCents, formatDate } from '../../../../shared/format/nl.ts';
import type { Parsed } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { dateColumn, moneyColumn, percentColumn } from '../../components/grid.ts';
import { navigate } from '../../components/router.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { useHashQuery } from '../bottlenecks/hashQuery.ts';
import { AssignmentDetailView } from './AssignmentDetail.tsx';
import { CreateAssignmentForm } from './CreateAssignmentForm.tsx';
import { CheckboxField, choices, FilterSelect, FormError } from '../../components/forms.tsx';

/** Grid columns that save straight to the register (the rest is edited on the detail page). */
const EDITABLE = ['title', 'kind', 'status', 'contractor', 'counterparty', 'ceilingCents', 'startDate', 'endDate'];

/** "OR01/4200, OR02/4310" as the register shows an assignment's budget lines. */
function readBudgetLines(text: string): Parsed<Array<{ costCentre: string; account: string }>> {
  const parts = text.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  const lines = parts.map((p) => /^([A-Za-z0-9._-]+)\s*\/\s*([A-Za-z0-9._-]+)$/.exec(p));
  if (parts.length === 0) return { ok: false, reason: 'begrotingsregel ontbreekt (kostenplaats/grootboekrekening, bijvoorbeeld OR01/4200)' };
  const wrong = parts.find((_, i) => !lines[i]);
  if (wrong) return { ok: false, reason: `"${wrong}" is geen begrotingsregel (kostenplaats/grootboekrekening, bijvoorbeeld OR01/4200)` };
  return { ok: true, value: lines.map((m) => ({ costCentre: m![1].toUpperCase(), account: m![2].toUpperCase() })) };
}

function CodeLink(params: ICellRendererParams<AssignmentRow>) {
  if (!params.data) return null;
  return <a href={`#/assignments?id=${params.data.id}`}>{params.data.code}</a>;
}

function Register({ fiscalYear, readOnly, initialHireOnly }: { fiscalYear: number; readOnly: boolean; initialHireOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [statusFilter, setStatusFilter] = useState<AssignmentStatus | ''>('');
  const [kindFilter, setKindFilter] = useState<AssignmentKind | ''>('');
  const [hireOnly, setHireOnly] = useState(initialHireOnly);
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const editing = useGridEditing<AssignmentRow>({
    fieldOf: (colId) => (EDITABLE.includes(colId) ? colId : undefined),
    save: (id, patch) => api.assignments.update({ id, patch: patch as never }),
    onSaved: () => totals.reload(),
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: (batch) => api.assignments.batch(batch),
      newRows: true,
      identity: { code: { field: 'code', kind: { type: 'code' } }, budgetLines: { field: 'budgetLines', kind: { type: 'custom', read: readBudgetLines } } },
      rowLabel: (row) => `${row.code} ${row.title}`,
    },
  });
  const filter = { year: fiscalYear, status: statusFilter ? [statusFilter] : undefined, kind: kindFilter ? [kindFilter] : undefined, hireOnly, includeDeleted };
  const rows = useApi(async () => {
    const list = await api.assignments.list(filter);
    editing.reset(list);
    return list;
  }, [fiscalYear, statusFilter, kindFilter, hireOnly, includeDeleted]);
  // Key figures follow saved edits without reloading the grid (which would reset its focus).
  const totals = useApi(() => api.assignments.list({ year: fiscalYear, hireOnly: false, includeDeleted: false }), [fiscalYear]);
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const settings = useApi(() => api.workbook.settings({}), []);
  const onInvalid = useCallback((reason: string) => status.error(reason), [status]);

  const columns = useMemo<ColDef<AssignmentRow>[]>(
    () => [
      { colId: 'code', field: 'code', headerName: t('assignments.code'), cellRenderer: CodeLink, width: 150, pinned: 'left' },
      { colId: 'title', field: 'title', headerName: t('assignments.titleField'), editable: !readOnly, minWidth: 240 },
      {
        colId: 'kind',
        field: 'kind',
        headerName: t('assignments.kind'),
        editable: !readOnly,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...ASSIGNMENT_KINDS] },
        valueFormatter: (p) => t(`assignments.kinds.${p.value as string}`),
        minWidth: 150,
      },
      {
        colId: 'status',
        field: 'status',
        headerName: t('assignments.status'),
        editable: !readOnly,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...ASSIGNMENT_STATUSES] },
        valueFormatter: (p) => t(`assignments.statuses.${p.value as string}`),
        minWidth: 140,
      },
      { colId: 'contractor', field: 'contractor', headerName: t('assignments.contractor'), editable: !readOnly, minWidth: 180 },
      { colId: 'counterparty', field: 'counterparty', headerName: t('assignments.counterparty'), editable: !readOnly, minWidth: 180 },
      {
        colId: 'budgetLines',
        headerName: t('assignments.budgetLines'),
        valueGetter: (p) => (p.data?.budgetLines ?? []).map((l) => `${l.costCentre}/${l.account}`).join(', '),
        minWidth: 130,
      },
      dateColumn<AssignmentRow>('startDate', t('assignments.startDate'), { editable: !readOnly, onInvalid }),
      dateColumn<AssignmentRow>('endDate', t('assignments.endDate'), { editable: !readOnly, onInvalid }),
      moneyColumn<AssignmentRow>('ceilingCents', t('assignments.ceiling'), { editable: !readOnly, onInvalid }),
      moneyColumn<AssignmentRow>('actualsCents', t('assignments.actuals')),
      moneyColumn<AssignmentRow>('commitmentsCents', t('assignments.commitments')),
      percentColumn<AssignmentRow>('usedPercent', t('assignments.usedPercent'), { cellClassRules: { 'cell-warning': (p) => (p.data?.signals ?? []).includes('overCeiling') } }),
      {
        colId: 'signals',
        headerName: t('assignments.signals'),
        minWidth: 240,
        valueGetter: (p) => (p.data?.signals ?? []).map((s) => `⚠ ${t(`assignments.signalTexts.${s}`)}`).join('; '),
        cellClassRules: { 'cell-warning': (p) => (p.data?.signals.length ?? 0) > 0 },
      },
      {
        colId: 'nextMoment',
        headerName: t('assignments.nextMoment'),
        minWidth: 190,
        valueGetter: (p) => (p.data?.nextMoment ? `${t(`assignments.momentKinds.${p.data.nextMoment.kind}`)} ${formatDate(p.data.nextMoment.dueDate)}` : ''),
      },
      {
        colId: 'hireCost',
        headerName: t('assignments.hireCost', { year: fiscalYear }),
        type: 'rightAligned',
        minWidth: 150,
        valueGetter: (p) => p.data?.hire?.costInYearCents ?? null,
        valueFormatter: (p) => (p.value === null || p.value === undefined ? '' : formatCents(p.value as number)),
        context: { cellKind: { type: 'money', nullable: true } },
      },
    ],
    [t, readOnly, onInvalid, fiscalYear],
  );

  const all = (totals.data ?? []).filter((a) => !a.deleted);
  const figures = [
    { key: 'open', label: t('assignments.open'), value: String(all.filter((a) => a.status === 'lopend' || a.status === 'in_voorbereiding').length) },
    { key: 'over-ceiling', label: t('assignments.overCeiling'), value: String(all.filter((a) => a.signals.includes('overCeiling')).length) },
    { key: 'overdue', label: t('assignments.overdueMoments'), value: String(all.reduce((s, a) => s + a.overdueMoments, 0)) },
    { key: 'ceilings', label: t('assignments.ceilings'), value: formatCents(all.reduce((s, a) => s + a.ceilingCents, 0), { whole: true }) },
    { key: 'actuals', label: t('assignments.actuals'), value: formatCents(all.reduce((s, a) => s + a.actualsCents, 0), { whole: true }) },
  ];

  return (
    <div>
      <div className="page-header">
        <h1>{t('assignments.title')}</h1>
      </div>
      <p className="lead">{t('assignments.intro')}</p>
      <dl className="key-figures" aria-label={t('assignments.keyFigures')}>
        {figures.map((f) => (
          <div key={f.key} className="key-figure">
            <dt>{f.label}</dt>
            <dd data-testid={`assignments-${f.key}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
      {!readOnly && (
        <CreateAssignmentForm
          costCentres={(costCentres.data ?? []).map((c) => c.code)}
          defaultAccount={settings.data?.personnelHireAccounts[0] ?? '4200'}
          onCreated={(created) => navigate(`assignments?id=${created.id}`)}
        />
      )}
      <div className="toolbar">
        <FilterSelect label={t('assignments.filterStatus')} value={statusFilter} onChange={setStatusFilter} allLabel={t('assignments.all')} options={choices(ASSIGNMENT_STATUSES, (s) => t(`assignments.statuses.${s}`))} />
        <FilterSelect label={t('assignments.filterKind')} value={kindFilter} onChange={setKindFilter} allLabel={t('assignments.all')} options={choices(ASSIGNMENT_KINDS, (k) => t(`assignments.kinds.${k}`))} />
        <CheckboxField label={t('assignments.hireOnly')} checked={hireOnly} onChange={setHireOnly} />
        <CheckboxField label={t('assignments.showDeleted')} checked={includeDeleted} onChange={setIncludeDeleted} />
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      <FormError message={rows.error} />
      <p className="hint">{t('assignments.editHint')}</p>
      <p className="muted" data-testid="assignment-count">
        {t('assignments.count', { count: rows.data?.length ?? 0 })}
      </p>
      {rows.data && (
        <EditableGrid<AssignmentRow>
          editing={editing}
          label={t('assignments.register')}
          rowData={rows.data}
          columnDefs={columns}
          getRowClass={(p) => (p.data?.deleted ? 'row-deleted' : undefined)}
          height={420}
        />
      )}
    </div>
  );
}

/** The Opdrachten page: the register, or one assignment when the route names it (#/assignments?id=4). */
export function AssignmentsPage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const query = useHashQuery();
  const id = Number(query.get('id'));
  if (Number.isInteger(id) && id > 0) return <AssignmentDetailView key={id} id={id} fiscalYear={fiscalYear} readOnly={readOnly} />;
  return <Register fiscalYear={fiscalYear} readOnly={readOnly} initialHireOnly={query.get('hire') === '1'} />;
}
