import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressEvent } from '../../../../shared/api/progress.ts';
import type { ImportBatchResult, ImportFileResult } from '../../../../shared/exchange/types.ts';
import { formatFingerprint } from '../../../../shared/exchange/types.ts';
import { formatDateTime, formatPeriod } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { chooseFilesToOpen, fileToBase64 } from '../../components/files.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import './consolidation.css';
import { FormError } from '../../components/forms.tsx';

/** What the backend reads: a dialog's token for a file or a folder (desktop app), or uploaded bytes (browser). */
type Source = { token: string } | { folder: { token: string } } | { name: string; contentBase64: string };

/** A source and the name the backend reports its files under (a folder's files start with the folder's path). */
interface Chosen {
  label: string;
  source: Source;
}

/** Reads dropped files and folders (recursively) through the browser's entry API. */
async function droppedFiles(event: DragEvent): Promise<File[]> {
  const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...event.dataTransfer.files];
  const files: File[] = [];
  async function walk(entry: FileSystemEntry, prefix: string): Promise<void> {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      files.push(new File([file], `${prefix}${file.name}`));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      let batch: FileSystemEntry[];
      do {
        batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      } while (batch.length > 0);
    }
  }
  for (const entry of entries) await walk(entry, '');
  return files;
}

/** HR or control imports many packages at once: files, a folder, or drag and drop; every package is verified first. */
export function CentralImportPage({ nativeDialogs, readOnly }: { nativeDialogs: boolean; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [result, setResult] = useState<ImportBatchResult | null>(null);
  const [sources, setSources] = useState<Chosen[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});
  const dialogRef = useRef<HTMLDialogElement>(null);
  const history = useApi(() => api.central.packages({ includeSuperseded: true }), [result]);

  const unknown = (result?.files ?? []).filter((f) => f.code === 'unknown-department' && f.department && f.keyFingerprint);
  const toTrust = [...new Map(unknown.map((f) => [`${f.department}|${f.keyFingerprint}`, f])).values()];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (toTrust.length > 0 && !dialog.open) dialog.showModal?.();
    if (toTrust.length === 0 && dialog.open) dialog.close();
  }, [toTrust.length]);

  async function run(list: Source[], trust: Array<{ department: string; fingerprint: string }> = []): Promise<ImportBatchResult | null> {
    if (list.length === 0) return null;
    setBusy(true);
    setError(null);
    try {
      const done = await api.central.import({ sources: list, trust }, { onProgress: setProgress });
      const c = done.counts;
      status.info(t('central.resultCounts', c));
      return done;
    } catch (e) {
      setError(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  async function start(list: Chosen[]) {
    setSources(list);
    setConfirmed({});
    const done = await run(list.map((c) => c.source));
    if (done) setResult(done);
  }

  /** The source a reported file came from: itself, or the folder it was found in. */
  function sourceOf(file: string): Source | undefined {
    return (sources.find((c) => c.label === file) ?? sources.find((c) => 'folder' in c.source && file.startsWith(c.label)))?.source;
  }

  async function fromBrowserFiles(files: File[]) {
    const packages = files.filter((f) => f.name.toLowerCase().endsWith('.wbx'));
    if (packages.length === 0) {
      setError(t('central.dropZone'));
      return;
    }
    const list: Chosen[] = [];
    for (const file of packages) {
      const name = file.webkitRelativePath || file.name;
      list.push({ label: name, source: { name, contentBase64: await fileToBase64(file) } });
    }
    await start(list);
  }

  async function chooseNative(folder: boolean) {
    if (folder) {
      const { folder } = await api.shell.openFolder({ title: t('central.chooseFolder') });
      if (folder) await start([{ label: folder.path, source: { folder: { token: folder.token } } }]);
    } else {
      const files = await chooseFilesToOpen(t('central.chooseFiles'), [{ name: 'Werkboek-pakket', extensions: ['wbx'] }], true);
      if (files.length > 0) await start(files.map((f) => ({ label: f.path, source: { token: f.token } })));
    }
  }

  async function trustAndImport() {
    const trust = toTrust.filter((f) => confirmed[f.department!]).map((f) => ({ department: f.department!, fingerprint: f.keyFingerprint! }));
    const again = [...new Set(unknown.filter((f) => trust.some((x) => x.department === f.department)).map((f) => sourceOf(f.file)))].filter((s): s is Source => !!s);
    dialogRef.current?.close();
    const done = await run(again, trust);
    if (!done || !result) return;
    const replaced = new Map(done.files.map((f) => [f.file, f]));
    const files = result.files.map((f) => replaced.get(f.file) ?? f);
    setResult({ files, counts: recount(files) });
  }

  function cancelTrust() {
    dialogRef.current?.close();
    setResult(result ? { ...result, files: result.files.map((f) => (f.code === 'unknown-department' ? { ...f, code: 'unknown-department' as const, keyFingerprint: null } : f)) } : result);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (busy || readOnly) return;
    void droppedFiles(event).then(fromBrowserFiles);
  }

  return (
    <div>
      <h1>{t('central.importTitle')}</h1>
      <p className="lead">{t('central.importIntro')}</p>
      <section className="card" aria-labelledby="choose-title">
        <h2 id="choose-title">{t('central.chooseFiles')}</h2>
        {nativeDialogs ? (
          <div className="button-row">
            <button type="button" disabled={busy || readOnly} onClick={() => void chooseNative(false)}>
              {t('central.chooseFiles')}
            </button>
            <button type="button" disabled={busy || readOnly} onClick={() => void chooseNative(true)}>
              {t('central.chooseFolder')}
            </button>
          </div>
        ) : (
          <div className="inline-form">
            <label>
              {t('central.chooseFiles')}
              <input type="file" multiple accept=".wbx" disabled={busy || readOnly} data-testid="package-files" onChange={(e) => void fromBrowserFiles([...(e.target.files ?? [])])} />
            </label>
            <label>
              {t('central.chooseFolder')}
              <input
                type="file"
                multiple
                disabled={busy || readOnly}
                data-testid="package-folder"
                ref={(el) => {
                  el?.setAttribute('webkitdirectory', '');
                }}
                onChange={(e) => void fromBrowserFiles([...(e.target.files ?? [])])}
              />
            </label>
          </div>
        )}
        <div
          className={`drop-zone${dragging ? ' active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          {t('central.dropZone')}
        </div>
      </section>
      <ProgressBar event={progress} label={t('central.progress')} />
      <FormError message={error} />
      {result && (
        <section className="card" aria-labelledby="result-title">
          <h2 id="result-title">{t('central.results')}</h2>
          <p data-testid="import-summary">{t('central.resultCounts', result.counts)}</p>
          <table className="simple-table" data-testid="import-results">
            <thead>
              <tr>
                <th scope="col">{t('exchange.file')}</th>
                <th scope="col">{t('central.department')}</th>
                <th scope="col">{t('exchange.period')}</th>
                <th scope="col">{t('exchange.sequence')}</th>
                <th scope="col">{t('central.outcome')}</th>
                <th scope="col">{t('central.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.files.map((f: ImportFileResult) => (
                <tr key={f.file}>
                  <td>{f.file}</td>
                  <td>{f.department ?? ''}</td>
                  <td>{f.period ? formatPeriod(f.period) : ''}</td>
                  <td className="num">{f.sequence ?? ''}</td>
                  <td className={`outcome-${f.outcome}`}>{t(`central.outcomes.${f.outcome}`)}</td>
                  <td>
                    {f.reason}
                    {f.detail && (
                      <details className="technical-detail">
                        <summary>{t('central.technicalDetail')}</summary>
                        <p>{f.detail}</p>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('central.history')}</h2>
        <table className="simple-table" data-testid="package-history">
          <thead>
            <tr>
              <th scope="col">{t('central.department')}</th>
              <th scope="col">{t('exchange.period')}</th>
              <th scope="col">{t('exchange.sequence')}</th>
              <th scope="col">{t('central.versionStatus')}</th>
              <th scope="col">{t('exchange.createdAt')}</th>
              <th scope="col">{t('central.importedAt')}</th>
              <th scope="col">{t('exchange.file')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data?.map((p) => (
              <tr key={p.id}>
                <td>{p.department}</td>
                <td>{formatPeriod(p.period)}</td>
                <td className="num">{p.sequence}</td>
                <td>{p.status === 'current' ? t('central.current') : t('central.statuses.superseded')}</td>
                <td>{formatDateTime(p.createdAt)}</td>
                <td>
                  {formatDateTime(p.importedAt)} ({p.importedBy})
                </td>
                <td>{p.fileName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <dialog ref={dialogRef} className="trust-dialog" aria-labelledby="trust-title" onCancel={cancelTrust}>
        <h2 id="trust-title">{t('central.trustTitle')}</h2>
        <p>{t('central.trustIntro')}</p>
        {toTrust.map((f) => (
          <p key={`${f.department}|${f.keyFingerprint}`}>
            <label>
              <input type="checkbox" checked={!!confirmed[f.department!]} onChange={(e) => setConfirmed({ ...confirmed, [f.department!]: e.target.checked })} />{' '}
              {t('central.trustCheck', { department: f.department, fingerprint: '' })}
              <code>{formatFingerprint(f.keyFingerprint!)}</code>
            </label>
          </p>
        ))}
        <div className="button-row">
          <button type="button" className="primary" disabled={busy || !toTrust.some((f) => confirmed[f.department!])} onClick={() => void trustAndImport()}>
            {t('central.trustConfirm')}
          </button>
          <button type="button" onClick={cancelTrust}>
            {t('central.trustCancel')}
          </button>
        </div>
      </dialog>
    </div>
  );
}

function recount(files: ImportFileResult[]): ImportBatchResult['counts'] {
  const counts = { imported: 0, duplicate: 0, superseding: 0, stale: 0, rejected: 0 };
  for (const f of files) counts[f.outcome] += 1;
  return counts;
}
