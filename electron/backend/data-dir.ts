import os from 'node:os';
import path from 'node:path';

/**
 * Where live workbooks and app state go by default: local app data, which cloud clients such as
 * OneDrive do not sync (a live SQLite file with its WAL in a synced folder gets corrupted).
 */
export function defaultDataDir(): string {
  if (process.env.WERKBOEK_DATA_DIR) return path.resolve(process.env.WERKBOEK_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Werkboek');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Werkboek');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'Werkboek');
}

export function defaultWorkbookFolder(dataDir: string): string {
  return path.join(dataDir, 'werkboeken');
}
