import type { ColDef, RowClassParams } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceCaseView } from '../../../../shared/domain/absence/types.ts';
import { formatDate, formatPercent } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { dateColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { AbsenceSettings } from './AbsenceSettings.tsx';
import { CasePanel, type UndoableAction } from './CasePanel.tsx';
import { userToday } from './dates.ts';
import { announceAbsenceChanged } from './events.ts';
import { MetricsSection } from './MetricsSection.tsx';
import { PeriodPicker, periodCode, type PeriodChoice } from './PeriodPicker.tsx';
import { RegisterForm } from './RegisterForm.tsx';
import { TrendChart } from './TrendChart.tsx';
import { FormError } from '../../components/forms.tsx';
import { SetupHint } from '../setup/SetupHint.tsx';

const EDITABLE: Record<string, string> = {
  firstDay: 'firstDay',
  safetyNet: 'safetyNet',
  occupationalAccident: 'occupationalAccident',
  liableThirdParty: 'liableThirdParty',
  note: 'note',
};

export function AbsencePage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [show, setShow] = useState<'open' | 'all'>('all');
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [lastAction, setLastAction] = useState<UndoableAction | null>(null);
  // Cases and figures reload after a change in the panel; a grid edit reloads only the figures, so the grid keeps its undo history.
  const [version, setVersion] = useState(0);
  const [figuresVersion, setFiguresVersion] = useState(0);
  const [period, setPeriod] = useState<PeriodChoice>({ kind: 'year', year: fiscalYear, quarter: 1, month: 1 });
  const refresh = useCallback(() => {
    setVersion((v) => v + 1);
    announceAbsenceChanged();
  }, []);
  const refreshFigures = useCallback(() => {
    setFiguresVersion((v) => v + 1);
    announceAbsenceChanged();
  }, []);

  const editing = useGridEditing<AbsenceCaseView>({
    fieldOf: (colId) => EDITABLE[colId],
    save: (id, patch) => api.absence.updateCase({ today: userToday(), id, patch }),
    onSaved: () => refreshFigures(),
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: (batch) => api.absence.casesBatch({ today: userToday(), ...batch }),
      newRows: t('absence.cases.pasteNoNewRows'),
      rowLabel: (c) => `${c.caseNumber} ${c.employeeName}`,
    },
  });
  const employees = useApi(() => api.absence.employees({ today: userToday() }), []);
  const cases = useApi(async () => {
    const rows = await api.absence.cases({ today: userToday(), status: show, includeDeleted });
    editing.reset(rows);
    return rows;
  }, [show, includeDeleted, version]);
  const code = periodCode(period);
  const metrics = useApi(() => api.absence.metrics({ today: userToday(), period: code }), [code, version, figuresVersion]);
  const trend = useApi(() => api.absence.trend({ today: userToday(), year: period.year }), [period.year, version, figuresVersion]);
  const selected = cases.data?.find((c) => c.id === selectedId) ?? null;

  function changed(updated: AbsenceCaseView, action: UndoableAction | null, message: string) {
    setSelectedId(updated.id);
    setLastAction(action);
    status.info(message);
    refresh();
  }

  async function undoLast() {
    if (!lastAction) return;
    try {
      await lastAction.undo();
      status.info(t('absence.detail.undone', { what: lastAction.label }));
      setLastAction(null);
      refresh();
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  const onInvalid = useCallback((reason: string) => status.error(reason), [status]);
  const columns = useMemo<ColDef<AbsenceCaseView>[]>(
    () => [
      { field: 'caseNumber', headerName: t('absence.cases.caseNumber'), width: 140, pinned: 'left' },
      { field: 'employeeName', headerName: t('absence.cases.employee'), minWidth: 180 },
      { field: 'personnelNumber', headerName: t('absence.cases.personnelNumber'), width: 120 },
      { field: 'costCentre', headerName: t('absence.cases.costCentre'), width: 110 },
      dateColumn<AbsenceCaseView>('firstDay', t('absence.cases.firstDay'), { editable: !readOnly, onInvalid, width: 140 }),
      dateColumn<AbsenceCaseView>('recoveredOn', t('absence.cases.recoveredOn'), { width: 130 }),
      { colId: 'currentPercentage', headerName: t('absence.cases.percentage'), type: 'rightAligned', valueGetter: (p) => p.data?.currentPercentage, valueFormatter: (p) => formatPercent(p.value as number, 0), width: 100, context: { cellKind: { type: 'decimal', percent: true } } },
      { field: 'durationDays', headerName: t('absence.cases.duration'), type: 'rightAligned', width: 120 },
      {
        colId: 'status',
        headerName: t('absence.cases.status'),
        valueGetter: (p) => (p.data?.deletedAt ? t('absence.cases.statusDeleted') : p.data?.open ? t('absence.cases.statusOpen') : t('absence.cases.statusClosed')),
        width: 110,
      },
      { colId: 'kind', headerName: t('absence.cases.kind'), valueGetter: (p) => (p.data ? t(`absence.kinds.${p.data.kind}`) : ''), width: 150 },
      { field: 'relapseOf', headerName: t('absence.cases.relapseOf'), width: 130 },
      { field: 'safetyNet', headerName: t('absence.register.safetyNet'), cellDataType: 'boolean', editable: !readOnly, width: 140 },
      { field: 'occupationalAccident', headerName: t('absence.register.occupationalAccident'), cellDataType: 'boolean', editable: !readOnly, width: 150 },
      { field: 'liableThirdParty', headerName: t('absence.register.liableThirdParty'), cellDataType: 'boolean', editable: !readOnly, width: 160 },
      { field: 'note', headerName: t('absence.cases.note'), headerTooltip: t('absence.noteWarning'), editable: !readOnly, context: { cellKind: { type: 'text', nullable: true } }, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, minWidth: 220, flex: 1 },
    ],
    [t, readOnly, onInvalid],
  );

  return (
    <div>
      <h1>{t('absence.title')}</h1>
      <SetupHint steps={['staff', 'absence']} />
      <p className="privacy-warning">⚠ {t('absence.privacyNote')}</p>
      {employees.data && employees.data.length === 0 && <p className="warning">{t('absence.noEmployees')}</p>}
      {!readOnly && employees.data && employees.data.length > 0 && (
        <RegisterForm
          employees={employees.data}
          onRegistered={(registered) =>
            changed(
              registered,
              { label: t('absence.register.done', { caseNumber: registered.caseNumber, name: registered.employeeName }), undo: () => api.absence.deleteCase({ today: userToday(), id: registered.id }) },
              t('absence.register.done', { caseNumber: registered.caseNumber, name: registered.employeeName }),
            )
          }
        />
      )}
      <div className="toolbar no-print">
        <div className="inline-form">
          <label>
            {t('absence.cases.show')}
            <select value={show} onChange={(e) => setShow(e.target.value as 'open' | 'all')}>
              <option value="all">{t('absence.cases.all')}</option>
              <option value="open">{t('absence.cases.open')}</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={includeDeleted} onChange={(e) => setIncludeDeleted(e.target.checked)} /> {t('absence.cases.includeDeleted')}
          </label>
        </div>
        {!readOnly && (
          <span className="button-row">
            {lastAction && (
              <button type="button" onClick={() => void undoLast()}>
                ↶ {t('absence.detail.undoLast', { what: lastAction.label })}
              </button>
            )}
            <UndoButtons editing={editing} />
          </span>
        )}
      </div>
      <p className="hint no-print">{t('absence.cases.editHint')}</p>
      <FormError message={cases.error} />
      {cases.data && (
        <EditableGrid<AbsenceCaseView>
          editing={editing}
          label={t('absence.cases.title')}
          rowData={cases.data}
          columnDefs={columns}
          onCellFocused={(e) => {
            if (e.rowIndex === null) return;
            const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
            if (node?.data) setSelectedId(node.data.id);
          }}
          onRowClicked={(e) => e.data && setSelectedId(e.data.id)}
          getRowClass={(p: RowClassParams<AbsenceCaseView>) => (p.data?.deletedAt ? 'row-deleted' : undefined)}
          height={320}
        />
      )}
      {selected ? <CasePanel key={selected.id} current={selected} readOnly={readOnly} onChanged={changed} /> : <p className="muted no-print">{t('absence.detail.none')}</p>}

      <section className="card" aria-labelledby="metrics-title">
        <h2 id="metrics-title">{t('absence.metrics.title')}</h2>
        <PeriodPicker value={period} onChange={setPeriod} />
        <FormError message={metrics.error} />
        {metrics.data && <MetricsSection metrics={metrics.data} />}
        {trend.data && <TrendChart trend={trend.data} />}
      </section>
      <AbsenceSettings readOnly={readOnly} onChanged={refresh} />
    </div>
  );
}
