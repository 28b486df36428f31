import { useTranslation } from 'react-i18next';
import type { FigureGapCode } from '../../../../shared/domain/setup/types.ts';
import { gapRoute } from './links.ts';

/**
 * A figure that cannot be computed yet, said in words with what to do:
 * "nog niet te berekenen: salaristabel ontbreekt — Salaristabel importeren" (the last part a link).
 */
export function Gap({ code, testId, link = true }: { code: FigureGapCode; testId?: string; link?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="figure-gap" data-testid={testId} data-gap={code}>
      {t('gaps.notYet')}: {t(`gaps.reasons.${code}`)}
      {link && (
        <>
          {' — '}
          <a href={`#/${gapRoute(code)}`}>{t(`gaps.actions.${code}`)}</a>
        </>
      )}
    </span>
  );
}
