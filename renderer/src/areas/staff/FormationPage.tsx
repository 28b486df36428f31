import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccupationFigures } from '../../../../shared/domain/staff/formation.ts';
import type { PositionView } from '../../../../shared/domain/staff/types.ts';
import { formatDate, formatPercent, MONTHS_NL } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { EditableGrid } from '../../components/EditableGrid.tsx';
import { dateColumn } from '../../components/grid.ts';
import { useStatus } from '../../components/Status.tsx';
import { UndoButtons } from '../../components/UndoButtons.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { useGridEditing } from '../../components/useGridEditing.ts';
import { DateField } from '../../components/DateField.tsx';
import { checkDate, checkInteger, checkNumber, valid } from '../../components/form-values.ts';
import { binder, choices, DateTextField, Form, FormError, SelectField, TextField, useFormAction } from '../../components/forms.tsx';
import { defaultPeildatum, formatFte } from './common.tsx';
import { PositionMatchPanel } from './PositionMatchPanel.tsx';
import { Gap } from '../setup/Gap.tsx';
import { SetupHint } from '../setup/SetupHint.tsx';

/** A position as the grid shows it: its own fields plus the occupation on the chosen date. */
interface Row {
  id: number;
  code: string;
  costCentre: string;
  functionTitle: string;
  salaryScale: number | null;
  fte: number;
  validFrom: string;
  validTo: string | null;
  note: string;
  occupiedFte: number | null;
  vacancyFte: number | null;
  overOccupationFte: number | null;
  occupancyPercent: number | null;
  hireFte: number | null;
  occupants: string;
  status: PositionView['status'];
}

function toRow(p: PositionView, matchedSuffix: string): Row {
  return {
    id: p.id,
    code: p.code,
    costCentre: p.costCentre,
    functionTitle: p.functionTitle,
    salaryScale: p.salaryScale,
    fte: p.fte,
    validFrom: p.validFrom,
    validTo: p.validTo,
    note: p.note,
    occupiedFte: p.occupation?.occupiedFte ?? null,
    vacancyFte: p.occupation?.vacancyFte ?? null,
    overOccupationFte: p.occupation?.overOccupationFte ?? null,
    occupancyPercent: p.occupation?.occupancyPercent ?? null,
    hireFte: p.occupation?.hireFte ?? null,
    occupants: p.occupation?.occupants.map((o) => `${o.name} (${formatFte(o.fte)}${o.match === 'matched' ? `; ${matchedSuffix}` : ''})`).join(', ') ?? '',
    status: p.status,
  };
}

const EDITABLE = ['functionTitle', 'salaryScale', 'fte', 'validFrom', 'validTo', 'note'];

/** Status in words and a symbol, so it does not depend on colour. */
export function positionStatusText(t: (key: string, options?: Record<string, unknown>) => string, row: Pick<Row, 'status' | 'vacancyFte' | 'overOccupationFte'>): string {
  switch (row.status) {
    case 'vacant':
      return `▲ ${t('formation.statuses.vacant', { fte: formatFte(row.vacancyFte) })}`;
    case 'partlyVacant':
      return `△ ${t('formation.statuses.partlyVacant', { fte: formatFte(row.vacancyFte) })}`;
    case 'overOccupied':
      return `▼ ${t('formation.statuses.overOccupied', { fte: formatFte(row.overOccupationFte) })}`;
    case 'filled':
      return `✓ ${t('formation.statuses.filled')}`;
    default:
      return t('formation.statuses.notValid');
  }
}

/** A cost centre's figures; those the formation does not allow yet read "n.t.b." (the reason is above the table). */
function figuresCells(f: OccupationFigures, notYet: string) {
  const known = f.formationGap === null;
  return [
    known ? formatFte(f.formationFte) : notYet,
    formatFte(f.occupiedFte),
    formatFte(f.unlinkedFte),
    known ? formatFte(f.vacancyFte) : notYet,
    known ? formatFte(f.overOccupationFte) : notYet,
    known ? formatPercent(f.occupancyPercent) : notYet,
    formatFte(f.hireFte),
    String(f.headcount),
  ];
}

export function FormationPage({ fiscalYear, readOnly }: { fiscalYear: number; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [date, setDate] = useState(defaultPeildatum(fiscalYear));
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Row | null>(null);
  const refreshTotals = () => setVersion((v) => v + 1);
  const editing = useGridEditing<Row>({
    fieldOf: (colId) => (EDITABLE.includes(colId) ? colId : undefined),
    save: async (id, patch) => toRow(await api.formation.updatePosition({ id, patch: patch as never, date }), t('formation.matchedSuffix')),
    onSaved: () => refreshTotals(),
    onError: (message) => status.error(message),
    readOnly,
    paste: {
      save: async (batch) => {
        const result = await api.formation.positionsBatch({ date, ...batch });
        return { ...result, updated: result.updated.map((p) => p && toRow(p, t('formation.matchedSuffix'))), created: result.created.map((p) => p && toRow(p, t('formation.matchedSuffix'))) };
      },
      newRows: true,
      identity: { code: { field: 'code', kind: { type: 'code' } }, costCentre: { field: 'costCentre', kind: { type: 'code' } } },
      rowLabel: (row) => `${row.code} ${row.functionTitle}`,
    },
  });
  const positions = useApi(async () => {
    const rows = (await api.formation.positions({ date })).map((p) => toRow(p, t('formation.matchedSuffix')));
    editing.reset(rows);
    return rows;
  }, [date]);
  const occupation = useApi(() => api.formation.occupation({ date }), [date, version]);
  const timeline = useApi(() => api.formation.timeline({ year: Number(date.slice(0, 4)) }), [date.slice(0, 4), version]);
  const costCentres = useApi(() => api.workbook.costCentres({}), []);
  const onInvalid = useCallback((reason: string) => status.error(reason), [status]);

  const fteColumn = (field: keyof Row, header: string, extra: Partial<ColDef<Row>> = {}): ColDef<Row> => ({
    field: field as never,
    headerName: header,
    type: 'rightAligned',
    width: 150,
    valueFormatter: (p) => formatFte(p.value as number | null),
    context: { cellKind: { type: 'decimal' } },
    ...extra,
  });

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'code', headerName: t('formation.code'), pinned: 'left', width: 140 },
      { field: 'costCentre', headerName: t('staff.costCentre'), width: 130 },
      { field: 'functionTitle', headerName: t('staff.functionTitle'), editable: !readOnly, width: 210 },
      {
        colId: 'statusText',
        headerName: t('formation.status'),
        width: 220,
        valueGetter: (p) => (p.data ? positionStatusText(t, p.data) : ''),
        cellClassRules: {
          'cell-warning': (p) => p.data?.status === 'vacant' || p.data?.status === 'partlyVacant',
          'cell-over': (p) => p.data?.status === 'overOccupied',
        },
      },
      {
        field: 'salaryScale',
        headerName: t('staff.scale'),
        editable: !readOnly,
        width: 95,
        type: 'rightAligned',
        context: { cellKind: { type: 'integer', nullable: true } },
        valueParser: (p) => {
          const parsed = checkInteger(t('staff.scale'), String(p.newValue ?? ''));
          if (!parsed.ok) {
            onInvalid(parsed.reason);
            return p.oldValue;
          }
          return parsed.value;
        },
      },
      fteColumn('fte', t('formation.formationFte'), {
        editable: !readOnly,
        context: { cellKind: { type: 'decimal' } },
        valueParser: (p) => {
          const parsed = checkNumber(t('formation.formationFte'), String(p.newValue ?? ''));
          if (!parsed.ok) {
            onInvalid(parsed.reason);
            return p.oldValue;
          }
          return parsed.value;
        },
      }),
      fteColumn('occupiedFte', t('formation.occupiedFte')),
      fteColumn('vacancyFte', t('formation.vacancyFte')),
      fteColumn('overOccupationFte', t('formation.overOccupationFte')),
      { field: 'occupancyPercent', headerName: t('formation.occupancy'), type: 'rightAligned', width: 140, valueFormatter: (p) => formatPercent(p.value as number | null), context: { cellKind: { type: 'decimal', percent: true } } },
      fteColumn('hireFte', t('formation.hireFte')),
      { field: 'occupants', headerName: t('formation.occupants'), minWidth: 260, flex: 1 },
      dateColumn<Row>('validFrom', t('formation.validFrom'), { editable: !readOnly, onInvalid }),
      {
        ...dateColumn<Row>('validTo', t('formation.validTo'), { editable: !readOnly, onInvalid, context: { cellKind: { type: 'date', nullable: true } } }),
        // An empty end date means the position stays: clearing the cell must be possible.
        valueSetter: (p) => {
          const text = String(p.newValue ?? '').trim();
          const parsed = checkDate(t('formation.validTo'), text, false);
          if (!parsed.ok) {
            onInvalid(parsed.reason);
            return false;
          }
          if (parsed.value === p.data.validTo) return false;
          p.data.validTo = parsed.value;
          return true;
        },
      },
      { field: 'note', headerName: t('formation.note'), editable: !readOnly, minWidth: 180 },
    ],
    [t, readOnly, onInvalid],
  );

  async function remove(row: Row) {
    try {
      await api.formation.deletePosition({ id: row.id });
      status.info(t('formation.deleted', { code: row.code }));
      setSelected(null);
      positions.reload();
      refreshTotals();
    } catch (e) {
      status.error(errorMessage(e));
    }
  }

  const total = occupation.data?.total;
  const notYet = t('gaps.short');
  const known = total?.formationGap === null;
  const figureHeaders = [t('formation.formationFte'), t('formation.occupiedFte'), t('formation.unlinkedFte'), t('formation.vacancyFte'), t('formation.overOccupationFte'), t('formation.occupancy'), t('formation.hireFte'), t('formation.headcount')];

  return (
    <div>
      <h1>{t('formation.title')}</h1>
      <div className="toolbar filters">
        <DateField label={t('staff.peildatum')} value={date} onChange={setDate} id="formation-date" />
        {!readOnly && <UndoButtons editing={editing} />}
      </div>
      <SetupHint steps={['staff']} />
      {total && !known && (
        <p className="warning" data-testid="formation-gap">
          {t('overview.formation.figuresWaiting')} <Gap code="no-positions" link={false} />. <a href="#/import?kind=formation">{t('setup.actions.formation')}</a> {t('formation.addFirst')}
        </p>
      )}
      {total && known && occupation.data!.withoutFormation.length > 0 && (
        <p className="warning" data-testid="formation-partial">
          {t('gaps.withoutFormation', { codes: occupation.data!.withoutFormation.join(', ') })}
        </p>
      )}
      {total && (
        <dl className="key-figures" aria-label={t('formation.keyFigures', { date: formatDate(date) })}>
          {(
            [
              ['formationFte', t('formation.formationFte'), known ? formatFte(total.formationFte) : notYet],
              ['occupiedFte', t('formation.occupiedFte'), formatFte(total.occupiedFte)],
              ['vacancyFte', t('formation.vacancyFte'), known ? formatFte(total.vacancyFte) : notYet],
              ['overOccupationFte', t('formation.overOccupationFte'), known ? formatFte(total.overOccupationFte) : notYet],
              ['occupancy', t('formation.occupancy'), known ? formatPercent(total.occupancyPercent) : notYet],
              ['hireFte', t('formation.hireFte'), formatFte(total.hireFte)],
            ] as const
          ).map(([key, label, value]) => (
            <div key={key} className="key-figure">
              <dt>{label}</dt>
              <dd data-testid={`formation-${key}`}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="hint">{t('formation.hint')}</p>
      <FormError message={positions.error} />
      <EditableGrid<Row>
        editing={editing}
        label={t('formation.gridLabel', { date: formatDate(date) })}
        rowData={positions.data ?? []}
        columnDefs={columns}
        onCellFocused={(e) => {
          if (e.rowIndex === null) return;
          const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
          if (node?.data) setSelected(node.data);
        }}
        height={300}
      />
      {selected && !readOnly && (
        <p className="toolbar">
          <span>
            {t('formation.selected', { code: selected.code, fn: selected.functionTitle })}
          </span>
          <button type="button" onClick={() => void remove(selected)}>
            {t('formation.delete', { code: selected.code })}
          </button>
        </p>
      )}

      {occupation.data && (
        <section className="card" aria-labelledby="per-cc-title">
          <h2 id="per-cc-title">{t('formation.perCostCentre', { date: formatDate(date) })}</h2>
          <p className="hint">{t('formation.perCostCentreHint')}</p>
          <div className="table-scroll">
            <table className="simple-table dense-headers" data-testid="formation-cost-centres">
              <thead>
                <tr>
                  <th scope="col">{t('staff.costCentre')}</th>
                  {figureHeaders.map((h) => (
                    <th key={h} scope="col" className="num">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {occupation.data.costCentres.map((cc) => (
                  <tr key={cc.costCentre}>
                    <th scope="row">
                      {cc.costCentre} {cc.name}
                      {(cc.vacancyFte ?? 0) > 0 && <span className="tag tag-warning"> ▲ {t('formation.tagVacancy')}</span>}
                      {(cc.overOccupationFte ?? 0) > 0 && <span className="tag tag-over"> ▼ {t('formation.tagOver')}</span>}
                    </th>
                    {figuresCells(cc, notYet).map((v, i) => (
                      <td key={i} className="num">
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="row-total">
                  <th scope="row">{t('formation.total')}</th>
                  {figuresCells(occupation.data.total, notYet).map((v, i) => (
                    <td key={i} className="num">
                      {v}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}

      {timeline.data && (
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('formation.timelineTitle', { year: date.slice(0, 4) })}</h2>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('formation.month')}</th>
                <th scope="col" className="num">
                  {t('formation.formationFte')}
                </th>
                <th scope="col" className="num">
                  {t('formation.occupiedFte')}
                </th>
                <th scope="col" className="num">
                  {t('formation.room')}
                </th>
                <th scope="col" className="num">
                  {t('formation.occupancy')}
                </th>
                <th scope="col" className="num">
                  {t('formation.hireFte')}
                </th>
              </tr>
            </thead>
            <tbody>
              {timeline.data.map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    {MONTHS_NL[Number(m.month.slice(5, 7)) - 1]} ({formatDate(m.date)})
                  </th>
                  <td className="num">{m.total.formationFte === null ? notYet : formatFte(m.total.formationFte)}</td>
                  <td className="num">{formatFte(m.total.occupiedFte)}</td>
                  <td className="num">{m.total.formationFte === null ? notYet : formatFte(m.total.formationFte - m.total.occupiedFte)}</td>
                  <td className="num">{m.total.formationFte === null ? notYet : formatPercent(m.total.occupancyPercent)}</td>
                  <td className="num">{formatFte(m.total.hireFte)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {occupation.data && positions.data && (positions.data.length > 0 || occupation.data.unplaced.length > 0) && known && (
        <PositionMatchPanel
          date={date}
          occupation={occupation.data}
          positions={positions.data}
          readOnly={readOnly}
          onSaved={() => {
            positions.reload();
            refreshTotals();
          }}
        />
      )}

      {!readOnly && (
        <AddPositionForm
          costCentres={(costCentres.data ?? []).map((c) => c.code)}
          fiscalYear={fiscalYear}
          onAdded={() => {
            positions.reload();
            refreshTotals();
          }}
        />
      )}
    </div>
  );
}

function AddPositionForm({ costCentres, fiscalYear, onAdded }: { costCentres: string[]; fiscalYear: number; onAdded(): void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const empty = { code: '', functionTitle: '', salaryScale: '', fte: '1', costCentre: '', validFrom: formatDate(`${fiscalYear}-01-01`), validTo: '', note: '' };
  const [form, setForm] = useState(empty);
  const action = useFormAction();
  const bind = binder(form, setForm);

  const submit = () =>
    action.run(async () => {
      const fte = valid(checkNumber(t('formation.formationFte'), form.fte)) as number;
      const salaryScale = valid(checkInteger(t('staff.scale'), form.salaryScale));
      const validFrom = valid(checkDate(t('formation.validFrom'), form.validFrom)) as string;
      const validTo = valid(checkDate(t('formation.validTo'), form.validTo, false));
      const created = await api.formation.createPosition({
        code: form.code,
        functionTitle: form.functionTitle,
        salaryScale,
        fte,
        costCentre: form.costCentre || costCentres[0] || '',
        validFrom,
        validTo,
        note: form.note,
      });
      status.info(t('formation.added', { code: created.code }));
      setForm({ ...empty, costCentre: form.costCentre });
      onAdded();
    });

  return (
    <details className="card">
      <summary>{t('formation.add')}</summary>
      <Form submitAction={action} layout="inline" onSubmit={submit} aria-label={t('formation.add')}>
        <TextField id="pos-code" label={t('formation.code')} required size={12} {...bind('code')} />
        <TextField id="pos-function" label={t('staff.functionTitle')} required {...bind('functionTitle')} />
        <TextField id="pos-scale" label={t('staff.scale')} inputMode="numeric" size={4} {...bind('salaryScale')} />
        <TextField id="pos-fte" label={t('formation.formationFte')} inputMode="decimal" size={6} required {...bind('fte')} />
        <SelectField id="pos-cc" label={t('staff.costCentre')} value={form.costCentre || costCentres[0] || ''} onChange={bind('costCentre').onChange} options={choices(costCentres)} />
        <DateTextField id="pos-from" label={t('formation.validFrom')} required {...bind('validFrom')} />
        <DateTextField id="pos-to" label={t('formation.validTo')} {...bind('validTo')} />
        <TextField id="pos-note" label={t('formation.note')} {...bind('note')} />
        <button type="submit" className="primary">
          {t('app.add')}
        </button>
        <FormError message={action.error} />
      </Form>
    </details>
  );
}
