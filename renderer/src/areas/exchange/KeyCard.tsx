import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../../shared/exchange/types.ts';
import { formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { saveOrDownload } from '../../components/files.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { FormError } from '../../components/forms.tsx';

/** The department's signing key: fingerprint to compare with HR and finance, the public key file, a new key. */
export function KeyCard({ readOnly, nativeDialogs }: { readOnly: boolean; nativeDialogs: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const info = useApi(() => api.exchange.keyInfo({}), []);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function saveKeyFile() {
    setError(null);
    try {
      const saved = await saveOrDownload({
        nativeDialogs,
        title: t('exchange.saveKeyFile'),
        defaultName: 'afdeling-sleutel.wbkey',
        filters: [{ name: 'Werkboek-sleutel', extensions: ['wbkey'] }],
        mime: 'application/json',
        make: (target) => api.exchange.publicKeyFile(target ? { path: target } : {}),
      });
      if (!saved) return;
      status.info(t('exchange.keySaved', { file: 'savedTo' in saved ? saved.savedTo : saved.downloaded }));
      info.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function createKey() {
    setError(null);
    try {
      await api.exchange.createKey({});
      info.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function rotate(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.exchange.rotateKey({ reason });
      setReason('');
      status.info(t('exchange.rotated'));
      info.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const key = info.data?.key;
  return (
    <section className="card" aria-labelledby="key-title">
      <h2 id="key-title">{t('exchange.keyTitle')}</h2>
      <p className="hint">{t('exchange.keyIntro')}</p>
      {key ? (
        <dl className="facts">
          <dt>{t('exchange.fingerprint')}</dt>
          <dd>
            <code data-testid="key-fingerprint">{formatFingerprint(key.fingerprint)}</code>
          </dd>
          <dt>{t('exchange.keyCreated')}</dt>
          <dd>{formatDate(key.createdAt.slice(0, 10))}</dd>
        </dl>
      ) : (
        info.data && <p>{t('exchange.noKey')}</p>
      )}
      {info.data && !info.data.usable && key && (
        <p role="alert" className="warning">
          {info.data.problem}
        </p>
      )}
      <div className="button-row">
        {!key && info.data && (
          <button type="button" onClick={() => void createKey()} disabled={readOnly}>
            {t('exchange.createKey')}
          </button>
        )}
        <button type="button" onClick={() => void saveKeyFile()} disabled={!key && readOnly}>
          {t('exchange.saveKeyFile')}
        </button>
      </div>
      {key && !readOnly && (
        <details>
          <summary>{t('exchange.rotate')}</summary>
          <p className="warning">{t('exchange.rotateWarning')}</p>
          <form onSubmit={rotate} className="inline-form">
            <label>
              {t('exchange.rotateReason')}
              <input required value={reason} onChange={(e) => setReason(e.target.value)} size={40} />
            </label>
            <button type="submit" disabled={!reason.trim()}>
              {t('exchange.rotateConfirm')}
            </button>
          </form>
        </details>
      )}
      <FormError message={error || info.error} />
    </section>
  );
}
