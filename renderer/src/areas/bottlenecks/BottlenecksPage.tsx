import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, LEVELS, STATUSES, type BottleneckCategory, type BottleneckRow, type BottleneckStatus } from '../../../../shared/domain/bottlenecks/types.ts';
import type { GridBatchResult } from '../../../../shared/api/batch.ts';
import { api } from '../../api/client.ts';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { dateColumn } from '../../components/grid.ts';
import { navigate } from '../../components/router.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { BottleneckDetailView } from './BottleneckDetail.tsx';
import { CreateForm } from './CreateForm.tsx';
import { useHashQuery } from './hashQuery.ts';
import { CheckboxField, choices, FilterSelect, FormError } from '../../components/forms.tsx';

const editable: Record<string, string> = { title: 'title', owner: 'owner', impact: 'impact', urgency: 'urgency' };

function IdentifierLink(params: ICellRendererParams<BottleneckRow>) {
  if (!params.data) return null;
  return <a href={`#/bottlenecks?id=${params.data.id}`}>{params.data.identifier}</a>;
}

function Register({ readOnly, initialStatus }: { readOnly: boolean; initialStatus: BottleneckStatus | '' }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [statusFilter, setStatusFilter] = useState<BottleneckStatus | ''>(initialStatus);
  const [categoryFilter, setCategoryFilter] = useState<BottleneckCategory | ''>('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const editing = useGridEditing<BottleneckRow>({
    fieldOf: (colId) => editable[colId],
    save: async (id, patch) => {
      const detail = await api.bottlenecks.update({ id, patch });
      return detail as BottleneckRow;
    },
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: async (batch) => (await api.bottlenecks.batch(batch)) as GridBatchResult<BottleneckRow>,
      newRows: true,
      identity: {
        category: { field: 'category', kind: { type: 'choice', options: CATEGORIES.map((c) => ({ value: c, label: t(`bottlenecks.categories.${c}`) })) } },
        signalledOn: { field: 'signalledOn', kind: { type: 'date' } },
      },
      rowLabel: (row) => `${row.identifier} ${row.title}`,
    },
  });
  const rows = useApi(async () => {
    const list = await api.bottlenecks.list({
      status: statusFilter ? [statusFilter] : undefined,
      category: categoryFilter ? [categoryFilter] : undefined,
      includeArchived,
    });
    editing.reset(list);
    return list;
  }, [statusFilter, categoryFilter, includeArchived]);

  const columns = useMemo<ColDef<BottleneckRow>[]>(
    () => [
      { colId: 'identifier', field: 'identifier', headerName: t('bottlenecks.identifier'), cellRenderer: IdentifierLink, width: 150, pinned: 'left' },
      { colId: 'title', field: 'title', headerName: t('bottlenecks.titleField'), editable: !readOnly, minWidth: 260, flex: 1 },
      { colId: 'category', field: 'category', headerName: t('bottlenecks.category'), valueFormatter: (p) => t(`bottlenecks.categories.${p.value as string}`), minWidth: 160 },
      {
        colId: 'impact',
        field: 'impact',
        headerName: t('bottlenecks.impact'),
        editable: !readOnly,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...LEVELS] },
        width: 110,
      },
      {
        colId: 'urgency',
        field: 'urgency',
        headerName: t('bottlenecks.urgency'),
        editable: !readOnly,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...LEVELS] },
        width: 110,
      },
      {
        colId: 'status',
        field: 'status',
        headerName: t('bottlenecks.status'),
        valueFormatter: (p) => {
          const row = p.data as BottleneckRow | undefined;
          const label = t(`bottlenecks.statuses.${p.value as string}`);
          return row?.status === 'geescaleerd' && row.escalatedTo ? `${label} → ${t(`bottlenecks.targets.${row.escalatedTo}`)}${row.escalatedDepartment ? ` ${row.escalatedDepartment}` : ''}` : label;
        },
        minWidth: 190,
      },
      dateColumn<BottleneckRow>('signalledOn', t('bottlenecks.signalledOn')),
      { colId: 'owner', field: 'owner', headerName: t('bottlenecks.owner'), editable: !readOnly, minWidth: 150 },
      { colId: 'priority', field: 'priority', headerName: t('bottlenecks.priority'), type: 'rightAligned', width: 110, sort: undefined },
    ],
    [t, readOnly],
  );

  return (
    <div>
      <div className="page-header">
        <h1>{t('bottlenecks.title')}</h1>
      </div>
      <p className="lead">{t('bottlenecks.intro')}</p>
      {!readOnly && <CreateForm onCreated={(created) => navigate(`bottlenecks?id=${created.id}`)} />}
      <div className="toolbar">
        <FilterSelect label={t('bottlenecks.filterStatus')} value={statusFilter} onChange={setStatusFilter} allLabel={t('bottlenecks.all')} options={choices(STATUSES, (s) => t(`bottlenecks.statuses.${s}`))} />
        <FilterSelect label={t('bottlenecks.filterCategory')} value={categoryFilter} onChange={setCategoryFilter} allLabel={t('bottlenecks.all')} options={choices(CATEGORIES, (c) => t(`bottlenecks.categories.${c}`))} />
        <CheckboxField label={t('bottlenecks.showArchived')} checked={includeArchived} onChange={setIncludeArchived} />
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      <FormError message={rows.error} />
      <p className="hint">{t('bottlenecks.editHint')}</p>
      <p className="muted" data-testid="bottleneck-count">
        {t('bottlenecks.count', { count: rows.data?.length ?? 0 })}
      </p>
      {rows.data && (
        <EditableGrid<BottleneckRow>
          editing={editing}
          label={t('bottlenecks.register')}
          rowData={rows.data}
          columnDefs={columns}
          height={420}
        />
      )}
    </div>
  );
}

export function BottlenecksPage({ readOnly }: { readOnly: boolean }) {
  const query = useHashQuery();
  const id = Number(query.get('id'));
  const initialStatus = (STATUSES as readonly string[]).includes(query.get('status') ?? '') ? (query.get('status') as BottleneckStatus) : '';
  if (Number.isInteger(id) && id > 0) return <BottleneckDetailView key={id} id={id} readOnly={readOnly} />;
  return <Register key={initialStatus} readOnly={readOnly} initialStatus={initialStatus} />;
}
