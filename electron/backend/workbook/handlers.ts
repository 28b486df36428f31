import { auditSubjects } from './audit-subjects.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { workbookApi } from '../../../shared/api/workbook.ts';
import { localToday } from '../../../shared/domain/absence/days.ts';
import type { Handlers } from '../router.ts';
import type { Session } from '../session.ts';
import path from 'node:path';
import { archiveAsBase64, writeArchive } from './archive.ts';
import { exportTable } from './table-export.ts';
import { closeYear, listClosedYears, reopenYear } from './year-close.ts';
import { openYear, workbookYears } from './year-turn.ts';
import { backupFolderFor, createBackup, listBackups, resolveBackupSource, rotateBackups } from './backup.ts';
import { backupsToKeep } from './file.ts';
import { getSettings, updateSettings } from './settings.ts';
import { nowIso } from './workbook.ts';

/** The file a workbook reference names: a path (CLI) or dialog choice, a recent workbook, or one in the data folder. */
function workbookPathOf(ref: { path: string } | { recent: string } | { name: string }, session: Session): string {
  return 'path' in ref ? ref.path : 'recent' in ref ? session.recentPath(ref.recent) : session.dataFolderPath(ref.name);
}

export const workbookHandlers: Handlers<typeof workbookApi> = {
  'workbook.create': (input, { session }) => {
    const name = input.kind === 'department' ? `${input.departmentCode}-${input.departmentName ?? ''}-${input.fiscalYear}` : `${input.kind}-${input.organisation}-${input.fiscalYear}`;
    const filePath = input.path ?? (input.fileName ? session.dataFolderPath(input.fileName) : session.defaultPathFor(name));
    return session.create(filePath, {
      kind: input.kind,
      organisation: input.organisation,
      departmentCode: input.departmentCode ?? null,
      departmentName: input.departmentName ?? null,
      fiscalYear: input.fiscalYear,
      owner: input.owner,
      costCentres: input.costCentres.map((cc) => ({ code: cc.code, name: cc.name, taakveld: cc.taakveld })),
    });
  },
  'workbook.open': (input, { session }) => session.open(workbookPathOf(input, session), input.readOnly, input.takeOver),
  'workbook.saveCopy': (input, ctx) => {
    ctx.progress?.report('Kopie maken', null, null);
    return ctx.session.saveCopy(workbookPathOf(input.from, ctx.session), input.path ?? null);
  },
  'workbook.available': (_input, { session }) => session.availableWorkbooks(),
  'workbook.close': (_input, { session }) => {
    session.close();
    return null;
  },
  'workbook.info': (_input, { session }) => session.info(),
  'workbook.recent': (_input, { session }) => session.recent.list(),
  'workbook.forgetRecent': (input, { session }) => {
    session.recent.forget(input.path);
    return session.recent.list();
  },
  'workbook.defaultFolder': (_input, { session }) => ({ folder: session.defaultFolder() }),
  'workbook.costCentres': (_input, ctx) => {
    const wb = ctx.wb();
    return wb.all(wb.db.selectFrom('cost_centre').select(['code', 'name', 'taakveld']).where('active', '=', 1).orderBy('code'));
  },
  'workbook.saveCostCentre': (input, ctx) => {
    const wb = ctx.wb();
    wb.requireKind('department');
    const existing = wb.first(wb.db.selectFrom('cost_centre').selectAll().where('code', '=', input.code));
    const now = nowIso();
    wb.tx(() => {
      if (existing) {
        wb.run(wb.db.updateTable('cost_centre').set({ name: input.name, taakveld: input.taakveld, active: 1, updated_at: now }).where('code', '=', input.code));
        wb.audit({ action: 'update', table: 'cost_centre', rowId: input.code, old: { name: existing.name, taakveld: existing.taakveld, active: existing.active }, new: { name: input.name, taakveld: input.taakveld, active: 1 } });
      } else {
        if (!wb.meta.department_code || !input.code.startsWith(wb.meta.department_code)) {
          throw new ApiError('invalid_input', `Kostenplaats ${input.code} begint niet met de afdelingscode ${wb.meta.department_code}.`);
        }
        const values = { code: input.code, name: input.name, taakveld: input.taakveld, active: 1, created_at: now, updated_at: now };
        wb.run(wb.db.insertInto('cost_centre').values(values));
        wb.audit({ action: 'insert', table: 'cost_centre', rowId: input.code, new: values });
      }
    });
    return wb.all(wb.db.selectFrom('cost_centre').select(['code', 'name', 'taakveld']).where('active', '=', 1).orderBy('code'));
  },
  'workbook.settings': (_input, ctx) => getSettings(ctx.wb()),
  'workbook.updateSettings': (input, ctx) => updateSettings(ctx.wb(), input),
  'workbook.backups': (_input, ctx) => {
    const wb = ctx.wb();
    return { folder: backupFolderFor(wb.path), keep: getSettings(wb).backupsToKeep, backups: listBackups(wb.path) };
  },
  'workbook.backup': (_input, ctx) => {
    const wb = ctx.wb();
    const entry = createBackup(wb.sqlite, wb.path, 'handmatig');
    rotateBackups(wb.path, backupsToKeep(wb.sqlite));
    return entry;
  },
  'workbook.restoreBackup': async (input, ctx) => {
    const wb = ctx.wb();
    const source = resolveBackupSource(wb.path, input);
    const restored = await ctx.session.restore(source);
    return { info: ctx.session.info()!, restoredFrom: restored.restoredFrom, safetyBackup: restored.safetyBackup };
  },
  'workbook.closedYears': (_input, ctx) => listClosedYears(ctx.wb()),
  'workbook.closeYear': (input, ctx) => closeYear(ctx.wb(), input.year, input.note),
  'workbook.reopenYear': (input, ctx) => reopenYear(ctx.wb(), input.year, input.reason),
  'workbook.years': (_input, ctx) => workbookYears(ctx.wb()),
  'workbook.previewYear': (input, ctx) => openYear(ctx.wb(), { ...input, dryRun: true }),
  'workbook.openYear': (input, ctx) => openYear(ctx.wb(), { ...input, dryRun: false }),
  'workbook.exportArchive': (input, ctx) => {
    const wb = ctx.wb();
    ctx.progress?.report('Archief maken', null, null);
    const result = input.path ? writeArchive(wb, path.resolve(input.path)) : archiveAsBase64(wb);
    // Exports are audited: an archive holds personal data, so who made one, when and where is on record.
    wb.tx(() => wb.audit({ action: 'export', table: 'workbook_meta', rowId: 1, new: { archive: result.fileName, path: result.path, sizeBytes: result.sizeBytes }, note: 'Archiefexport (alle tabellen en het logboek)' }));
    ctx.progress?.report('Klaar', 1, 1, undefined, true);
    return result;
  },
  'workbook.setLanguage': (input, ctx) => {
    ctx.session.language = input.language;
    return null;
  },
  'workbook.audit': (input, ctx) => {
    const wb = ctx.wb();
    let query = wb.db.selectFrom('audit_log');
    if (input.table) query = query.where('table_name', '=', input.table);
    const total = Number(wb.first(query.select((eb) => eb.fn.countAll<number>().as('n')))!.n);
    const entries = wb.all(
      query
        .select(['id', 'at', 'actor', 'action', 'table_name as tableName', 'row_id as rowId', 'old_json as oldJson', 'new_json as newJson', 'note'])
        .orderBy('id', 'desc')
        .limit(input.limit)
        .offset(input.offset),
    );
    const subjects = auditSubjects(wb.sqlite, entries);
    return { entries: entries.map((e) => ({ ...e, subject: subjects.get(`${e.tableName}|${e.rowId}`) ?? null })), total };
  },
  'workbook.exportTable': (input, ctx) => exportTable(ctx.wb(), input, localToday()),
};
