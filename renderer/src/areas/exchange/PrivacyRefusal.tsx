import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrivacyFinding } from '../../../../shared/exchange/types.ts';
import { api } from '../../api/client.ts';
import { FormError } from '../../components/forms.tsx';
import { errorMessage } from '../../components/useApi.ts';

/** The findings of a refused finance package, when the refusal carries them. */
export function privacyFindingsOf(error: unknown): PrivacyFinding[] | null {
  const details = (error as { details?: { findings?: unknown } } | null)?.details;
  const findings = details?.findings;
  return Array.isArray(findings) && findings.length > 0 && typeof (findings[0] as PrivacyFinding).text === 'string' ? (findings as PrivacyFinding[]) : null;
}

const INVISIBLE = /[\p{Cf}\u115f\u1160\u3164\uffa0\u2800]/u;

/** Text as the user wrote it, with characters she cannot see made visible. */
function visible(text: string, label: string): ReactNode[] {
  const out: ReactNode[] = [];
  let plain = '';
  let n = 0;
  for (const char of text) {
    if (INVISIBLE.test(char)) {
      if (plain) out.push(plain);
      plain = '';
      out.push(
        <span key={`i${n++}`} className="invisible-char" title={label}>
          {`⟨${label}⟩`}
        </span>,
      );
    } else plain += char;
  }
  if (plain) out.push(plain);
  return out;
}

/** The user's own text with every found part marked. */
function MarkedText({ finding }: { finding: PrivacyFinding }) {
  const { t } = useTranslation();
  const label = t('exchange.privacy.invisible');
  const parts: ReactNode[] = [];
  let at = 0;
  finding.matches.forEach((m, i) => {
    if (m.start > at) parts.push(<span key={`t${i}`}>{visible(finding.text.slice(at, m.start), label)}</span>);
    parts.push(<mark key={`m${i}`}>{visible(finding.text.slice(m.start, m.end), label)}</mark>);
    at = m.end;
  });
  if (at < finding.text.length) parts.push(<span key="rest">{visible(finding.text.slice(at), label)}</span>);
  return <blockquote className="privacy-text">{parts}</blockquote>;
}

const SAVE: Record<NonNullable<PrivacyFinding['edit']>['target'], (id: number, field: string, value: string) => Promise<unknown>> = {
  'budget-line': (id, field, value) => api.budget.updateLine({ id, patch: { [field]: value } }),
  bottleneck: (id, field, value) => api.bottlenecks.update({ id, patch: { [field]: value } }),
  assignment: (id, field, value) => api.assignments.update({ id, patch: { [field]: value } }),
};

const PAGE_OF: Record<string, string> = { costCentres: '#/settings' };

/** One text that names a person: where it is, what was found and why, and a box to rewrite it. */
function FindingItem({ finding, readOnly }: { finding: PrivacyFinding; readOnly: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(finding.text);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edit = finding.edit;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!edit) return;
    setError(null);
    try {
      await SAVE[edit.target](edit.id, edit.field, value);
      setSaved(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const section = /^(\w+)\[/.exec(finding.path)?.[1] ?? '';
  return (
    <li className="privacy-finding">
      <h3>
        {finding.field} <span className="muted">· {finding.line}</span>
      </h3>
      <MarkedText finding={finding} />
      <ul className="privacy-reasons">
        {finding.matches.map((m) => (
          <li key={`${m.start}-${m.end}`}>
            <mark>{visible(m.found, t('exchange.privacy.invisible'))}</mark>: {m.reason}.
          </li>
        ))}
      </ul>
      {edit && !readOnly ? (
        <form onSubmit={save} className="privacy-rewrite">
          <label htmlFor={id}>{t('exchange.privacy.rewriteLabel', { field: finding.field })}</label>
          <textarea
            id={id}
            value={value}
            rows={2}
            onChange={(e) => {
              setValue(e.target.value);
              setSaved(false);
            }}
          />
          <div className="button-row">
            <button type="submit" disabled={value === finding.text && !saved}>
              {t('exchange.privacy.save')}
            </button>
            {saved && (
              <span role="status" className="muted">
                {t('exchange.privacy.saved')}
              </span>
            )}
          </div>
          <FormError message={error} />
        </form>
      ) : (
        <p className="hint">{PAGE_OF[section] ? <a href={PAGE_OF[section]}>{t('exchange.privacy.editElsewhere')}</a> : t('exchange.privacy.editElsewhere')}</p>
      )}
    </li>
  );
}

/** A refused finance package: which texts name a person and why, each to rewrite here; the package is made only when none is left. */
export function PrivacyRefusal({ findings, readOnly, onRetry, busy }: { findings: PrivacyFinding[]; readOnly: boolean; onRetry(): void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="privacy-refusal" aria-labelledby="privacy-refusal-title" data-testid="privacy-refusal">
      <h2 id="privacy-refusal-title">{t('exchange.privacy.title')}</h2>
      <p role="alert">{t('exchange.privacy.summary', { count: findings.length })}</p>
      <p>{t('exchange.privacy.intro')}</p>
      <ol className="privacy-findings">
        {findings.map((f) => (
          <FindingItem key={f.path} finding={f} readOnly={readOnly} />
        ))}
      </ol>
      <button type="button" className="primary" onClick={onRetry} disabled={busy || readOnly}>
        {t('exchange.privacy.retry')}
      </button>
    </section>
  );
}
