import { HIRE_KINDS, type ExternalHire, type HireKind } from '../../../shared/domain/staff/hires.ts';
import type { Workbook } from '../workbook/workbook.ts';
import { loadAssignments } from './service.ts';

/**
 * External hire as the staff area needs it (personnel cost forecast, hire beside occupation, report
 * keys): the assignments of the kinds ZZP, inhuurbureau and detachering that are not deleted or
 * cancelled (vervallen), on their main budget line, overlapping the span when one is given.
 */
export function loadHires(wb: Workbook, span?: { start: string; end: string }): ExternalHire[] {
  return loadAssignments(wb)
    .filter((a) => (HIRE_KINDS as readonly string[]).includes(a.kind) && a.status !== 'vervallen')
    .filter((a) => !span || (a.startDate <= span.end && a.endDate >= span.start))
    .map((a) => ({
      id: a.id,
      code: a.code,
      kind: a.kind as HireKind,
      contractor: a.contractor,
      personName: a.personName,
      assignment: a.title,
      agreedResult: a.agreedResult,
      commissioner: a.officialCommissioner,
      costCentre: a.budgetLines[0]?.costCentre ?? '',
      account: a.budgetLines[0]?.account ?? '',
      hourlyRateCents: a.hourlyRateCents,
      hoursPerWeek: a.hoursPerWeek,
      ceilingCents: a.ceilingCents,
      startDate: a.startDate,
      endDate: a.endDate,
      formationPositionId: a.formationPositionId,
      note: a.note,
    }));
}
