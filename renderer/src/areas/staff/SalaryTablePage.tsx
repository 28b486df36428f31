import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalaryEntryView } from '../../../../shared/domain/staff/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { moneyColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { checkDate, checkNumber, valid } from '../../components/form-values.ts';
import { choices, DateTextField, Form, FormError, SelectField, TextField, useFormAction } from '../../components/forms.tsx';

/** One scale of the table: id is the scale, s0 … sN the monthly cents per step. */
type Row = { id: number; scale: number } & Record<string, number | null>;

const SCALES = Array.from({ length: 18 }, (_, i) => i + 1);

function toRows(entries: SalaryEntryView[], steps: number): Row[] {
  return SCALES.map((scale) => {
    const row: Row = { id: scale, scale } as Row;
    for (let step = 0; step <= steps; step += 1) row[`s${step}`] = null;
    for (const e of entries) if (e.scale === scale) row[`s${e.step}`] = e.monthlyCents;
    return row;
  });
}

export function SalaryTablePage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const tables = useApi(() => api.salary.tables({}), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [extraDates, setExtraDates] = useState<string[]>([]);
  const dates = useMemo(() => [...new Set([...(tables.data ?? []).map((x) => x.validFrom), ...extraDates])].sort(), [tables.data, extraDates]);
  const validFrom = chosen ?? dates[dates.length - 1] ?? `${fiscalYear}-01-01`;
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The saved rows, so a saved cell can be returned as its whole row (the undo history keeps whole rows).
  const savedRows = useRef(new Map<number, Row>());

  const editing = useGridEditing<Row>({
    fieldOf: (colId) => (/^s\d+$/.test(colId) ? colId : undefined),
    save: async (scale, patch) => {
      const [[field, value]] = Object.entries(patch);
      const saved = await api.salary.setEntry({ validFrom, scale, step: Number(field.slice(1)), monthlyCents: (value as number | null) ?? null });
      const row = { ...savedRows.current.get(scale), [field]: saved?.monthlyCents ?? null } as Row;
      savedRows.current.set(scale, row);
      return row;
    },
    onSaved: () => tables.reload(),
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: async (batch) => {
        const result = await api.salary.entriesBatch({ validFrom, ...batch });
        // Every step of a scale, so a step the batch emptied shows empty.
        const full = (row: Row | null) => (row ? ({ ...Object.fromEntries(Object.keys(savedRows.current.get(row.id) ?? {}).map((k) => [k, null])), ...row } as Row) : null);
        const updated = result.updated.map(full);
        for (const row of updated) if (row) savedRows.current.set(row.id, row);
        return { ...result, updated };
      },
      newRows: t('salary.noNewRows'),
      identity: { scale: { field: 'scale', kind: { type: 'integer' } } },
      rowLabel: (row) => t('salary.scaleRow', { scale: row.scale }),
    },
  });
  const entries = useApi(async () => {
    const list = await api.salary.entries({ validFrom });
    const steps = Math.max(12, ...list.map((e) => e.step));
    const rows = toRows(list, steps);
    savedRows.current = new Map(rows.map((r) => [r.id, { ...r }]));
    editing.reset(rows);
    return { rows, steps };
  }, [validFrom]);
  const onInvalid = useCallback((reason: string) => status.error(t('budget.invalidAmount', { reason })), [status, t]);

  const columns = useMemo<ColDef<Row>[]>(() => {
    const steps = entries.data?.steps ?? 12;
    return [
      { field: 'scale', headerName: t('salary.scale'), pinned: 'left', width: 90, type: 'rightAligned', filter: false },
      ...Array.from({ length: steps + 1 }, (_, step) =>
        moneyColumn<Row>(`s${step}`, t('salary.step', { step }), { editable: !readOnly, onInvalid, nullable: true, minWidth: 110, width: 118, sortable: false, filter: false }),
      ),
    ];
  }, [entries.data?.steps, t, readOnly, onInvalid]);

  async function removeTable() {
    try {
      await api.salary.deleteTable({ validFrom });
      status.info(t('salary.deleted', { date: formatDate(validFrom) }));
      setConfirmDelete(false);
      setChosen(null);
      setExtraDates((d) => d.filter((x) => x !== validFrom));
      tables.reload();
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  const info = tables.data?.find((x) => x.validFrom === validFrom);
  return (
    <div>
      <h1>{t('salary.title')}</h1>
      <div className="toolbar filters">
        <label className="inline-field" htmlFor="salary-table">
          {t('salary.tablePer')}{' '}
          <select id="salary-table" value={validFrom} onChange={(e) => setChosen(e.target.value)}>
            {(dates.length > 0 ? dates : [validFrom]).map((d) => (
              <option key={d} value={d}>
                {formatDate(d)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{info ? t('salary.counts', { entries: info.entries, scales: info.scales }) : t('salary.emptyTable')}</span>
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      {(tables.data?.length ?? 0) === 0 && <p className="card">{t('salary.none')}</p>}
      {!readOnly && (
        <p>
          <a href="#/import?kind=salary-table">{t('salary.importLink')}</a>
        </p>
      )}
      <p className="hint">{t('salary.hint')}</p>
      {entries.data && (
        <EditableGrid<Row>
          editing={editing}
          label={t('salary.gridLabel', { date: formatDate(validFrom) })}
          rowData={entries.data.rows}
          columnDefs={columns}
          height={680}
        />
      )}
      {!readOnly && (
        <>
          <NewTableForm
            dates={dates}
            onCreated={(date, copied) => {
              if (!copied) setExtraDates((d) => [...d, date]);
              setChosen(date);
              tables.reload();
            }}
          />
          {info && (
            <section className="card" aria-labelledby="delete-table-title">
              <h2 id="delete-table-title">{t('salary.deleteTitle')}</h2>
              {!confirmDelete ? (
                <button type="button" onClick={() => setConfirmDelete(true)}>
                  {t('salary.delete', { date: formatDate(validFrom) })}
                </button>
              ) : (
                <p role="alert" className="warning">
                  {t('salary.confirmDelete', { date: formatDate(validFrom), entries: info.entries })}{' '}
                  <button type="button" onClick={() => void removeTable()}>
                    {t('salary.confirmYes')}
                  </button>{' '}
                  <button type="button" onClick={() => setConfirmDelete(false)}>
                    {t('app.cancel')}
                  </button>
                </p>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

function NewTableForm({ dates, onCreated }: { dates: string[]; onCreated(date: string, copied: boolean): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [form, setForm] = useState({ validFrom: '', from: '', raise: '0' });
  const action = useFormAction();
  const source = form.from || dates[dates.length - 1] || '';

  const submit = () =>
    action.run(async () => {
      const date = valid(checkDate(t('salary.newDate'), form.validFrom)) as string;
      const raise = valid(checkNumber(t('salary.raise'), form.raise)) as number;
      if (source) {
        await api.salary.copyTable({ fromValidFrom: source, toValidFrom: date, raisePercent: raise });
        status.info(t('salary.created', { date: formatDate(date) }));
        onCreated(date, true);
      } else onCreated(date, false);
      setForm({ validFrom: '', from: '', raise: '0' });
    });

  return (
    <details className="card">
      <summary>{t('salary.newTitle')}</summary>
      <Form submitAction={action} layout="inline" onSubmit={submit} aria-label={t('salary.newTitle')}>
        <DateTextField id="new-table-date" label={t('salary.newDate')} required value={form.validFrom} onChange={(validFrom) => setForm({ ...form, validFrom })} />
        {dates.length > 0 && (
          <>
            <SelectField id="new-table-from" label={t('salary.basedOn')} value={source} onChange={(from) => setForm({ ...form, from })} options={choices(dates, formatDate)} />
            <TextField id="new-table-raise" label={t('salary.raise')} inputMode="decimal" size={6} value={form.raise} onChange={(raise) => setForm({ ...form, raise })} />
          </>
        )}
        <button type="submit">{t('salary.create')}</button>
        <p className="hint form-title">{dates.length > 0 ? t('salary.newHint') : t('salary.newEmptyHint')}</p>
        <FormError message={action.error} />
      </Form>
    </details>
  );
}
