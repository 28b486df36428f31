import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import type { WerkboekClient } from '../../shared/api/index.ts';
import { migrations } from '../../electron/backend/db/migrations/index.ts';
import { createLocalClient } from '../../electron/backend/local-client.ts';
import { APPLICATION_ID } from '../../electron/backend/workbook/file.ts';
import { tempDir, writeTemp, sessionsClosedAfterEach, readStored } from '../helpers/workbook.ts';

const { sessions, workbook } = sessionsClosedAfterEach();

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

function rows(file: string, sql: string): unknown[] {
  return readStored(file, (db) => db.prepare(sql).all());
}

/** A small ledger export with the Relatie column, as finance systems give it. */
async function importLedger(client: WerkboekClient, dir: string, lines: string[]) {
  const file = writeTemp(dir, `grootboek-${Math.random().toString(36).slice(2)}.csv`, ['Boekdatum;Kostenplaats;Grootboekrekening;Omschrijving;Bedrag;Relatie', ...lines].join('\r\n'));
  return client.import.commit({ kind: 'ledger', source: { path: file }, strict: true });
}

const zzpInput = {
  kind: 'zzp' as const,
  title: 'Inspectieplan bruggen',
  contractor: 'J. de Jong',
  counterparty: "ZZP'er J. de Jong",
  agreedResult: 'Inspectieplan bruggen opgeleverd en vastgesteld',
  officialCommissioner: 'Afdelingshoofd Openbare Ruimte',
  ceilingCents: 300_000,
  startDate: '2027-01-01',
  endDate: '2027-06-30',
  status: 'lopend' as const,
  budgetLines: [{ costCentre: 'OR01', account: '4200' }],
};

describe('the assignments register', () => {
  it('registers an assignment with a code of its own, a log entry and an audit row', async () => {
    const { client, file } = await workbook();
    const created = await client.assignments.create({ ...zzpInput, standardMoments: true });
    expect(created).toMatchObject({ code: 'OPD-2027-001', kind: 'zzp', status: 'lopend', ceilingCents: 300_000, actualsCents: 0, usedPercent: 0, budgetLines: [{ costCentre: 'OR01', account: '4200' }] });
    expect(created.log.map((l) => l.text)).toEqual(['Opdracht vastgelegd.']);
    // Start, interim report halfway (1 January + 90 of 180 days), acceptance on the end date, discharge a month later.
    expect(created.moments.map((m) => [m.kind, m.dueDate])).toEqual([
      ['start', '2027-01-01'],
      ['tussenrapportage', '2027-04-01'],
      ['acceptatie', '2027-06-30'],
      ['decharge', '2027-07-30'],
    ]);
    const second = await client.assignments.create({ ...zzpInput, kind: 'project', title: 'Herinrichting Marktplein', contractor: 'Projectteam', counterparty: '', agreedResult: '' });
    expect(second.code).toBe('OPD-2027-002');
    expect((await client.assignments.get({ id: second.id, asOf: '2027-03-01' })).signals).toEqual([]);

    const updated = await client.assignments.update({ id: created.id, patch: { status: 'afgerond', ceilingCents: 350_000 } });
    expect(updated).toMatchObject({ status: 'afgerond', ceilingCents: 350_000 });
    const detail = await client.assignments.get({ id: created.id });
    expect(detail.log.map((l) => l.text)).toEqual(['Opdracht vastgelegd.', 'Status Lopend → Afgerond. Plafond € 3.000,00 → € 3.500,00.']);
    const audit = rows(file, `SELECT action, old_json, new_json FROM audit_log WHERE table_name = 'assignment' ORDER BY id`) as Array<{ action: string; old_json: string | null; new_json: string }>;
    expect(audit.map((a) => a.action)).toEqual(['insert', 'insert', 'update']);
    expect(JSON.parse(audit[2].old_json!)).toEqual({ status: 'lopend', ceiling_cents: 300_000 });
    expect(JSON.parse(audit[2].new_json)).toEqual({ status: 'afgerond', ceiling_cents: 350_000 });
  });

  it('rejects bad input with the reason and writes nothing', async () => {
    const { client, file } = await workbook();
    const count = () => (rows(file, 'SELECT COUNT(*) AS n FROM assignment') as Array<{ n: number }>)[0].n;
    const outside = await rejection(client.assignments.create({ ...zzpInput, budgetLines: [{ costCentre: 'SD01', account: '4200' }] }));
    expect(outside).toMatchObject({ code: 'invalid_input', message: 'Begrotingsregel SD01/4200 hoort niet bij deze afdeling: kostenplaats SD01 is geen kostenplaats van OR (OR01, OR02, OR03).' });
    const backwards = await rejection(client.assignments.create({ ...zzpInput, code: 'OPD-9', startDate: '2027-06-30', endDate: '2027-01-01' }));
    expect(backwards.message).toBe('Opdracht OPD-9: einddatum 01-01-2027 ligt vóór de begindatum 30-06-2027.');
    const rate = await rejection(client.assignments.create({ ...zzpInput, code: 'OPD-9', kind: 'project', hourlyRateCents: 9_500 }));
    expect(rate.message).toBe('Opdracht OPD-9: een uurtarief hoort alleen bij ZZP, inhuurbureau of detachering, niet bij project.');
    const kind = await rejection(client.assignments.create({ ...zzpInput, kind: 'subsidie' as never }));
    expect(kind.code).toBe('invalid_input');
    const ceiling = await rejection(client.assignments.create({ ...zzpInput, ceilingCents: 12.5 }));
    expect(ceiling.message).toContain('hele centen');
    expect(count()).toBe(0);
    expect(rows(file, `SELECT COUNT(*) AS n FROM audit_log WHERE table_name LIKE 'assignment%'`)).toEqual([{ n: 0 }]);

    const a = await client.assignments.create({ ...zzpInput, code: 'opd-1', hoursPerWeek: 16 });
    expect(a.code).toBe('OPD-1');
    expect((await rejection(client.assignments.create({ ...zzpInput, code: 'OPD-1' }))).code).toBe('conflict');
    expect((await rejection(client.assignments.update({ id: a.id, patch: { kind: 'project' } }))).message).toBe('Opdracht OPD-1: uren per week horen alleen bij ZZP, inhuurbureau of detachering, niet bij project.');
    expect(count()).toBe(1);
    expect((await client.assignments.get({ id: a.id })).kind).toBe('zzp');
  });

  it('counts ledger lines by budget line, counterparty and period; links by hand; compares with the ceiling', async () => {
    const { client, dir } = await workbook();
    await importLedger(client, dir, [
      "15-01-2027;OR01;4200;Factuur januari;1.000,00;ZZP'er J. de Jong",
      "15-02-2027;OR01;4200;Factuur februari;1.500,00;zzp'er  j. DE jong",
      "15-08-2027;OR01;4200;Factuur augustus (na de einddatum);700,00;ZZP'er J. de Jong",
      "15-03-2027;OR01;4300;Huisvesting;400,00;ZZP'er J. de Jong",
      '10-02-2027;OR02;4200;Inhuur februari;4.000,00;Randstad Inhouse',
      '10-05-2027;OR02;4200;Inhuur mei;7.000,00;Randstad Inhouse',
      '10-09-2027;OR02;4200;Inhuur september;3.000,00;Randstad Inhouse',
    ]);
    const a = await client.assignments.get({ id: (await client.assignments.create(zzpInput)).id, asOf: '2027-04-01' });
    // January and February count; August lies after the end, 4300 is another budget line.
    expect(a).toMatchObject({ actualsCents: 250_000, commitmentsCents: 0, usedCents: 250_000, usedPercent: 83.33, ledgerLines: 2, signals: [] });
    expect(a.ledger.map((l) => [l.bookingDate, l.amountCents, l.match])).toEqual([
      ['2027-01-15', 100_000, 'rule'],
      ['2027-02-15', 150_000, 'rule'],
    ]);

    // An open commitment to the same counterparty on the budget line pushes it over the ceiling.
    const line = (await client.budget.summary({})).lines.find((l) => l.costCentre === 'OR01' && l.account === '4200')!;
    await client.budget.addCommitment({ budgetLineId: line.id, supplier: "ZZP'er J. de Jong", amountCents: 80_000, date: '2027-03-01' });
    let detail = await client.assignments.get({ id: a.id, asOf: '2027-04-01' });
    expect(detail).toMatchObject({ actualsCents: 250_000, commitmentsCents: 80_000, usedCents: 330_000, remainingCents: -30_000, signals: ['overCeiling'] });

    // The August invoice, booked late, is linked by hand.
    const candidates = await client.assignments.ledgerCandidates({ id: a.id });
    expect(candidates.map((c) => [c.bookingDate, c.amountCents, c.countsFor])).toEqual([['2027-08-15', 70_000, null]]);
    detail = await client.assignments.linkLedgerLine({ id: a.id, ledgerLineId: candidates[0].id });
    expect(detail.ledger.map((l) => [l.bookingDate, l.match])).toEqual([
      ['2027-01-15', 'rule'],
      ['2027-02-15', 'rule'],
      ['2027-08-15', 'hand'],
    ]);
    expect(detail.actualsCents).toBe(320_000);
    expect(await client.assignments.ledgerCandidates({ id: a.id })).toEqual([]);

    // Two assignments with the same counterparty: Randstad for two people on OR02/4200.
    const b1 = await client.assignments.create({ ...zzpInput, kind: 'inhuurbureau', code: 'INH-A', title: 'Toezichthouder 1', contractor: 'Randstad Inhouse', counterparty: 'Randstad Inhouse', ceilingCents: 2_000_000, startDate: '2027-01-01', endDate: '2027-06-30', budgetLines: [{ costCentre: 'OR02', account: '4200' }] });
    const b2 = await client.assignments.create({ ...zzpInput, kind: 'inhuurbureau', code: 'INH-B', title: 'Toezichthouder 2', contractor: 'Randstad Inhouse', counterparty: 'Randstad Inhouse', ceilingCents: 2_000_000, startDate: '2027-04-01', endDate: '2027-12-31', budgetLines: [{ costCentre: 'OR02', account: '4200' }] });
    let first = await client.assignments.get({ id: b1.id });
    let second = await client.assignments.get({ id: b2.id });
    expect(first.ledger.map((l) => [l.bookingDate, l.match, l.alsoFits])).toEqual([
      ['2027-02-10', 'rule', []],
      ['2027-05-10', 'ambiguous', ['INH-B']],
    ]);
    expect(second.ledger.map((l) => [l.bookingDate, l.match, l.alsoFits])).toEqual([
      ['2027-05-10', 'ambiguous', ['INH-A']],
      ['2027-09-10', 'rule', []],
    ]);
    expect([first.actualsCents, second.actualsCents]).toEqual([400_000, 300_000]);
    expect(first.signals).toContain('ambiguousLedger');
    // The May invoice is the second person's: linked by hand it counts there only.
    const may = second.ledger.find((l) => l.bookingDate === '2027-05-10')!;
    second = await client.assignments.linkLedgerLine({ id: b2.id, ledgerLineId: may.id });
    first = await client.assignments.get({ id: b1.id });
    expect([first.actualsCents, second.actualsCents]).toEqual([400_000, 1_000_000]);
    expect(first.signals).not.toContain('ambiguousLedger');
    expect((await rejection(client.assignments.linkLedgerLine({ id: b1.id, ledgerLineId: may.id }))).message).toBe('Deze boeking is al met de hand gekoppeld aan opdracht INH-B; ontkoppel haar daar eerst.');
    second = await client.assignments.unlinkLedgerLine({ id: b2.id, ledgerLineId: may.id });
    expect(second.actualsCents).toBe(300_000);

    // The budget line shows what is committed to assignments: A's ceiling on OR01/4200 and its actuals there.
    const byLine = await client.assignments.byBudgetLine({ year: 2027 });
    expect(byLine.map((l) => [l.costCentre, l.account, l.committedCents, l.actualsCents, l.assignments])).toEqual([
      ['OR01', '4200', 300_000, 320_000, ['OPD-2027-001']],
      ['OR02', '4200', 4_000_000, 700_000, ['INH-A', 'INH-B']],
    ]);
  });

  it('counts commitments by the same rule, or by hand', async () => {
    const { client, dir } = await workbook();
    await importLedger(client, dir, ['15-01-2027;OR01;4200;Factuur;100,00;Iemand anders']);
    const line = (await client.budget.summary({})).lines[0];
    const order = await client.budget.addCommitment({ budgetLineId: line.id, supplier: 'Ingenieursbureau West', amountCents: 50_000, date: '2027-02-01' });
    const a = await client.assignments.create({ ...zzpInput, kind: 'adviesbureau', contractor: 'Ingenieursbureau West', counterparty: 'Ingenieursbureau West' });
    expect(a.commitments.map((c) => [c.supplier, c.amountCents, c.match])).toEqual([['Ingenieursbureau West', 50_000, 'rule']]);
    expect(a.commitmentsCents).toBe(50_000);
    // Settled: it no longer counts as committed.
    await client.budget.updateCommitment({ id: order.id, patch: { status: 'afgewikkeld' } });
    expect((await client.assignments.get({ id: a.id })).commitmentsCents).toBe(0);
    const other = await client.budget.addCommitment({ budgetLineId: line.id, supplier: 'West BV', amountCents: 20_000, date: '2027-02-01' });
    const linked = await client.assignments.linkCommitment({ id: a.id, commitmentId: other.id });
    expect(linked.commitments.map((c) => [c.supplier, c.match])).toEqual([['West BV', 'hand']]);
    expect(linked.commitmentsCents).toBe(20_000);
  });

  it('keeps decision moments, flags the overdue ones and reports them', async () => {
    const { client } = await workbook();
    // A project that ran in 2026: its third quarter is over, so the report is the same on any later day.
    const a = await client.assignments.create({ ...zzpInput, kind: 'project', code: 'PRJ-1', title: 'Herinrichting Marktplein', contractor: 'Projectteam', counterparty: '', startDate: '2026-06-01', endDate: '2026-12-31', ceilingCents: 2_500_000 });
    let detail = await client.assignments.addMoment({ id: a.id, kind: 'go_no_go', dueDate: '2026-08-01', note: 'Ontwerp naar het college' });
    detail = await client.assignments.addMoment({ id: a.id, kind: 'tussenrapportage', dueDate: '2026-09-15' });
    detail = await client.assignments.addMoment({ id: a.id, kind: 'acceptatie', dueDate: '2026-12-31' });
    const interim = detail.moments.find((m) => m.kind === 'tussenrapportage')!;
    detail = await client.assignments.updateMoment({ momentId: interim.id, patch: { outcome: 'akkoord', decidedOn: '2026-09-10', note: 'Op schema' } });
    expect(detail.log.map((l) => [l.date, l.text])).toContainEqual(['2026-09-10', 'Tussenrapportage: akkoord (go) — Op schema.']);
    const gonogo = detail.moments.find((m) => m.kind === 'go_no_go')!;
    expect((await rejection(client.assignments.updateMoment({ momentId: gonogo.id, patch: { decidedOn: '2026-08-02' } }))).message).toContain('kies ook de uitkomst');
    expect((await rejection(client.assignments.deleteMoment({ momentId: interim.id }))).code).toBe('conflict');

    const report = (await client.report.build({ period: '2026-Q3' })) as { assignments: Record<string, unknown> & { items: Array<Record<string, unknown>> } };
    expect(report.assignments).toMatchObject({ asOf: '2026-09-30', open: 1, overCeiling: 0, decisionsOverdue: 1, overdueMoments: [{ code: 'PRJ-1', moment: 'go_no_go', dueDate: '2026-08-01' }] });
    expect(report.assignments.items).toEqual([expect.objectContaining({ code: 'PRJ-1', status: 'lopend', ceilingCents: 2_500_000, actualsCents: 0, signals: ['momentOverdue'] })]);
    // In the second quarter nothing was overdue yet; the year 2027 has no assignment running.
    expect((await client.report.build({ period: '2026-Q2' })) as unknown).toMatchObject({ assignments: { open: 1, decisionsOverdue: 0 } });
    expect((await client.report.build({ period: '2027' })) as unknown).toMatchObject({ assignments: { open: 0, items: [] } });

    // Decided: the moment is no longer overdue, today or at the end of the quarter it was decided after.
    detail = await client.assignments.updateMoment({ momentId: gonogo.id, patch: { outcome: 'bijsturen', decidedOn: '2026-10-05' } });
    expect(detail.moments.find((m) => m.id === gonogo.id)!.overdue).toBe(false);
    expect((await client.report.build({ period: '2026-Q3' })) as unknown).toMatchObject({ assignments: { decisionsOverdue: 1 } });
  });

  it('keeps links to other departments, dated when removed, and shows bottlenecks that name it', async () => {
    const { client } = await workbook();
    const a = await client.assignments.create({ ...zzpInput, kind: 'gemeenschappelijke_regeling', code: 'GR-1', title: 'Gladheidsbestrijding', contractor: 'Gemeente Nabijstad', counterparty: 'Gemeente Nabijstad' });
    let detail = await client.assignments.addDepartmentLink({ id: a.id, departmentCode: 'vh', relation: 'hangt_af_van' });
    expect(detail.departmentLinks.map((l) => [l.departmentCode, l.relation, l.removedAt])).toEqual([['VH', 'hangt_af_van', null]]);
    expect((await rejection(client.assignments.addDepartmentLink({ id: a.id, departmentCode: 'OR' }))).message).toBe('OR is de eigen afdeling.');
    expect((await rejection(client.assignments.addDepartmentLink({ id: a.id, departmentCode: 'VH' }))).code).toBe('conflict');
    detail = await client.assignments.removeDepartmentLink({ id: a.id, linkId: detail.departmentLinks[0].id });
    expect(detail.departmentLinks[0].removedAt).not.toBeNull();

    const b = await client.bottlenecks.create({ title: 'Strooizout te laat', category: 'opdrachtnemer' });
    const linked = await client.bottlenecks.addLink({ id: b.id, linkType: 'external_hire', linkKey: 'GR-1' });
    expect(linked.links[0].label).toBe('GR-1 Gladheidsbestrijding (Gemeenschappelijke regeling)');
    expect((await client.assignments.get({ id: a.id })).bottlenecks.map((x) => x.identifier)).toEqual([b.identifier]);
  });

  it('deletes softly and keeps the hire fields to the hire kinds', async () => {
    const { client, file } = await workbook();
    const a = await client.assignments.create({ ...zzpInput, hourlyRateCents: 9_000, hoursPerWeek: 16 });
    await client.assignments.delete({ id: a.id });
    expect(await client.assignments.list({})).toEqual([]);
    expect((await client.assignments.list({ includeDeleted: true }))[0]).toMatchObject({ id: a.id, deleted: true, signals: [] });
    expect((await rejection(client.assignments.get({ id: a.id }))).code).toBe('not_found');
    expect(rows(file, 'SELECT hourly_rate_cents, hours_per_week FROM assignment')).toEqual([{ hourly_rate_cents: 9_000, hours_per_week: 16 }]);
  });
});

describe('reference figures', () => {
  it('ships the public municipal figures and lets the head edit them, audited', async () => {
    const { client, file } = await workbook();
    const shipped = await client.benchmarks.list({});
    expect(shipped.map((b) => [b.indicator, b.referenceGroup, b.value, b.year])).toEqual([
      ['inhuurpercentage', 'Gemeenten', 16.5, 2021],
      ['inhuurpercentage', 'Gemeenten', 18.1, 2023],
      ['verzuimpercentage', 'Gemeenten', 5.8, 2021],
      ['verzuimpercentage', 'Gemeenten', 6.7, 2022],
      ['verzuimpercentage', 'Openbaar bestuur', 6.1, 2022],
      ['verzuimpercentage', 'Gemeenten', 6.5, 2023],
    ]);
    const added = await client.benchmarks.create({ indicator: 'bezettingsgraad', referenceGroup: 'Eigen organisatie', value: 92.5, year: 2026, source: 'Jaarrekening 2026' });
    const changed = await client.benchmarks.update({ id: added.id, patch: { value: 93 } });
    expect(changed.value).toBe(93);
    await client.benchmarks.delete({ id: shipped[0].id });
    expect((await client.benchmarks.list({})).length).toBe(6);
    await expect(client.benchmarks.create({ indicator: 'verzuimpercentage', referenceGroup: 'X', value: 130, year: 2024 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((rows(file, `SELECT action FROM audit_log WHERE table_name = 'benchmark' ORDER BY id`) as Array<{ action: string }>).map((r) => r.action)).toEqual(['insert', 'update', 'delete']);
  });

  it('shows the department’s own inhuurpercentage and bezettingsgraad beside them on the overview', async () => {
    const { client } = await workbook();
    await client.workbook.updateSettings({ ikbPercent: 0, employerChargesPercent: 0 });
    await client.salary.setEntry({ validFrom: '2027-01-01', scale: 10, step: 4, monthlyCents: 400_000 });
    const position = await client.formation.createPosition({ code: 'OR-1', functionTitle: 'Beheerder', fte: 2, costCentre: 'OR01', validFrom: '2027-01-01' });
    await client.staff.createEmployee({
      personnelNumber: '10',
      firstName: 'Anna',
      infix: '',
      lastName: 'Jansen',
      startDate: '2020-01-01',
      terms: { functionTitle: 'Beheerder', salaryScale: 10, salaryStep: 4, hoursPerWeek: 36, costCentre: 'OR01', contractType: 'vast', formationPositionId: position.id },
    });
    // Salary € 48.000 in 2027; hire: the ceiling of € 12.000 spread over 2027 (no rate or hours).
    await client.assignments.create({ ...zzpInput, kind: 'inhuurbureau', contractor: 'Randstad', counterparty: 'Randstad', ceilingCents: 1_200_000, startDate: '2027-01-01', endDate: '2027-12-31' });
    const overview = await client.overview.get({ asOf: '2027-06-30' });
    const benchmarks = overview.sections.find((s) => s.key === 'benchmarks')!;
    const data = benchmarks.data as { date: string; indicators: Array<{ indicator: string; own: number | null; references: Array<{ value: number; year: number }> }> };
    expect(data.date).toBe('2027-06-30');
    const byIndicator = Object.fromEntries(data.indicators.map((i) => [i.indicator, i]));
    // 12.000 / (48.000 + 12.000) = 20 %; 1 FTE of 2 = 50 %; no absence list yet: unknown, not 0 %.
    expect(byIndicator.inhuurpercentage.own).toBe(20);
    expect(byIndicator.bezettingsgraad.own).toBe(50);
    expect(byIndicator.verzuimpercentage).toMatchObject({ own: null, gap: 'no-absence-list' });
    expect(byIndicator.verzuimpercentage.references.map((r) => [r.year, r.value])).toEqual([
      [2023, 6.5],
      [2022, 6.7],
      [2022, 6.1],
      [2021, 5.8],
    ]);
  });
});

describe('the overview and the management report', () => {
  it('signals over-ceiling assignments and overdue moments on the overview', async () => {
    const { client, dir } = await workbook();
    await importLedger(client, dir, ["15-01-2027;OR01;4200;Factuur;3.500,00;ZZP'er J. de Jong"]);
    const a = await client.assignments.create(zzpInput);
    await client.assignments.addMoment({ id: a.id, kind: 'go_no_go', dueDate: '2027-02-01' });
    const overview = await client.overview.get({ asOf: '2027-03-01' });
    const section = overview.sections.find((s) => s.key === 'assignments')!;
    expect(section.highlights.map((h) => [h.level, h.text, h.route])).toEqual([
      ['alert', 'OPD-2027-001 is over het plafond: € 3.500,00 van € 3.000,00 (116,7 %) besteed of verplicht.', `assignments?id=${a.id}`],
      ['alert', 'OPD-2027-001: beslismoment Go/no-go van 01-02-2027 is verlopen zonder besluit.', `assignments?id=${a.id}`],
    ]);
    expect(section.data).toMatchObject({ counts: { open: 1, overCeiling: 1, overdueMoments: 1, pastEnd: 0, dba: 0 }, overdueMoments: [{ code: 'OPD-2027-001', kind: 'go_no_go', dueDate: '2027-02-01' }] });
  });

  it('lists the quarter’s assignments in the management report, without a ZZP’er’s name unless names are included', async () => {
    const { client, dir } = await workbook();
    await importLedger(client, dir, ["15-01-2027;OR01;4200;Factuur;1.000,00;ZZP'er J. de Jong", "15-04-2027;OR01;4200;Factuur;500,00;ZZP'er J. de Jong"]);
    await client.assignments.create(zzpInput);
    await client.assignments.create({ ...zzpInput, kind: 'adviesbureau', contractor: 'Ingenieursbureau West', counterparty: 'Ingenieursbureau West', startDate: '2027-07-01', endDate: '2027-12-31' });
    const { buildManagementReport } = await import('../../electron/backend/management-report/registry.ts');
    const session = sessions[sessions.length - 1] as unknown as { workbook: Parameters<typeof buildManagementReport>[0] };
    const report = buildManagementReport(session.workbook, '2027-Q1', { includeNames: false, generatedOn: '2027-04-10' });
    const section = report.sections.find((s) => s.key === 'assignments')!;
    const table = section.blocks.find((b) => b.kind === 'table') as { rows: unknown[][] };
    // Only the first runs in Q1; actuals up to 31 March.
    expect(table.rows).toEqual([['OPD-2027-001', 'Inspectieplan bruggen', 'ZZP', "(ZZP'er)", 'Lopend', '2027-06-30', 300_000, 100_000, 0, 33.33, '']]);
    const named = buildManagementReport(session.workbook, '2027-Q1', { includeNames: true, generatedOn: '2027-04-10' });
    expect(((named.sections.find((s) => s.key === 'assignments')!.blocks[1]) as { rows: unknown[][] }).rows[0][3]).toBe('J. de Jong');

    // Through the real renderers: a sheet "Opdrachten" with typed cells, and a PDF that names the section.
    const xlsx = await client.managementReport.render({ quarter: '2027-Q1', format: 'xlsx' });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Opdrachten')!;
    let found: unknown[] | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'OPD-2027-001') found = [row.getCell(4).value, row.getCell(7).value, row.getCell(8).value];
    });
    expect(found).toEqual(["(ZZP'er)", 3_000, 1_000]);
    const pdf = await client.managementReport.render({ quarter: '2027-Q1', format: 'pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the external hires of an older workbook', () => {
  it('move into the register with their ids, kinds, cost as ceiling and budget line; links to them keep working', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'oud.werkboek');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of migrations.filter((x) => x.version <= 7)) db.exec(m.sql);
    db.pragma('user_version = 7');
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO workbook_meta VALUES (1, 'id-1', 'department', 'Gemeente Oud', 'OR', 'Openbare Ruimte', 2027, 'Eigenaar', ?, '0.0.1', ?)`).run(now, now);
    db.prepare(`INSERT INTO cost_centre (code, name, taakveld, active, created_at, updated_at) VALUES ('OR01', 'Beheer', NULL, 1, ?, ?)`).run(now, now);
    const hire = db.prepare(
      `INSERT INTO external_hire (id, kind, contractor, person_name, assignment, agreed_result, commissioner, cost_centre, account, hourly_rate_cents, hours_per_week, start_date, end_date, note, deleted_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '', 'Teamleider', 'OR01', ?, ?, ?, ?, ?, '', NULL, ?, ?)`,
    );
    // 24 h at € 95, 15 March – 30 June 2027: 78 working days → 374,4 h → € 35.568.
    hire.run(3, 'uitzendkracht', 'Randstad', 'P. Tijdelijk', 'Toezicht openbare ruimte', '4200', 9_500, 24, '2027-03-15', '2027-06-30', now, now);
    hire.run(4, 'zzp', 'J. de Jong Advies', '', 'Inspectieplan bruggen', '4200', 11_000, 16, '2025-01-01', '2025-03-31', now, now);
    hire.run(5, 'overig', 'Interim BV', '', 'Interim teamleider', '4100', 12_000, 36, '2027-01-04', '2027-01-08', now, now);
    db.prepare(`INSERT INTO bottleneck (id, identifier, title, category, signalled_on, content_hash, created_at, updated_at) VALUES (1, 'KNP-2027-0001', 'Toezicht', 'formatie', '2027-01-10', 'x', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO bottleneck_link (bottleneck_id, link_type, link_key, created_at) VALUES (1, 'external_hire', '3', ?)`).run(now);
    db.close();

    const local = createLocalClient({ dataDir: path.join(dir, 'data') });
    sessions.push(local.session);
    const info = await local.client.workbook.open({ path: file });
    expect(info.migratedFrom).toBe(7);
    const list = await local.client.assignments.list({ asOf: '2027-04-01' });
    // A hire whose end date had passed when the workbook was migrated is afgerond (judged on the day of migration).
    const utcToday = new Date().toISOString().slice(0, 10);
    const statusFor = (end: string) => (end < utcToday ? 'afgerond' : 'lopend');
    // 1 January – 31 March 2025: 64 working days × 16 h / 5 × € 110; 4–8 January 2027: 5 days × 36 h / 5 × € 120.
    expect(list.map((a) => [a.id, a.code, a.kind, a.contractor, a.counterparty, a.ceilingCents, a.status, a.budgetLines[0].account, a.hourlyRateCents, a.hoursPerWeek])).toEqual([
      [4, 'INH-0004', 'zzp', 'J. de Jong Advies', 'J. de Jong Advies', 2_252_800, 'afgerond', '4200', 11_000, 16],
      [5, 'INH-0005', 'inhuurbureau', 'Interim BV', 'Interim BV', 432_000, statusFor('2027-01-08'), '4100', 12_000, 36],
      [3, 'INH-0003', 'inhuurbureau', 'Randstad', 'Randstad', 3_556_800, statusFor('2027-06-30'), '4200', 9_500, 24],
    ]);
    const moved = await local.client.assignments.get({ id: 3 });
    expect(moved).toMatchObject({ title: 'Toezicht openbare ruimte', personName: 'P. Tijdelijk', officialCommissioner: 'Teamleider' });
    expect(moved.log[0].text).toContain('Overgenomen uit de inhuurregistratie (soort uitzendkracht)');
    expect(moved.bottlenecks.map((b) => b.identifier)).toEqual(['KNP-2027-0001']);
    expect((await local.client.bottlenecks.get({ id: 1 })).links[0].label).toBe('INH-0003 Toezicht openbare ruimte (Inhuurbureau)');
    // The personnel cost forecast reads them as before: rate × hours × working days.
    const forecast = await local.client.personnelCosts.forecast({ year: 2027 });
    expect(forecast.hires.map((h) => [h.hireId, h.cents])).toEqual([
      [5, 432_000],
      [3, 3_556_800],
    ]);
    const tables = rows(file, `SELECT name FROM sqlite_master WHERE name = 'external_hire'`);
    expect(tables).toEqual([]);
  });
});
