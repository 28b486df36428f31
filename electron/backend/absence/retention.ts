import type { PurgeResult } from '../../../shared/domain/absence/types.ts';
import { isoDate } from '../../../shared/import/values.ts';
import { getSettings } from '../workbook/settings.ts';
import type { Workbook } from '../workbook/workbook.ts';

/** The same day `months` months earlier (clamped to the month's last day: 31 May − 3 months = 28/29 February). */
export function monthsBefore(today: string, months: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const day = Number(today.slice(8, 10));
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return isoDate(targetYear, targetMonth, Math.min(day, lastDay));
}

/**
 * AVG: absence data is kept no longer than needed. Cases whose last sick day lies before the cutoff
 * (today minus the retention period) are destroyed with their episodes and Poortwachter steps, also
 * when they had been deleted softly; open cases never. The old values in the audit log of those rows
 * are blanked too, since they hold the same personal data; the purge itself is logged (counts and
 * cutoff only).
 */
export function purgeAbsence(wb: Workbook, options: { today: string; dryRun: boolean }): PurgeResult {
  wb.requireKind('department');
  const retentionMonths = getSettings(wb).absenceRetentionMonths;
  const cutoff = monthsBefore(options.today, retentionMonths);
  const caseIds = wb.all(wb.db.selectFrom('absence_case').select('id').where('last_day', 'is not', null).where('last_day', '<', cutoff)).map((r) => r.id);
  const idsIn = <T>(load: (chunk: number[]) => T[]) => {
    const result: T[] = [];
    for (let i = 0; i < caseIds.length; i += 500) result.push(...load(caseIds.slice(i, i + 500)));
    return result;
  };
  const episodeIds = idsIn((chunk) => wb.all(wb.db.selectFrom('absence_episode').select('id').where('case_id', 'in', chunk)).map((r) => r.id));
  const stepIds = idsIn((chunk) => wb.all(wb.db.selectFrom('poortwachter_step').select('id').where('case_id', 'in', chunk)).map((r) => r.id));
  const result: PurgeResult = { dryRun: options.dryRun, cutoff, retentionMonths, cases: caseIds.length, episodes: episodeIds.length, steps: stepIds.length };
  if (options.dryRun || caseIds.length === 0) return result;
  wb.requireWritable();
  wb.tx(() => {
    const blank = (table: string, ids: number[]) => {
      for (let i = 0; i < ids.length; i += 500) {
        wb.run(
          wb.db
            .updateTable('audit_log')
            .set({ old_json: null, new_json: null, note: 'Gegevens vernietigd na bewaartermijn' })
            .where('table_name', '=', table)
            .where('action', '!=', 'import')
            .where('row_id', 'in', ids.slice(i, i + 500).map(String)),
        );
      }
    };
    blank('absence_case', caseIds);
    blank('absence_episode', episodeIds);
    blank('poortwachter_step', stepIds);
    for (let i = 0; i < caseIds.length; i += 500) wb.run(wb.db.deleteFrom('absence_case').where('id', 'in', caseIds.slice(i, i + 500)));
    wb.audit({
      action: 'purge',
      table: 'absence_case',
      new: { cutoff, retentionMonths, cases: caseIds.length, episodes: episodeIds.length, steps: stepIds.length },
      note: `Verzuimgegevens vernietigd: ${caseIds.length} verzuimgevallen met een laatste ziektedag vóór ${cutoff} (bewaartermijn ${retentionMonths} maanden)`,
    });
  });
  return result;
}
