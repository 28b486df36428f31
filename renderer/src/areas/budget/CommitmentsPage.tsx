import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment } from '../../../../shared/domain/budget/types.ts';
import { formatCents } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { checkAmount, checkDate, valid } from '../../components/form-values.ts';
import { AmountField, binder, DateTextField, Form, FormError, SelectField, TextField, useFormAction } from '../../components/forms.tsx';
import { dateColumn, moneyColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';

const STATUSES = ['open', 'afgewikkeld', 'vervallen'];

export function CommitmentsPage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const editing = useGridEditing<Commitment>({
    fieldOf: (colId) => (['supplier', 'description', 'amountCents', 'date', 'status', 'reference'].includes(colId) ? colId : undefined),
    save: (id, patch) => api.budget.updateCommitment({ id, patch }),
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: (batch) => api.budget.commitmentsBatch({ year: fiscalYear, ...batch }),
      newRows: true,
      identity: { costCentre: { field: 'costCentre', kind: { type: 'code' } }, account: { field: 'account', kind: { type: 'code' } } },
      rowLabel: (c) => `${c.supplier} (${c.costCentre}/${c.account})`,
    },
  });
  const commitments = useApi(async () => {
    const rows = await api.budget.commitments({ year: fiscalYear });
    editing.reset(rows);
    return rows;
  }, [fiscalYear]);
  const lines = useApi(() => api.budget.summary({ year: fiscalYear }), [fiscalYear]);
  const [form, setForm] = useState({ budgetLineId: '', supplier: '', description: '', amount: '', date: '', reference: '' });
  const action = useFormAction();
  const bind = binder(form, setForm);
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

  const submit = () =>
    action.run(async () => {
      const amountCents = valid(checkAmount(t('commitments.amount'), form.amount)) as number;
      const date = valid(checkDate(t('commitments.date'), form.date)) as string;
      await api.budget.addCommitment({
        budgetLineId: Number(form.budgetLineId || lines.data?.lines[0]?.id),
        supplier: form.supplier,
        description: form.description,
        amountCents,
        date,
        status: 'open',
        reference: form.reference || null,
      });
      setForm({ ...form, supplier: '', description: '', amount: '', reference: '' });
      commitments.reload();
    });

  const openTotal = editing.rows(commitments.data ?? []).filter((c) => c.status === 'open').reduce((sum, c) => sum + c.amountCents, 0);

  return (
    <div>
      <h1>{t('commitments.title')}</h1>
      <div className="toolbar">
        <p>{t('commitments.openTotal', { total: formatCents(openTotal) })}</p>
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      {commitments.data && (
        <EditableGrid<Commitment>
          editing={editing}
          label={t('commitments.title')}
          rowData={commitments.data}
          columnDefs={columns}
          height={400}
        />
      )}
      {!readOnly && (
        <section className="card" aria-labelledby="add-commitment">
          <h2 id="add-commitment">{t('commitments.add')}</h2>
          <Form submitAction={action} layout="inline" onSubmit={submit}>
            <SelectField
              label={t('commitments.budgetLine')}
              {...bind('budgetLineId')}
              options={(lines.data?.lines ?? []).map((l) => ({ value: String(l.id), label: `${l.costCentre} / ${l.account} ${l.accountName}` }))}
            />
            <TextField label={t('commitments.supplier')} required {...bind('supplier')} />
            <TextField label={t('commitments.description')} {...bind('description')} />
            <AmountField label={t('commitments.amount')} required {...bind('amount')} />
            <DateTextField label={t('commitments.date')} required {...bind('date')} />
            <TextField label={t('commitments.reference')} size={12} {...bind('reference')} />
            <button type="submit" className="primary">
              {t('app.add')}
            </button>
            <FormError message={action.error} />
          </Form>
        </section>
      )}
    </div>
  );
}
