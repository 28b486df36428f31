import fs from 'node:fs';
import path from 'node:path';
import type { RecentWorkbook } from '../../../shared/domain/workbook/types.ts';

const MAX_RECENT = 12;

interface StoredRecent {
  path: string;
  title: string;
  openedAt: string;
}

/** The recent list lives in the user's app data, not in any workbook: it is about this laptop. */
export class RecentWorkbooks {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent.json');
  }

  private read(): StoredRecent[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((r) => typeof r?.path === 'string') : [];
    } catch {
      return [];
    }
  }

  private write(list: StoredRecent[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(list, null, 2));
    fs.renameSync(temp, this.file);
  }

  list(): RecentWorkbook[] {
    return this.read().map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  }

  remember(filePath: string, title: string): void {
    const absolute = path.resolve(filePath);
    const list = this.read().filter((r) => r.path !== absolute);
    list.unshift({ path: absolute, title, openedAt: new Date().toISOString() });
    this.write(list.slice(0, MAX_RECENT));
  }

  forget(filePath: string): void {
    this.write(this.read().filter((r) => r.path !== path.resolve(filePath)));
  }
}
