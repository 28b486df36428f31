import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, WorkbookInfo } from '../../../../shared/domain/workbook/types.ts';
import { formatDateTime } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { saveOrDownload } from '../../components/files.ts';
import { useStatus } from '../../components/Status.tsx';
import { useApi } from '../../components/useApi.ts';
import { useBusyAction } from '../../components/useBusyAction.ts';
import { FormError } from '../../components/forms.tsx';

function size(bytes: number): string {
  return `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** Backups (list, make, restore), the number kept, the year-end close and the archive export. */
export function BackupPage({ info, nativeDialogs }: { info: WorkbookInfo; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const list = useApi(() => api.workbook.backups({}), []);
  const closed = useApi(() => api.workbook.closedYears({}), []);
  const [keep, setKeep] = useState('');
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);
  const { busy, error, run } = useBusyAction();
  const [yearForm, setYearForm] = useState({ year: String(info.fiscalYear - 1), note: '' });
  const [reopen, setReopen] = useState<{ year: number; reason: string } | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const writable = !info.readOnly;

  useEffect(() => {
    if (list.data) setKeep(String(list.data.keep));
  }, [list.data]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const makeBackup = () =>
    run(async () => {
      const entry = await api.workbook.backup({});
      status.info(t('backups.made', { name: entry.name }));
      list.reload();
    });

  const restore = (entry: BackupEntry) =>
    run(async () => {
      const result = await api.workbook.restoreBackup({ name: entry.name });
      setConfirming(null);
      status.info(t('backups.restored', { when: formatDateTime(entry.createdAt), safety: result.safetyBackup.name }));
      list.reload();
      closed.reload();
    });

  const saveKeep = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const value = Number(keep);
      if (!Number.isInteger(value) || value < 1 || value > 100) throw new Error(`${t('backups.keep')}: 1 – 100`);
      await api.workbook.updateSettings({ backupsToKeep: value });
      status.info(t('app.saved'));
      list.reload();
    });
  };

  const closeYear = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const year = Number(yearForm.year);
      await api.workbook.closeYear({ year, note: yearForm.note.trim() || null });
      status.info(`${t('backups.close')}: ${year}`);
      closed.reload();
    });
  };

  const reopenYear = (event: FormEvent) => {
    event.preventDefault();
    if (!reopen) return;
    void run(async () => {
      await api.workbook.reopenYear({ year: reopen.year, reason: reopen.reason });
      status.info(t('backups.reopenOf', { year: reopen.year }));
      setReopen(null);
      closed.reload();
    });
  };

  const makeArchive = () =>
    run(async () => {
      const defaultName = `${info.departmentCode ?? 'werkboek'}-archief-${new Date().toISOString().slice(0, 10)}.zip`;
      const saved = await saveOrDownload({
        nativeDialogs,
        title: t('backups.archive'),
        defaultName,
        filters: [{ name: 'ZIP', extensions: ['zip'] }],
        mime: 'application/zip',
        make: async (target) => {
          const result = await api.workbook.exportArchive(target ? { path: target } : {});
          return { name: result.fileName, path: result.path, contentBase64: result.contentBase64 };
        },
      });
      if (saved) status.info(t('backups.archived', { name: 'savedTo' in saved ? saved.savedTo : saved.downloaded }));
    });

  return (
    <div>
      <h1>{t('backups.title')}</h1>
      <FormError message={error} />
      <section className="card" aria-labelledby="backups-title">
        <h2 id="backups-title">{t('nav.backups')}</h2>
        <p>{t('backups.intro')}</p>
        {list.data && (
          <p>
            {t('backups.folder')}: <code>{list.data.folder}</code>
          </p>
        )}
        {writable && (
          <button type="button" className="primary" onClick={() => void makeBackup()} disabled={busy}>
            {t('backups.makeNow')}
          </button>
        )}
        {confirming && (
          <div role="alertdialog" aria-modal="false" aria-labelledby="confirm-title" aria-describedby="confirm-text" className="warning confirm">
            <h3 id="confirm-title">{t('backups.confirmTitle')}</h3>
            <p id="confirm-text">{t('backups.confirmText', { when: formatDateTime(confirming.createdAt) })}</p>
            <button type="button" ref={confirmRef} className="primary" disabled={busy} onClick={() => void restore(confirming)}>
              {t('backups.confirm')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
              {t('backups.cancel')}
            </button>
          </div>
        )}
        {list.data && list.data.backups.length === 0 && <p>{t('backups.none')}</p>}
        {list.data && list.data.backups.length > 0 && (
          <table className="simple-table">
            <caption>{t('backups.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.when')}</th>
                <th scope="col">{t('backups.kind')}</th>
                <th scope="col">{t('backups.size')}</th>
                {writable && <th scope="col">{t('backups.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.data.backups.map((entry) => (
                <tr key={entry.name}>
                  <td title={entry.name}>{formatDateTime(entry.createdAt)}</td>
                  <td>{t(`backups.kinds.${entry.kind}`)}</td>
                  <td className="number">{size(entry.sizeBytes)}</td>
                  {writable && (
                    <td>
                      <button type="button" onClick={() => setConfirming(entry)} disabled={busy} aria-label={t('backups.restoreOf', { when: formatDateTime(entry.createdAt) })}>
                        {t('backups.restore')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {writable && (
          <form onSubmit={saveKeep} className="inline-form">
            <label>
              {t('backups.keep')}
              <input type="number" min={1} max={100} value={keep} onChange={(e) => setKeep(e.target.value)} size={4} aria-describedby="keep-hint" />
            </label>
            <button type="submit" disabled={busy}>
              {t('backups.saveKeep')}
            </button>
            <p id="keep-hint" className="hint">
              {t('backups.keepHint')}
            </p>
          </form>
        )}
      </section>

      {info.kind === 'department' && (
        <section className="card" aria-labelledby="year-title">
          <h2 id="year-title">{t('backups.yearTitle')}</h2>
          <p>{t('backups.yearIntro')}</p>
          <h3>{t('backups.closedYears')}</h3>
          {closed.data && closed.data.length === 0 && <p>{t('backups.noClosedYears')}</p>}
          <ul>
            {closed.data?.map((c) => (
              <li key={c.year}>
                <strong>{c.year}</strong> — {t('backups.closedOn', { when: formatDateTime(c.closedAt), who: c.closedBy })}
                {c.note ? ` (${c.note})` : ''}{' '}
                {writable && (
                  <button type="button" onClick={() => setReopen({ year: c.year, reason: '' })} aria-label={t('backups.reopenOf', { year: c.year })} disabled={busy}>
                    {t('backups.reopen')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {writable && reopen && (
            <form onSubmit={reopenYear} className="inline-form" aria-label={t('backups.reopenOf', { year: reopen.year })}>
              <label>
                {t('backups.reason')}
                <input required value={reopen.reason} onChange={(e) => setReopen({ ...reopen, reason: e.target.value })} size={40} />
              </label>
              <button type="submit" disabled={busy || !reopen.reason.trim()}>
                {t('backups.reopenOf', { year: reopen.year })}
              </button>
              <button type="button" onClick={() => setReopen(null)}>
                {t('backups.cancel')}
              </button>
            </form>
          )}
          {writable && (
            <form onSubmit={closeYear} className="inline-form">
              <label>
                {t('backups.year')}
                <input inputMode="numeric" required value={yearForm.year} onChange={(e) => setYearForm({ ...yearForm, year: e.target.value })} size={6} />
              </label>
              <label>
                {t('backups.note')}
                <input value={yearForm.note} onChange={(e) => setYearForm({ ...yearForm, note: e.target.value })} size={36} />
              </label>
              <button type="submit" disabled={busy}>
                {t('backups.close')}
              </button>
            </form>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="archive-title">
        <h2 id="archive-title">{t('backups.archiveTitle')}</h2>
        <p>{t('backups.archiveIntro')}</p>
        {writable && (
          <button type="button" onClick={() => void makeArchive()} disabled={busy}>
            {t('backups.archive')}
          </button>
        )}
      </section>
    </div>
  );
}
