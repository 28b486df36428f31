import { useTranslation } from 'react-i18next';
import type { GridEditing } from './useGridEditing.ts';

export function UndoButtons<T>({ editing }: { editing: GridEditing<T & { id: number }> }) {
  const { t } = useTranslation();
  return (
    <span className="button-row">
      <button type="button" onClick={() => void editing.undo()} disabled={!editing.canUndo} aria-keyshortcuts="Control+Z">
        ↶ {t('app.undo')}
      </button>
      <button type="button" onClick={() => void editing.redo()} disabled={!editing.canRedo} aria-keyshortcuts="Control+Y">
        ↷ {t('app.redo')}
      </button>
    </span>
  );
}
