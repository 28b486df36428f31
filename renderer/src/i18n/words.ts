import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Words } from '../../../shared/i18n/translate.ts';

/** The shared formatters' Words (shared/i18n/translate.ts) from i18next, in the language the user chose. */
export function useWords(): Words {
  const { t, i18n } = useTranslation();
  return useMemo<Words>(() => ({ t: (key, params) => String(t(key, params as never)), has: (key) => i18n.exists(key) }), [t, i18n]);
}
