import Database from 'better-sqlite3';
import { migrations } from '../../electron/backend/db/migrations/index.ts';
import { APPLICATION_ID } from '../../electron/backend/workbook/backup.ts';

/**
 * A department workbook ("OR", cost centres OR01–OR03) as an older version of Werkboek left it: only
 * the migrations up to `version`, frozen SQL as they shipped. Returns the open database for more data.
 */
export function oldSchemaWorkbook(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.transaction(() => {
    for (const migration of migrations.filter((m) => m.version <= version)) db.exec(migration.sql);
    db.pragma(`user_version = ${version}`);
    db.prepare(
      `INSERT INTO workbook_meta (id, workbook_id, kind, organisation, department_code, department_name, fiscal_year, owner, created_at, created_by_app, updated_at)
       VALUES (1, 'oud-1', 'department', 'Gemeente Oud', 'OR', 'Openbare Ruimte', 2026, 'Eigenaar', '2026-01-01T00:00:00Z', '0.0.1', '2026-01-01T00:00:00Z')`,
    ).run();
    const cc = db.prepare(`INSERT INTO cost_centre (code, name, taakveld, active, created_at, updated_at) VALUES (?, '', '5.7', 1, '2026-01-01', '2026-01-01')`);
    for (const code of ['OR01', 'OR02', 'OR03']) cc.run(code);
  })();
  return db;
}
