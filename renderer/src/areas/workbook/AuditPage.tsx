import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/domain/workbook/types.ts';
import { formatDateTime } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { useApi } from '../../components/useApi.ts';

function describeChange(entry: AuditEntry): string {
  const oldValue = entry.oldJson ? JSON.parse(entry.oldJson) : null;
  const newValue = entry.newJson ? JSON.parse(entry.newJson) : null;
  if (oldValue && newValue && typeof oldValue === 'object' && typeof newValue === 'object') {
    return Object.keys(newValue)
      .map((key) => `${key}: ${JSON.stringify(oldValue[key])} → ${JSON.stringify(newValue[key])}`)
      .join('; ');
  }
  return [oldValue !== null ? `oud: ${JSON.stringify(oldValue)}` : '', newValue !== null ? `nieuw: ${JSON.stringify(newValue)}` : ''].filter(Boolean).join(' ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const audit = useApi(() => api.workbook.audit({ limit: 1000, offset: 0 }), []);
  const columns = useMemo<ColDef<AuditEntry>[]>(
    () => [
      { field: 'at', headerName: t('audit.at'), valueFormatter: (p) => formatDateTime(p.value), width: 170 },
      { field: 'actor', headerName: t('audit.actor'), width: 130 },
      { field: 'action', headerName: t('audit.action'), width: 110 },
      { field: 'tableName', headerName: t('audit.table'), width: 150 },
      { field: 'rowId', headerName: t('audit.row'), width: 90 },
      { colId: 'change', headerName: t('audit.change'), valueGetter: (p) => (p.data ? describeChange(p.data) : ''), flex: 1, minWidth: 300 },
      { field: 'note', headerName: t('audit.note'), minWidth: 200 },
    ],
    [t],
  );
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      {audit.data && <DataGrid<AuditEntry> label={`${t('audit.title')} (${audit.data.total})`} rowData={audit.data.entries} columnDefs={columns} height={600} />}
    </div>
  );
}
