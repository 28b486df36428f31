import type { ColDef } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressEvent } from '../../../../shared/api/progress.ts';
import { formatCents, formatDateTime } from '../../../../shared/format/nl.ts';
import type { FieldSpec, ImportPreview, ImportResult, PreviewRow } from '../../../../shared/import/types.ts';
import { api } from '../../api/client.ts';
import { DataGrid } from '../../components/DataGrid.tsx';
import { DateInput } from '../../components/DateField.tsx';
import { chooseFilesToOpen, fileToBase64 } from '../../components/files.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { IMPORT_KINDS } from './kinds.ts';
import { describeImportResult } from '../../../../shared/domain/workbook/audit-text.ts';
import { useWords } from '../../i18n/words.ts';
import { FormError } from '../../components/forms.tsx';

/** An open dialog's token (desktop app) or the file's bytes (browser): the renderer never sends a path. */
type Source = { token: string } | { name: string; contentBase64: string };
/** The path the user chose for a token, to show. */
const chosenPaths = new WeakMap<Source, string>();

function sourceName(source: Source): string {
  return 'token' in source ? (chosenPaths.get(source) ?? '') : source.name;
}

/** Lines that were not data (titles, totals, footers): counted and listed, so none disappears unseen. */
function SkippedLines({ skipped, testId }: { skipped: ImportResult['skipped']; testId: string }) {
  const { t } = useTranslation();
  if (skipped.length === 0) return null;
  return (
    <details data-testid={testId}>
      <summary>{t('import.skipped', { count: skipped.length })}</summary>
      <table className="simple-table">
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            <th scope="col">{t('import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {skipped.slice(0, 200).map((s) => (
            <tr key={s.line}>
              <td>{s.line}</td>
              <td>{s.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** An importer's extra counts that have a text (import.extra.<key>), e.g. the roster's transfers. */
function ExtraCounts({ extra, testId }: { extra: Record<string, number>; testId: string }) {
  const { t, i18n } = useTranslation();
  const shown = Object.entries(extra).filter(([key, value]) => value > 0 && i18n.exists(`import.extra.${key}`));
  if (shown.length === 0) return null;
  return (
    <ul data-testid={testId}>
      {shown.map(([key, value]) => (
        <li key={key}>{t(`import.extra.${key}`, { count: value })}</li>
      ))}
    </ul>
  );
}

const DELIMITER_NAMES: Record<string, string> = { ';': 'puntkomma', ',': 'komma', '\t': 'tab' };

/** A missing requirement as the user reads it: field labels, "Bedrag of Debet of Credit" for alternatives. */
function missingLabel(fields: FieldSpec[], key: string): string {
  return key
    .split(' of ')
    .map((alternative) => alternative.split('+').map((k) => fields.find((f) => f.key === k)?.label ?? k).join(' + '))
    .join(' of ');
}

/** What the file held that is not this department's: its count and total, never among the rejections. */
function OutsideDepartment({ result, testId }: { result: ImportResult & { fields?: FieldSpec[] }; testId: string }) {
  const { t } = useTranslation();
  if (result.outsideDepartment === 0) return null;
  const total = hasAmounts(result) ? t('import.together', { total: formatCents(result.outsideDepartmentCents) }) : '';
  return (
    <p data-testid={testId}>
      {t('import.outsideTotal', { count: result.outsideDepartment, total })}
    </p>
  );
}

/** Files of amounts (ledger, budget, assignments, salary table) have totals; rosters and absence lists do not. */
function hasAmounts(result: ImportResult & { fields?: FieldSpec[] }): boolean {
  const fields = result.fields ?? [];
  return fields.length === 0 ? result.totalCents !== 0 || result.outsideDepartmentCents !== 0 : fields.some((f) => f.type === 'amount' && result.mapping[f.key]);
}


interface PreviewInput {
  kind: string;
  source: Source;
  mapping: Record<string, string | null>;
  decimalMark: ',' | '.' | '';
  options: Record<string, string>;
}

export function ImportPage({ workbookKind, nativeDialogs, onImported }: { workbookKind: string; nativeDialogs: boolean; onImported?: () => void }) {
  const { t } = useTranslation();
  const status = useStatus();
  const kinds = IMPORT_KINDS.filter((k) => k.workbookKinds.includes(workbookKind));
  // A link like #/import?kind=staff opens the page with that kind chosen.
  const linkedKind = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('kind');
  const [kind, setKind] = useState(kinds.find((k) => k.kind === linkedKind)?.kind ?? kinds[0]?.kind ?? '');
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [decimalMark, setDecimalMark] = useState<',' | '.' | ''>('');
  const [options, setOptions] = useState<Record<string, string>>({});
  const kindOptions = kinds.find((k) => k.kind === kind)?.options ?? [];
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<(ImportResult & { fields?: FieldSpec[] }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new file input for each kind, so the previous file's name does not stay in it.
  const [fileInputKey, setFileInputKey] = useState(0);
  // Only the answer to the latest request is shown: a slow preview of the previous file must not land on the new one.
  const requestSeq = useRef(0);
  const history = useApi(() => api.import.history({}), [result]);
  const words = useWords();
  const kindLabel = (code: string) => {
    const known = IMPORT_KINDS.find((k) => k.kind === code);
    return known ? t(known.labelKey) : code;
  };

  const request = (input: PreviewInput) => {
    const optionKeys = (kinds.find((k) => k.kind === input.kind)?.options ?? []).map((o) => o.key).filter((key) => input.options[key]?.trim());
    return {
      kind: input.kind,
      source: input.source,
      mapping: Object.keys(input.mapping).length > 0 ? input.mapping : undefined,
      dialect: input.decimalMark ? { decimalMark: input.decimalMark } : undefined,
      options: optionKeys.length > 0 ? Object.fromEntries(optionKeys.map((key) => [key, input.options[key].trim()])) : undefined,
    };
  };
  const current = (): PreviewInput | null => (source ? { kind, source, mapping, decimalMark, options } : null);

  /** Everything of the previous file or kind off the screen: its preview, mapping, question, result and error. */
  function startClean() {
    requestSeq.current += 1;
    setPreview(null);
    setMapping({});
    setDecimalMark('');
    setResult(null);
    setError(null);
    setProgress(null);
  }

  async function runPreview(input: PreviewInput | null = current()) {
    if (!input) return;
    const seq = ++requestSeq.current;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const next = await api.import.preview({ ...request(input), previewRows: 500 }, { onProgress: (event) => seq === requestSeq.current && setProgress(event) });
      if (seq !== requestSeq.current) return;
      setPreview(next);
      setMapping(next.mapping);
    } catch (e) {
      if (seq !== requestSeq.current) return;
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      if (seq === requestSeq.current) {
        setBusy(false);
        setProgress(null);
      }
    }
  }

  async function commit() {
    const input = current();
    if (!input) return;
    const seq = ++requestSeq.current;
    setBusy(true);
    setError(null);
    try {
      const done = await api.import.commit({ ...request(input), strict: false }, { onProgress: setProgress });
      setResult({ ...done, fields: preview?.fields });
      setPreview(null);
      status.info(t('import.done', { imported: done.imported, updated: done.updated, duplicates: done.duplicates, rejected: done.rejectedCount }));
      onImported?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      if (seq === requestSeq.current) {
        setBusy(false);
        setProgress(null);
      }
    }
  }

  async function chooseSource(next: Source) {
    startClean();
    setSource(next);
    await runPreview({ kind, source: next, mapping: {}, decimalMark: '', options });
  }

  async function chooseNative() {
    const [chosen] = await chooseFilesToOpen(t('import.chooseFile'), [{ name: 'CSV of Excel', extensions: ['csv', 'txt', 'xlsx'] }]);
    if (chosen) {
      const next = { token: chosen.token };
      chosenPaths.set(next, chosen.path);
      await chooseSource(next);
    }
  }

  async function chooseBrowser(file: File | undefined) {
    if (!file) return;
    await chooseSource({ name: file.name, contentBase64: await fileToBase64(file) });
  }

  function chooseKind(next: string) {
    startClean();
    setKind(next);
    setSource(null);
    setOptions({});
    setBusy(false);
    setFileInputKey((k) => k + 1);
  }

  /** The offer next to a cost centre that looks like hers: add it, then preview the same file again. */
  async function addCostCentre(code: string, name: string | undefined) {
    setError(null);
    try {
      await api.workbook.saveCostCentre({ code, name: name ?? '', taakveld: null });
      status.info(t('import.costCentreAdded', { code }));
      await runPreview();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const rowColumns = useMemo<ColDef<PreviewRow>[]>(() => {
    if (!preview) return [];
    // In a matrix (the cao's salary table) the step and the amount come from each cell, not from a column.
    const fromCells = preview.layout ? [preview.layout.columnField, preview.layout.valueField] : [];
    const mapped = preview.fields.filter((f) => preview.mapping[f.key] || fromCells.includes(f.key));
    return [
      { field: 'line', headerName: t('import.line'), width: 90, type: 'rightAligned' },
      { field: 'status', headerName: t('import.status'), width: 210, valueFormatter: (p) => t(`import.statuses.${p.value as string}`) },
      ...mapped.map<ColDef<PreviewRow>>((f) => ({ colId: f.key, headerName: preview.mapping[f.key] ?? f.label, valueGetter: (p) => p.data?.values[f.key] ?? '', minWidth: 120 })),
      { field: 'reason', headerName: t('import.reason'), minWidth: 240 },
    ];
  }, [preview, t]);

  const selectId = (field: string) => `map-${field}`;

  return (
    <div>
      <h1>{t('import.title')}</h1>
      <section className="card">
        <div className="inline-form">
          <label>
            {t('import.kind')}
            <select
              value={kind}
              onChange={(e) => chooseKind(e.target.value)}
            >
              {kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {t(k.labelKey)}
                </option>
              ))}
            </select>
          </label>
          {kindOptions.map((option) => (
            <label key={option.key} htmlFor={`import-option-${option.key}`}>
              {t(option.labelKey)}
              <DateInput
                id={`import-option-${option.key}`}
                label={t(option.labelKey)}
                value={options[option.key] ?? ''}
                onChange={(text) => setOptions({ ...options, [option.key]: text })}
                aria-describedby={`import-option-${option.key}-hint`}
                disabled={busy}
              />
              <span id={`import-option-${option.key}-hint`} className="hint">
                {t(option.hintKey)}
              </span>
            </label>
          ))}
          {nativeDialogs ? (
            <button type="button" onClick={() => void chooseNative()} disabled={busy}>
              {t('import.chooseFile')}
            </button>
          ) : (
            <label>
              {t('import.file')}
              <input key={fileInputKey} type="file" accept=".csv,.txt,.xlsx" disabled={busy} onChange={(e) => void chooseBrowser(e.target.files?.[0])} data-testid="import-file" />
            </label>
          )}
          {source && <span className="muted">{sourceName(source)}</span>}
        </div>
      </section>

      <ProgressBar event={progress} label={t('import.progress')} />
      <FormError message={error} />

      {preview && (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">
            {t('import.preview')}: {preview.file}
          </h2>
          <p className="muted">{t('import.nothingWritten')}</p>
          <p>
            {t(preview.dialect.format === 'xlsx' ? 'import.dialectXlsx' : 'import.dialect', {
              format: preview.dialect.format.toUpperCase(),
              encoding: preview.dialect.encoding,
              delimiter: DELIMITER_NAMES[preview.dialect.delimiter ?? ''] ?? '–',
              headerLine: preview.dialect.headerLine,
              decimalMark: preview.dialect.decimalMark === ',' ? 'komma' : 'punt',
            })}
          </p>
          {(preview.layout || preview.notes) && (
            <ul data-testid="import-notes">
              {[...new Set([...(preview.layout ? [preview.layout.description] : []), ...(preview.notes ?? [])])].map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <details open={preview.missingFields.length > 0 || preview.decimalMarkQuestion !== undefined}>
            <summary>{t('import.mapping')}</summary>
            <div className="mapping-grid">
              {preview.fields.filter((field) => !preview.layout || (field.key !== preview.layout.columnField && field.key !== preview.layout.valueField)).map((field) => (
                <div key={field.key} className="field">
                  <label htmlFor={selectId(field.key)}>
                    {field.label}
                    {field.required ? ' *' : ''}
                  </label>
                  <select id={selectId(field.key)} value={mapping[field.key] ?? ''} onChange={(e) => setMapping({ ...mapping, [field.key]: e.target.value || null })}>
                    <option value="">{t('import.notMapped')}</option>
                    {preview.columns.map((column) => (
                      <option key={column} value={column}>
                        {column}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div className="field">
                <label htmlFor="decimal-mark">{t('import.decimalMark')}</label>
                {/* When the file leaves the mark open, nothing is preselected: the user must choose, even the comma. */}
                <select id="decimal-mark" value={decimalMark || (preview.decimalMarkQuestion ? '' : preview.dialect.decimalMark)} onChange={(e) => setDecimalMark(e.target.value as ',' | '.')}>
                  {preview.decimalMarkQuestion && !decimalMark && (
                    <option value="" disabled>
                      {t('import.chooseDecimalMark')}
                    </option>
                  )}
                  <option value=",">, (komma: 1.234,56)</option>
                  <option value=".">. (punt: 1,234.56)</option>
                </select>
              </div>
            </div>
            <button type="button" onClick={() => void runPreview()} disabled={busy}>
              {t('import.preview')}
            </button>
          </details>
          {preview.missingFields.length > 0 && (
            <p role="alert" className="form-error">
              {t('import.missing', { fields: preview.missingFields.map((key) => missingLabel(preview.fields, key)).join(', ') })}
            </p>
          )}
          {preview.decimalMarkQuestion && (
            <p role="alert" className="form-error" data-testid="decimal-mark-question">
              {preview.decimalMarkQuestion}
            </p>
          )}
          <p data-testid="import-counts">
            {t('import.counts', { imported: preview.imported, updated: preview.updated, duplicates: preview.duplicates, outside: preview.outsideDepartment, rejected: preview.rejectedCount })}
          </p>
          <OutsideDepartment result={preview} testId="import-outside" />
          {preview.unregisteredCostCentres.length > 0 && (
            <section className="import-offer" aria-labelledby="unregistered-title" data-testid="import-unregistered">
              <h3 id="unregistered-title">{t('import.unregisteredTitle')}</h3>
              <p>{t('import.unregisteredIntro')}</p>
              <ul>
                {preview.unregisteredCostCentres.map((c) => (
                  <li key={c.code}>
                    {t('import.unregisteredRow', { code: c.code, name: c.name ? ` (${c.name})` : '', count: c.rows, total: hasAmounts(preview) ? t('import.together', { total: formatCents(c.totalCents) }) : '' })}{' '}
                    <button type="button" onClick={() => void addCostCentre(c.code, c.name)} disabled={busy}>
                      {t('import.addCostCentre', { code: c.code })}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ExtraCounts extra={preview.extra} testId="import-extra" />
          <SkippedLines skipped={preview.skipped} testId="import-skipped" />
          {hasAmounts(preview) && <p>{t('import.total', { total: formatCents(preview.totalCents) })}</p>}
          {preview.rejected.length > 0 && (
            <details open>
              <summary>
                {t('import.rejectedTitle')} ({preview.rejectedCount})
              </summary>
              <table className="simple-table">
                <thead>
                  <tr>
                    <th scope="col">{t('import.line')}</th>
                    <th scope="col">{t('import.column')}</th>
                    <th scope="col">{t('import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rejected.slice(0, 200).map((r) => (
                    <tr key={`${r.line}-${r.column ?? ''}`}>
                      <td>{r.line}</td>
                      <td>{r.column ?? ''}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          <DataGrid<PreviewRow> label={`${t('import.preview')} (${preview.rows.length} / ${preview.totalRows})`} rowData={preview.rows} columnDefs={rowColumns} height={320} exportTitle={`${t('import.preview')}: ${preview.file}`} />
          <button type="button" className="primary" disabled={busy || preview.missingFields.length > 0 || preview.decimalMarkQuestion !== undefined || preview.imported + preview.updated === 0} onClick={() => void commit()}>
            {t('import.confirm', { count: preview.imported + preview.updated })}
          </button>
        </section>
      )}

      {result && (
        <section className="card" aria-labelledby="result-title">
          <h2 id="result-title">{t('import.done', { imported: result.imported, updated: result.updated, duplicates: result.duplicates, rejected: result.rejectedCount })}</h2>
          <p data-testid="import-result-counts">
            {t('import.counts', { imported: result.imported, updated: result.updated, duplicates: result.duplicates, outside: result.outsideDepartment, rejected: result.rejectedCount })}
          </p>
          <OutsideDepartment result={result} testId="import-result-outside" />
          <ExtraCounts extra={result.extra} testId="import-result-extra" />
          <SkippedLines skipped={result.skipped} testId="import-result-skipped" />
          {hasAmounts(result) && <p>{t('import.total', { total: formatCents(result.totalCents) })}</p>}
        </section>
      )}

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('import.history')}</h2>
        <table className="simple-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('import.kind')}</th>
              <th scope="col">{t('import.file')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('import.status')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data?.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.importedAt)}</td>
                <td>{kindLabel(h.kind)}</td>
                <td>{h.fileName}</td>
                <td>{h.actor}</td>
                <td>{describeImportResult(h.result, words)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
