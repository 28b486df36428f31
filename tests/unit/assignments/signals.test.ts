import { describe, expect, it } from 'vitest';
import { parseKind, parseStatus } from '../../../shared/domain/assignments/rules.ts';
import { groupSharedLinks } from '../../../shared/domain/assignments/shared-links.ts';
import { assignmentSignals, isMomentOverdue, type SignalInput } from '../../../shared/domain/assignments/signals.ts';

const running: SignalInput = { kind: 'project', status: 'lopend', startDate: '2027-01-01', endDate: '2027-06-30', agreedResult: 'Ontwerp vastgesteld', formationPositionId: null };
const withinCeiling = { ceilingCents: 300_000, usedCents: 300_000, ambiguousLines: 0 };

describe('signals of an assignment', () => {
  it('says nothing of an assignment within its ceiling, its period and its moments', () => {
    expect(assignmentSignals(running, withinCeiling, [{ dueDate: '2027-03-01', decidedOn: '2027-03-01' }], '2027-04-01', 12)).toEqual([]);
  });

  it('flags one cent over the ceiling, whatever the status', () => {
    expect(assignmentSignals(running, { ...withinCeiling, usedCents: 300_001 }, [], '2027-04-01', 12)).toEqual(['overCeiling']);
    expect(assignmentSignals({ ...running, status: 'afgerond' }, { ...withinCeiling, usedCents: 300_001 }, [], '2027-04-01', 12)).toEqual(['overCeiling']);
  });

  it('flags an open assignment past its end date, from the day after it', () => {
    expect(assignmentSignals(running, withinCeiling, [], '2027-06-30', 12)).toEqual([]);
    expect(assignmentSignals(running, withinCeiling, [], '2027-07-01', 12)).toEqual(['pastEnd']);
    expect(assignmentSignals({ ...running, status: 'afgerond' }, withinCeiling, [], '2027-07-01', 12)).toEqual([]);
  });

  it('flags a moment past its due date without an outcome, but not on the due date itself nor for a cancelled assignment', () => {
    const moment = { dueDate: '2027-03-01', decidedOn: null };
    expect(isMomentOverdue(moment, '2027-03-01')).toBe(false);
    expect(isMomentOverdue(moment, '2027-03-02')).toBe(true);
    // Decided later than the day asked: on that day it was still overdue.
    expect(isMomentOverdue({ dueDate: '2027-03-01', decidedOn: '2027-03-20' }, '2027-03-10')).toBe(true);
    expect(isMomentOverdue({ dueDate: '2027-03-01', decidedOn: '2027-03-20' }, '2027-03-20')).toBe(false);
    expect(assignmentSignals(running, withinCeiling, [moment], '2027-03-02', 12)).toEqual(['momentOverdue']);
    expect(assignmentSignals({ ...running, status: 'afgerond' }, withinCeiling, [moment], '2027-03-02', 12)).toEqual(['momentOverdue']);
    expect(assignmentSignals({ ...running, status: 'vervallen' }, withinCeiling, [moment], '2027-03-02', 12)).toEqual([]);
  });

  it('flags the Wet DBA risks of a running ZZP assignment only', () => {
    const zzp: SignalInput = { ...running, kind: 'zzp', startDate: '2027-01-01', endDate: '2027-12-31' };
    expect(assignmentSignals(zzp, withinCeiling, [], '2027-04-01', 12)).toEqual(['dbaLong']);
    expect(assignmentSignals({ ...zzp, endDate: '2027-12-30' }, withinCeiling, [], '2027-04-01', 12)).toEqual([]);
    expect(assignmentSignals({ ...zzp, endDate: '2027-12-30', agreedResult: '' }, withinCeiling, [], '2027-04-01', 12)).toEqual(['dbaNoResult']);
    expect(assignmentSignals({ ...zzp, endDate: '2027-06-30' }, withinCeiling, [], '2027-04-01', 6)).toEqual(['dbaLong']);
    expect(assignmentSignals({ ...zzp, formationPositionId: 3, endDate: '2027-06-30' }, withinCeiling, [], '2027-04-01', 12)).toEqual(['dbaFillsPosition']);
    // Agency staff and a finished ZZP assignment are not flagged.
    expect(assignmentSignals({ ...zzp, kind: 'inhuurbureau', agreedResult: '' }, withinCeiling, [], '2027-04-01', 12)).toEqual([]);
    expect(assignmentSignals({ ...zzp, status: 'afgerond', agreedResult: '' }, withinCeiling, [], '2027-04-01', 12)).toEqual([]);
  });

  it('flags ledger lines that count nowhere because they fit two assignments', () => {
    expect(assignmentSignals(running, { ...withinCeiling, ambiguousLines: 2 }, [], '2027-04-01', 12)).toEqual(['ambiguousLedger']);
  });
});

describe('kinds and statuses as Excel lists write them', () => {
  it('reads the kinds of the sample and common variants, and nothing else', () => {
    expect(['ZZP', 'Inhuurbureau', 'Detachering', 'Adviesbureau', 'Project', 'Programma', 'Gemeenschappelijke regeling', 'Agentschap', 'Overig'].map(parseKind)).toEqual([
      'zzp',
      'inhuurbureau',
      'detachering',
      'adviesbureau',
      'project',
      'programma',
      'gemeenschappelijke_regeling',
      'agentschap',
      'overig',
    ]);
    expect(parseKind("ZZP'er")).toBe('zzp');
    expect(parseKind('GR')).toBe('gemeenschappelijke_regeling');
    expect(parseKind('uitzendbureau')).toBe('inhuurbureau');
    expect(parseKind('Subsidie')).toBeNull();
  });

  it('reads the statuses and refuses unknown ones', () => {
    expect(['In voorbereiding', 'Lopend', 'Afgerond', 'Vervallen', 'lopend', 'IN_VOORBEREIDING'].map(parseStatus)).toEqual(['in_voorbereiding', 'lopend', 'afgerond', 'vervallen', 'lopend', 'in_voorbereiding']);
    expect(parseStatus('Geparkeerd')).toBeNull();
  });
});

describe('links across departments, centrally', () => {
  it('surfaces a department named by three others once, with every item that names it', () => {
    const item = (id: string, departments: Array<{ code: string; relation: 'hangt_af_van' | 'raakt' }>) => ({ source: 'bottleneck' as const, id, title: `Knelpunt ${id}`, type: 'ICT', status: 'Open', departments });
    const groups = groupSharedLinks(
      [
        { department: 'OR', name: 'Openbare Ruimte', period: '2027-Q1', items: [item('KNP-2027-0001', [{ code: 'ICT', relation: 'hangt_af_van' }, { code: 'BZ', relation: 'raakt' }])] },
        { department: 'BZ', name: 'Burgerzaken', period: '2027-Q1', items: [item('KNP-2027-0004', [{ code: 'ICT', relation: 'hangt_af_van' }])] },
        { department: 'SO', name: 'Sociaal Domein', period: '2027-Q1', items: [item('KNP-2027-0002', [{ code: 'ICT', relation: 'hangt_af_van' }, { code: 'SO', relation: 'raakt' }])] },
      ],
      new Map([['ICT', 'Informatievoorziening']]),
    );
    expect(groups.map((g) => [g.department, g.name, g.namedBy, g.items.map((i) => `${i.fromDepartment}:${i.id}`)])).toEqual([
      ['ICT', 'Informatievoorziening', ['BZ', 'OR', 'SO'], ['BZ:KNP-2027-0004', 'OR:KNP-2027-0001', 'SO:KNP-2027-0002']],
      ['BZ', null, ['OR'], ['OR:KNP-2027-0001']],
    ]);
    // A department naming itself is ignored; the item keeps the others it names.
    expect(groups[0].items.find((i) => i.fromDepartment === 'SO')!.names).toEqual(['ICT']);
    expect(groups[0].items.find((i) => i.fromDepartment === 'OR')!.names).toEqual(['ICT', 'BZ']);
  });
});
