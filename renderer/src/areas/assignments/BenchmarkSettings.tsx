import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BENCHMARK_INDICATORS, type Benchmark, type BenchmarkIndicator } from '../../../../shared/domain/assignments/types.ts';
import { formatPercent } from '../../../../shared/format/nl.ts';
import { parseDecimal } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { FormError } from '../../components/forms.tsx';

const EDITABLE = ['indicator', 'referenceGroup', 'value', 'year', 'source'];

/** Instellingen → Referentiecijfers: the benchmark table, edited in a grid with undo, rows added and removed. */
export function BenchmarkSettings({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const editing = useGridEditing<Benchmark>({
    fieldOf: (colId) => (EDITABLE.includes(colId) ? colId : undefined),
    save: (id, patch) => api.benchmarks.update({ id, patch: patch as never }),
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: (batch) => api.benchmarks.batch(batch),
      newRows: true,
      rowLabel: (b) => `${t(`benchmarks.indicators.${b.indicator}`)} ${b.referenceGroup} ${b.year}`,
    },
  });
  const rows = useApi(async () => {
    const list = await api.benchmarks.list({});
    editing.reset(list);
    return list;
  }, []);
  const [form, setForm] = useState({ indicator: 'verzuimpercentage' as BenchmarkIndicator, referenceGroup: '', value: '', year: '', source: '' });
  const [error, setError] = useState<string | null>(null);

  async function remove(b: Benchmark) {
    try {
      await api.benchmarks.delete({ id: b.id });
      rows.reload();
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  const columns = useMemo<ColDef<Benchmark>[]>(
    () => [
      {
        colId: 'indicator',
        field: 'indicator',
        headerName: t('benchmarks.indicator'),
        editable: !readOnly,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...BENCHMARK_INDICATORS] },
        valueFormatter: (p) => t(`benchmarks.indicators.${p.value as string}`),
        minWidth: 180,
      },
      { colId: 'referenceGroup', field: 'referenceGroup', headerName: t('benchmarks.referenceGroup'), editable: !readOnly, minWidth: 160 },
      {
        colId: 'value',
        field: 'value',
        headerName: t('benchmarks.value'),
        editable: !readOnly,
        type: 'rightAligned',
        width: 120,
        context: { cellKind: { type: 'decimal', percent: true } },
        valueFormatter: (p) => formatPercent(p.value as number),
        valueParser: (p) => {
          const parsed = parseDecimal(String(p.newValue ?? '').replace('%', '').trim(), ',');
          if (!parsed.ok) {
            status.error(`${t('benchmarks.value')}: ${parsed.reason}`);
            return p.oldValue;
          }
          return parsed.value;
        },
      },
      { colId: 'year', field: 'year', headerName: t('benchmarks.year'), editable: !readOnly, width: 100, context: { cellKind: { type: 'integer' } }, valueParser: (p) => (/^\d{4}$/.test(String(p.newValue).trim()) ? Number(p.newValue) : p.oldValue) },
      { colId: 'source', field: 'source', headerName: t('benchmarks.source'), editable: !readOnly, minWidth: 240, flex: 1 },
      ...(readOnly
        ? []
        : [
            {
              colId: 'remove',
              headerName: t('benchmarks.remove'),
              width: 130,
              sortable: false,
              filter: false,
              cellRenderer: (p: ICellRendererParams<Benchmark>) =>
                p.data ? (
                  <button type="button" className="link-button small" onClick={() => void remove(p.data!)} aria-label={`${t('benchmarks.remove')}: ${t(`benchmarks.indicators.${p.data.indicator}`)} ${p.data.referenceGroup} ${p.data.year}`}>
                    {t('benchmarks.remove')}
                  </button>
                ) : null,
            } satisfies ColDef<Benchmark>,
          ]),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, readOnly],
  );

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const value = parseDecimal(form.value.replace('%', '').trim(), ',');
    if (!value.ok) return setError(`${t('benchmarks.value')}: ${value.reason}`);
    if (!/^\d{4}$/.test(form.year.trim())) return setError(`${t('benchmarks.year')}: "${form.year}" is geen jaartal`);
    try {
      await api.benchmarks.create({ indicator: form.indicator, referenceGroup: form.referenceGroup, value: value.value, year: Number(form.year), source: form.source });
      setForm({ ...form, referenceGroup: '', value: '', year: '', source: '' });
      rows.reload();
      status.info(t('app.saved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="benchmarks-title">
      <h2 id="benchmarks-title">{t('benchmarks.title')}</h2>
      <p className="hint">{t('benchmarks.intro')}</p>
      {!readOnly && (
        <div className="toolbar">
          <span />
          <UndoButtons editing={editing} />
        </div>
      )}
      {rows.data && (
        <EditableGrid<Benchmark>
          editing={editing}
          label={t('benchmarks.tableLabel')}
          rowData={rows.data}
          columnDefs={columns}
          height={300}
        />
      )}
      {!readOnly && (
        <form onSubmit={add} className="inline-form" aria-label={t('benchmarks.add')}>
          <label>
            {t('benchmarks.indicator')}
            <select value={form.indicator} onChange={(e) => setForm({ ...form, indicator: e.target.value as BenchmarkIndicator })}>
              {BENCHMARK_INDICATORS.map((i) => (
                <option key={i} value={i}>
                  {t(`benchmarks.indicators.${i}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('benchmarks.referenceGroup')}
            <input value={form.referenceGroup} onChange={(e) => setForm({ ...form, referenceGroup: e.target.value })} />
          </label>
          <label>
            {t('benchmarks.value')}
            <input inputMode="decimal" size={6} value={form.value} onChange={(e) => setForm({ ...form, value: e.target.value })} />
          </label>
          <label>
            {t('benchmarks.year')}
            <input inputMode="numeric" size={5} value={form.year} onChange={(e) => setForm({ ...form, year: e.target.value })} />
          </label>
          <label>
            {t('benchmarks.source')}
            <input value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} />
          </label>
          <button type="submit">{t('benchmarks.add')}</button>
          <FormError message={error} />
        </form>
      )}
    </section>
  );
}
