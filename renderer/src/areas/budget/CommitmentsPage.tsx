import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/domain/budget/types.ts';
import { formatCents } from '../../../../shared/format/nl.ts';
import { parseDate, parseUserAmountCents } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { dateColumn, moneyColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';

const STATUSES = ['open', 'afgewikkeld', 'vervallen'];

export function CommitmentsPage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const editing = useGridEditing<Commitment>({
    fieldOf: (colId) => (['supplier', 'description', 'amountCents', 'date', 'status', 'reference'].includes(colId) ? colId : undefined),
    save: (id, patch) => api.budget.updateCommitment({ id, patch }),
    onError: (message) => status.error(message),
  });
  const commitments = useApi(async () => {
    const rows = await api.budget.commitments({ year: fiscalYear });
    editing.reset(rows);
    return rows;
  }, [fiscalYear]);
  const lines = useApi(() => api.budget.summary({ year: fiscalYear }), [fiscalYear]);
  const [form, setForm] = useState({ budgetLineId: '', supplier: '', description: '', amount: '', date: '', reference: '' });
  const [error, setError] = useState<string | null>(null);
  const onInvalid = useCallback((reason: string) => status.error(reason), [status]);

  const columns = useMemo<ColDef<Commitment>[]>(
    () => [
      { field: 'costCentre', headerName: t('budget.costCentre'), width: 120 },
      { field: 'account', headerName: t('budget.account'), width: 130 },
      { field: 'supplier', headerName: t('commitments.supplier'), editable: !readOnly, minWidth: 180 },
      { field: 'description', headerName: t('commitments.description'), editable: !readOnly, minWidth: 220, flex: 1 },
      moneyColumn<Commitment>('amountCents', t('commitments.amount'), { editable: !readOnly, onInvalid }),
      dateColumn<Commitment>('date', t('commitments.date'), { editable: !readOnly, onInvalid }),
      { field: 'status', headerName: t('commitments.status'), editable: !readOnly, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: STATUSES }, width: 130 },
      { field: 'reference', headerName: t('commitments.reference'), editable: !readOnly, width: 140 },
    ],
    [t, readOnly, onInvalid],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const amount = parseUserAmountCents(form.amount);
    const date = parseDate(form.date);
    if (!amount.ok) return setError(`${t('commitments.amount')}: ${amount.reason}`);
    if (!date.ok) return setError(`${t('commitments.date')}: ${date.reason}`);
    try {
      await api.budget.addCommitment({
        budgetLineId: Number(form.budgetLineId || lines.data?.lines[0]?.id),
        supplier: form.supplier,
        description: form.description,
        amountCents: amount.value,
        date: date.value,
        status: 'open',
        reference: form.reference || null,
      });
      setForm({ ...form, supplier: '', description: '', amount: '', reference: '' });
      commitments.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const openTotal = (commitments.data ?? []).filter((c) => c.status === 'open').reduce((sum, c) => sum + c.amountCents, 0);

  return (
    <div>
      <h1>{t('commitments.title')}</h1>
      <div className="toolbar">
        <p>{t('commitments.openTotal', { total: formatCents(openTotal) })}</p>
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      {commitments.data && (
        <div onKeyDown={editing.onKeyDown}>
        <DataGrid<Commitment>
          label={t('commitments.title')}
          rowData={commitments.data}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          onGridReady={(e) => editing.setApi(e.api)}
          onCellValueChanged={editing.onCellValueChanged}
          height={400}
        />
        </div>
      )}
      {!readOnly && (
        <section className="card" aria-labelledby="add-commitment">
          <h2 id="add-commitment">{t('commitments.add')}</h2>
          <form onSubmit={submit} className="inline-form">
            <label>
              {t('commitments.budgetLine')}
              <select value={form.budgetLineId} onChange={(e) => setForm({ ...form, budgetLineId: e.target.value })}>
                {lines.data?.lines.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.costCentre} / {l.account} {l.accountName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('commitments.supplier')}
              <input required value={form.supplier} onChange={(e) => setForm({ ...form, supplier: e.target.value })} />
            </label>
            <label>
              {t('commitments.description')}
              <input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
            </label>
            <label>
              {t('commitments.amount')}
              <input required inputMode="decimal" size={12} value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
            </label>
            <label>
              {t('commitments.date')}
              <input required placeholder="dd-mm-jjjj" size={11} value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
            </label>
            <label>
              {t('commitments.reference')}
              <input size={12} value={form.reference} onChange={(e) => setForm({ ...form, reference: e.target.value })} />
            </label>
            <button type="submit" className="primary">
              {t('app.add')}
            </button>
            {error && (
              <p role="alert" className="form-error">
                {error}
              </p>
            )}
          </form>
        </section>
      )}
    </div>
  );
}
