import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../shared/api/files.ts';
import { chooseSaveTarget } from '../../components/files.ts';

export interface WorkbookLocation {
  /** A file name in the local workbook folder (empty: a name from the department and year). */
  fileName: string;
  /** A place chosen in the desktop app's save dialog instead. */
  chosen: ChosenFile | null;
}

export const EMPTY_LOCATION: WorkbookLocation = { fileName: '', chosen: null };

/** What `workbook.create` gets for a location: a save dialog's token, or a name in the data folder. */
export function locationInput(location: WorkbookLocation): { path: { token: string } } | { fileName: string } | Record<string, never> {
  if (location.chosen) return { path: { token: location.chosen.token } };
  return location.fileName.trim() ? { fileName: location.fileName.trim() } : {};
}

/**
 * Where a new workbook goes: a name in the local workbook folder (both hosts), or, in the desktop app, a
 * place chosen in the save dialog. The renderer never types a path (see shared/api/files.ts).
 */
export function LocationField({ id, value, onChange, folder, nativeDialogs, defaultName }: { id: string; value: WorkbookLocation; onChange: (next: WorkbookLocation) => void; folder: string; nativeDialogs: boolean; defaultName: string }) {
  const { t } = useTranslation();
  async function chooseElsewhere() {
    const chosen = await chooseSaveTarget(t('start.createTitle'), value.fileName.trim() || defaultName, [{ name: 'Werkboek', extensions: ['werkboek'] }]);
    if (chosen) onChange({ ...value, chosen });
  }
  if (value.chosen) {
    return (
      <div className="field">
        <p>
          <strong>{t('start.chosenLocation')}</strong>
          <br />
          <code>{value.chosen.path}</code>
        </p>
        <div className="button-row">
          <button type="button" onClick={() => void chooseElsewhere()}>
            {t('start.chooseOther')}
          </button>
          <button type="button" onClick={() => onChange({ ...value, chosen: null })}>
            {t('start.backToLocal')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('start.location')}</label>
      <div className="input-with-button">
        <input id={id} value={value.fileName} onChange={(e) => onChange({ ...value, fileName: e.target.value })} aria-describedby={`${id}-hint`} />
        {nativeDialogs && (
          <button type="button" onClick={() => void chooseElsewhere()}>
            {t('start.saveElsewhere')}
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('start.locationHint', { folder })}
      </p>
    </div>
  );
}
