import { useTranslation } from 'react-i18next';
import type { SetupStepKey } from '../../../../shared/domain/setup/types.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../components/useApi.ts';
import { STEP_ROUTES } from './links.ts';
import './setup.css';

/**
 * The checklist in short form, on a page whose figures depend on first steps not yet done:
 * "Nog niet gedaan: Formatieplaatsen vastleggen · Salaristabel importeren". Nothing when all are done.
 */
export function SetupHint({ steps, reloadKey }: { steps: SetupStepKey[]; reloadKey?: unknown }) {
  const { t } = useTranslation();
  const checklist = useApi(() => api.setup.checklist({}), [reloadKey]);
  const missing = (checklist.data?.steps ?? []).filter((s) => steps.includes(s.key) && s.state === 'notStarted');
  if (missing.length === 0) return null;
  return (
    <p className="setup-hint warning" data-testid="setup-hint">
      <span aria-hidden="true">○ </span>
      <strong>{t('setup.missing')}:</strong>{' '}
      {missing.map((s, i) => (
        <span key={s.key}>
          {i > 0 && ' · '}
          <a href={`#/${STEP_ROUTES[s.key]}`}>{t(`setup.actions.${s.key}`)}</a>
        </span>
      ))}
    </p>
  );
}
