import { useTranslation } from 'react-i18next';
import type { Highlight } from '../../../../shared/domain/overview/types.ts';

/** A signal is always said in words and with a symbol, never by colour alone. */
export function HighlightList({ highlights, testId }: { highlights: Highlight[]; testId?: string }) {
  const { t } = useTranslation();
  if (highlights.length === 0) return null;
  return (
    <ul className="highlights" data-testid={testId}>
      {highlights.map((h, i) => (
        <li key={i} className={`highlight highlight-${h.level}`}>
          <span className="highlight-label">
            <span aria-hidden="true">⚠ </span>
            {t(`overview.${h.level}`)}:
          </span>{' '}
          {h.route ? <a href={`#/${h.route}`}>{h.text}</a> : h.text}
        </li>
      ))}
    </ul>
  );
}
