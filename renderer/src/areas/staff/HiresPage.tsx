import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HIRE_KINDS, type HireKind } from '../../../../shared/domain/staff/hires.ts';
import type { HireView, PositionView } from '../../../../shared/domain/staff/types.ts';
import { formatCents } from '../../../../shared/format/nl.ts';
import { parseUserAmountCents } from '../../../../shared/import/values.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { dateColumn, moneyColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { checkDate, checkNumber, formatHours } from './common.tsx';

const EDITABLE = ['kind', 'contractor', 'personName', 'assignment', 'agreedResult', 'commissioner', 'account', 'hourlyRateCents', 'hoursPerWeek', 'startDate', 'endDate', 'note'];

export function HiresPage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [selected, setSelected] = useState<HireView | null>(null);
  const editing = useGridEditing<HireView>({
    fieldOf: (colId) => (EDITABLE.includes(colId) ? colId : undefined),
    save: (id, patch) => api.hires.update({ id, patch: patch as never }),
    onSaved: () => totals.reload(),
    onError: (message) => status.error(message),
  });
  const hires = useApi(async () => {
    const rows = await api.hires.list({ year: fiscalYear });
    editing.reset(rows);
    return rows;
  }, [fiscalYear]);
  const totals = useApi(() => api.hires.list({ year: fiscalYear }), [fiscalYear]);
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const positions = useApi(() => api.formation.positions({}), []);
  const settings = useApi(() => api.workbook.settings({}), []);
  const onInvalid = useCallback((reason: string) => status.error(reason), [status]);
  const kindLabel = useCallback((kind: string) => t(`hires.kinds.${kind}`), [t]);

  const columns = useMemo<ColDef<HireView>[]>(
    () => [
      {
        field: 'kind',
        headerName: t('hires.kind'),
        editable: !readOnly,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...HIRE_KINDS] },
        valueFormatter: (p) => kindLabel(p.value as string),
        width: 140,
        pinned: 'left',
      },
      { field: 'contractor', headerName: t('hires.contractor'), editable: !readOnly, minWidth: 180, pinned: 'left' },
      { field: 'personName', headerName: t('hires.personName'), editable: !readOnly, minWidth: 150 },
      { field: 'assignment', headerName: t('hires.assignment'), editable: !readOnly, minWidth: 220 },
      { field: 'costCentre', headerName: t('staff.costCentre'), width: 120 },
      { field: 'account', headerName: t('hires.account'), editable: !readOnly, width: 130 },
      moneyColumn<HireView>('hourlyRateCents', t('hires.hourlyRate'), { editable: !readOnly, onInvalid }),
      {
        field: 'hoursPerWeek',
        headerName: t('hires.hoursPerWeek'),
        editable: !readOnly,
        type: 'rightAligned',
        width: 130,
        valueFormatter: (p) => formatHours(p.value as number),
        valueParser: (p) => {
          const parsed = checkNumber(t('hires.hoursPerWeek'), String(p.newValue ?? ''));
          if (!parsed.ok) {
            onInvalid(parsed.reason);
            return p.oldValue;
          }
          return parsed.value;
        },
      },
      dateColumn<HireView>('startDate', t('hires.startDate'), { editable: !readOnly, onInvalid }),
      dateColumn<HireView>('endDate', t('hires.endDate'), { editable: !readOnly, onInvalid }),
      { field: 'hoursInYear', headerName: t('hires.hoursInYear', { year: fiscalYear }), type: 'rightAligned', width: 130, valueFormatter: (p) => formatHours(p.value as number) },
      moneyColumn<HireView>('costInYearCents', t('hires.costInYear', { year: fiscalYear })),
      moneyColumn<HireView>('totalCostCents', t('hires.totalCost')),
      {
        colId: 'dba',
        headerName: t('hires.dba'),
        minWidth: 230,
        valueGetter: (p) => (p.data?.dbaFlags ?? []).map((f) => `⚠ ${t(`hires.flags.${f}`)}`).join('; '),
        cellClassRules: { 'cell-warning': (p) => (p.data?.dbaFlags.length ?? 0) > 0 },
      },
      { field: 'formationPositionCode', headerName: t('staff.position'), width: 140 },
      { field: 'commissioner', headerName: t('hires.commissioner'), editable: !readOnly, minWidth: 180 },
      { field: 'agreedResult', headerName: t('hires.agreedResult'), editable: !readOnly, minWidth: 240, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true },
      { field: 'note', headerName: t('hires.note'), editable: !readOnly, minWidth: 180 },
    ],
    [t, readOnly, onInvalid, kindLabel, fiscalYear],
  );

  async function remove(hire: HireView) {
    try {
      await api.hires.delete({ id: hire.id });
      status.info(t('hires.deleted', { contractor: hire.contractor }));
      setSelected(null);
      hires.reload();
      totals.reload();
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  const list = totals.data ?? [];
  const yearCost = list.reduce((s, h) => s + h.costInYearCents, 0);
  const flagged = list.filter((h) => h.dbaFlags.length > 0).length;
  return (
    <div>
      <h1>{t('hires.title', { year: fiscalYear })}</h1>
      <dl className="key-figures" aria-label={t('hires.keyFigures')}>
        <div className="key-figure">
          <dt>{t('hires.count')}</dt>
          <dd>{list.length}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('hires.costInYear', { year: fiscalYear })}</dt>
          <dd data-testid="hires-year-cost">{formatCents(yearCost, { whole: true })}</dd>
        </div>
        <div className="key-figure">
          <dt>{t('hires.flagged')}</dt>
          <dd>{flagged}</dd>
        </div>
      </dl>
      <p className="hint">{t('hires.hint', { months: settings.data?.zzpFlagMonths ?? 12 })}</p>
      <div className="toolbar">
        <span />
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      <div onKeyDown={editing.onKeyDown}>
        <DataGrid<HireView>
          label={t('hires.gridLabel')}
          rowData={hires.data ?? []}
          columnDefs={columns}
          getRowId={(p) => String(p.data.id)}
          onGridReady={(e) => editing.setApi(e.api)}
          onCellValueChanged={editing.onCellValueChanged}
          onCellFocused={(e) => {
            if (e.rowIndex === null) return;
            const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
            if (node?.data) setSelected(node.data);
          }}
          height={360}
        />
      </div>
      {selected && !readOnly && (
        <p className="toolbar">
          <span>{t('hires.selected', { contractor: selected.contractor, assignment: selected.assignment })}</span>
          <button type="button" onClick={() => void remove(selected)}>
            {t('hires.delete')}
          </button>
        </p>
      )}
      {!readOnly && (
        <AddHireForm
          costCentres={(costCentres.data ?? []).map((c) => c.code)}
          positions={positions.data ?? []}
          defaultAccount={settings.data?.personnelHireAccounts[0] ?? '4200'}
          onAdded={() => {
            hires.reload();
            totals.reload();
          }}
        />
      )}
    </div>
  );
}

function AddHireForm({ costCentres, positions, defaultAccount, onAdded }: { costCentres: string[]; positions: PositionView[]; defaultAccount: string; onAdded(): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const empty = { kind: 'uitzendkracht' as HireKind, contractor: '', personName: '', assignment: '', agreedResult: '', commissioner: '', costCentre: '', account: '', rate: '', hours: '', startDate: '', endDate: '', position: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const rate = parseUserAmountCents(form.rate);
    if (!rate.ok) return setError(`${t('hires.hourlyRate')}: ${rate.reason}`);
    const hours = checkNumber(t('hires.hoursPerWeek'), form.hours);
    if (!hours.ok) return setError(hours.reason);
    const start = checkDate(t('hires.startDate'), form.startDate);
    if (!start.ok) return setError(start.reason);
    const end = checkDate(t('hires.endDate'), form.endDate);
    if (!end.ok) return setError(end.reason);
    try {
      const created = await api.hires.create({
        kind: form.kind,
        contractor: form.contractor,
        personName: form.personName,
        assignment: form.assignment,
        agreedResult: form.agreedResult,
        commissioner: form.commissioner,
        costCentre: form.costCentre || costCentres[0] || '',
        account: form.account || defaultAccount,
        hourlyRateCents: rate.value,
        hoursPerWeek: hours.value as number,
        startDate: start.value as string,
        endDate: end.value as string,
        formationPositionId: form.position ? Number(form.position) : null,
      });
      status.info(t('hires.added', { contractor: created.contractor, cost: formatCents(created.totalCostCents) }));
      setForm(empty);
      onAdded();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <details className="card">
      <summary>{t('hires.add')}</summary>
      <form onSubmit={submit} className="inline-form" aria-label={t('hires.add')}>
        <label htmlFor="hire-kind">
          {t('hires.kind')}
          <select id="hire-kind" value={form.kind} onChange={set('kind')}>
            {HIRE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`hires.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="hire-contractor">
          {t('hires.contractor')}
          <input id="hire-contractor" required value={form.contractor} onChange={set('contractor')} />
        </label>
        <label htmlFor="hire-person">
          {t('hires.personName')}
          <input id="hire-person" value={form.personName} onChange={set('personName')} />
        </label>
        <label htmlFor="hire-assignment">
          {t('hires.assignment')}
          <input id="hire-assignment" required value={form.assignment} onChange={set('assignment')} size={30} />
        </label>
        <label htmlFor="hire-result">
          {t('hires.agreedResult')}
          <input id="hire-result" value={form.agreedResult} onChange={set('agreedResult')} size={30} />
        </label>
        <label htmlFor="hire-commissioner">
          {t('hires.commissioner')}
          <input id="hire-commissioner" value={form.commissioner} onChange={set('commissioner')} />
        </label>
        <label htmlFor="hire-cc">
          {t('staff.costCentre')}
          <select id="hire-cc" value={form.costCentre || costCentres[0] || ''} onChange={set('costCentre')}>
            {costCentres.map((cc) => (
              <option key={cc} value={cc}>
                {cc}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="hire-account">
          {t('hires.account')}
          <input id="hire-account" size={8} placeholder={defaultAccount} value={form.account} onChange={set('account')} />
        </label>
        <label htmlFor="hire-rate">
          {t('hires.hourlyRate')}
          <input id="hire-rate" required inputMode="decimal" size={9} value={form.rate} onChange={set('rate')} />
        </label>
        <label htmlFor="hire-hours">
          {t('hires.hoursPerWeek')}
          <input id="hire-hours" required inputMode="decimal" size={6} value={form.hours} onChange={set('hours')} />
        </label>
        <label htmlFor="hire-start">
          {t('hires.startDate')}
          <input id="hire-start" required placeholder="dd-mm-jjjj" size={11} value={form.startDate} onChange={set('startDate')} />
        </label>
        <label htmlFor="hire-end">
          {t('hires.endDate')}
          <input id="hire-end" required placeholder="dd-mm-jjjj" size={11} value={form.endDate} onChange={set('endDate')} />
        </label>
        <label htmlFor="hire-position">
          {t('hires.position')}
          <select id="hire-position" value={form.position} onChange={set('position')}>
            <option value="">{t('staff.noPosition')}</option>
            {positions.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.code} {p.functionTitle} ({p.costCentre})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('app.add')}
        </button>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <p className="hint form-title">{t('hires.formHint')}</p>
      </form>
    </details>
  );
}
