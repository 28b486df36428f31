import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupChecklist as Checklist, SetupStep } from '../../../../shared/domain/setup/types.ts';
import { formatCents, formatDate } from '../../../../shared/format/nl.ts';
import { api } from '../../api/client.ts';
import { useStatus } from '../../components/Status.tsx';
import { errorMessage, useApi } from '../../components/useApi.ts';
import { ATTENTION_ROUTES, STEP_ROUTES } from './links.ts';
import './setup.css';

const SYMBOLS: Record<SetupStep['state'], string> = { notStarted: '○', done: '✓', attention: '⚠' };

/** One step: its state in words and a symbol (never colour alone), what was done, what needs attention, and the link to do it. */
function StepItem({ step, number, isNext }: { step: SetupStep; number: number; isNext: boolean }) {
  const { t } = useTranslation();
  const name = t(`setup.steps.${step.key}`);
  return (
    <li className={`setup-step setup-step-${step.state}${isNext ? ' setup-step-next' : ''}`} data-testid={`setup-step-${step.key}`} data-state={step.state}>
      <span className="setup-step-symbol" aria-hidden="true">
        {SYMBOLS[step.state]}
      </span>
      <div className="setup-step-body">
        <div className="setup-step-title">
          <strong>{t('setup.stepLabel', { number, name })}</strong> <span className="setup-step-state">{t(`setup.states.${step.state}`)}</span>
          {isNext && <span className="setup-next-tag">{t('setup.next')}</span>}
        </div>
        {step.state === 'notStarted' ? (
          <p className="setup-step-line">
            <a href={`#/${STEP_ROUTES[step.key]}`} className={isNext ? 'button-link primary' : undefined}>
              {t(`setup.actions.${step.key}`)}
            </a>{' '}
            <span className="muted">({t(`setup.how.${step.key}`)})</span>
          </p>
        ) : (
          <p className="setup-step-line">
            {t(`setup.counts.${step.key}`, { count: step.count })}
            {step.lastChange && <span className="muted"> · {t('setup.lastChange', { date: formatDate(step.lastChange.slice(0, 10)) })}</span>}
            {' · '}
            <a href={`#/${STEP_ROUTES[step.key]}`}>{t(`setup.actions.${step.key}`)}</a>
          </p>
        )}
        {step.attention && (
          <p className="setup-step-line setup-attention">
            {t(`setup.attention.${step.attention}`, { count: step.attentionCount, amount: formatCents(step.attentionCents, { whole: true }) })}
            {' — '}
            <a href={`#/${ATTENTION_ROUTES[step.attention]}`}>{t(`setup.attentionActions.${step.attention}`)}</a>
          </p>
        )}
      </div>
    </li>
  );
}

/**
 * The first steps of a new workbook, on the overview until every step is done or the head closes it:
 * each step's state (not started / done with counts and date / needs attention), the one next step,
 * and the link that does it.
 */
export function SetupChecklist({ checklist, onChange, readOnly }: { checklist: Checklist; onChange(next: Checklist): void; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  async function dismiss() {
    try {
      onChange(await api.setup.dismiss({ dismissed: true }));
    } catch (e) {
      status.error(errorMessage(e));
    }
  }
  return (
    <section className="card setup-checklist" aria-labelledby="setup-title" data-testid="setup-checklist">
      <div className="setup-header">
        <h2 id="setup-title">{t('setup.title')}</h2>
        {!readOnly && (
          <button type="button" className="no-print" onClick={() => void dismiss()}>
            {t('setup.dismiss')}
          </button>
        )}
      </div>
      <p className="hint">{t('setup.intro')}</p>
      {checklist.next === null && <p data-testid="setup-all-done">✓ {t('setup.allDone')}</p>}
      <ol className="setup-steps">
        {checklist.steps.map((step, i) => (
          <StepItem key={step.key} step={step} number={i + 1} isNext={step.key === checklist.next} />
        ))}
      </ol>
    </section>
  );
}

/**
 * The overview's place for the checklist: shown while a step is not done or needs attention, unless
 * the head closed it; then one button brings it back.
 */
export function SetupPanel({ asOf, readOnly }: { asOf: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const status = useStatus();
  const loaded = useApi(() => api.setup.checklist({ asOf }), [asOf]);
  const [checklist, setChecklist] = useState<Checklist | undefined>();
  useEffect(() => setChecklist(loaded.data), [loaded.data]);
  if (!checklist || checklist.next === null) return null;
  if (checklist.dismissed) {
    if (readOnly) return null;
    return (
      <p className="no-print">
        <button
          type="button"
          data-testid="setup-show"
          onClick={() =>
            void api.setup
              .dismiss({ dismissed: false })
              .then(setChecklist)
              .catch((e: unknown) => status.error(errorMessage(e)))
          }
        >
          {t('setup.show')}
        </button>
      </p>
    );
  }
  return <SetupChecklist checklist={checklist} onChange={setChecklist} readOnly={readOnly} />;
}
