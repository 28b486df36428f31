import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeAuditEntry, type AuditText } from '../../../../shared/domain/workbook/audit-text.ts';
import type { AuditEntry } from '../../../../shared/domain/workbook/types.ts';
import { formatDateTime } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { FormError } from '../../components/forms.tsx';
import { useApi } from '../../components/useApi.ts';
import { useWords } from '../../i18n/words.ts';

type Row = AuditText & { id: number; at: string; actor: string };

/** The Logboek: who did what to which row, and what changed, in words (shared/domain/workbook/audit-text.ts). */
export function AuditPage() {
  const { t } = useTranslation();
  const words = useWords();
  const audit = useApi(() => api.workbook.audit({ limit: 1000, offset: 0 }), []);
  const rows = useMemo<Row[]>(() => (audit.data?.entries ?? []).map((e: AuditEntry) => ({ id: e.id, at: e.at, actor: e.actor, ...describeAuditEntry(e, words) })), [audit.data, words]);
  const [selected, setSelected] = useState<Row | null>(null);
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'at', headerName: t('audit.at'), valueFormatter: (p) => formatDateTime(p.value), width: 150, sort: 'desc', comparator: (a: string, b: string) => a.localeCompare(b) },
      { field: 'actor', headerName: t('audit.actor'), width: 110 },
      {
        colId: 'what',
        headerName: `${t('audit.what')} · ${t('audit.subject')}`,
        width: 300,
        wrapText: true,
        autoHeight: true,
        valueGetter: (p) => (p.data ? [p.data.what, p.data.subject].filter(Boolean).join(' · ') : ''),
        cellRenderer: (p: { data?: Row }) =>
          p.data ? (
            <span className="audit-what">
              <strong>{p.data.what}</strong>
              {p.data.subject && <span>{p.data.subject}</span>}
            </span>
          ) : null,
      },
      {
        colId: 'summary',
        headerName: t('audit.change'),
        flex: 1,
        minWidth: 300,
        wrapText: true,
        autoHeight: true,
        valueGetter: (p) => (p.data ? [p.data.summary, p.data.note].filter(Boolean).join(' · ') : ''),
        cellRenderer: (p: { data?: Row }) =>
          p.data ? (
            <span className="audit-change">
              {p.data.summary}
              {p.data.note && <span className="muted">{p.data.note}</span>}
            </span>
          ) : null,
      },
    ],
    [t],
  );
  return (
    <div>
      <h1>{t('audit.title')}</h1>
      <FormError message={audit.error} />
      {audit.data && (
        <DataGrid<Row>
          label={`${t('audit.title')} (${audit.data.total})`}
          exportTitle={t('audit.title')}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          onCellFocused={(e) => {
            if (e.rowIndex === null) return;
            setSelected(e.api.getDisplayedRowAtIndex(e.rowIndex)?.data ?? null);
          }}
          onRowClicked={(e) => setSelected(e.data ?? null)}
          height={460}
        />
      )}
      <section className="card" aria-labelledby="audit-detail-title" aria-live="polite" data-testid="audit-detail">
        <h2 id="audit-detail-title">{t('audit.detailTitle')}</h2>
        {!selected && <p className="hint">{t('audit.detailHint')}</p>}
        {selected && (
          <>
            <p>
              <strong>{selected.what}</strong>
              {selected.subject && <> · {selected.subject}</>} · {formatDateTime(selected.at)} · {selected.actor}
            </p>
            {selected.note && <p>{selected.note}</p>}
            {selected.changes.length > 0 && (
              <table className="simple-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.field')}</th>
                    <th scope="col">{t('audit.before')}</th>
                    <th scope="col">{t('audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {selected.changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{c.field}</th>
                      <td>{c.before ?? '–'}</td>
                      <td>{c.after ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {selected.changes.length === 0 && selected.summary && <p>{selected.summary}</p>}
          </>
        )}
      </section>
    </div>
  );
}
