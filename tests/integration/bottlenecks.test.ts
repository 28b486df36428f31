import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/errors.ts';
import { departmentWorkbook, writeTemp, readStored } from '../helpers/workbook.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/bottlenecks/knelpunten-2027.csv');

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('bottleneck register', () => {
  let close: () => void = () => undefined;
  afterEach(() => close());

  async function open() {
    const wb = await departmentWorkbook();
    close = () => wb.session.close();
    return wb;
  }

  function rows(file: string, sql: string): unknown[] {
    return readStored(file, (db) => db.prepare(sql).all());
  }

  it('numbers cases per year of signalling and starts each with a dated status history', async () => {
    const { client } = await open();
    const a = await client.bottlenecks.create({ title: 'Eerste', category: 'ict', signalledOn: '2027-01-05' });
    const b = await client.bottlenecks.create({ title: 'Tweede', category: 'budget', signalledOn: '2027-02-05' });
    const c = await client.bottlenecks.create({ title: 'Vorig jaar', category: 'budget', signalledOn: '2026-12-05' });
    expect([a.identifier, b.identifier, c.identifier]).toEqual(['KNP-2027-0001', 'KNP-2027-0002', 'KNP-2026-0001']);
    expect(a.status).toBe('open');
    expect(a.confidentiality).toBe('intern');
    expect(a.history).toHaveLength(1);
    expect(a.history[0]).toMatchObject({ fromStatus: null, toStatus: 'open', reason: 'Knelpunt gesignaleerd' });
  });

  it('escalates only with a target, resolves only with a decision, and refuses impossible changes', async () => {
    const { client, file } = await open();
    const b = await client.bottlenecks.create({ title: 'Vacature', category: 'formatie', signalledOn: '2027-01-05' });

    const noTarget = await rejection(client.bottlenecks.changeStatus({ id: b.id, status: 'geescaleerd', reason: 'Beslissing nodig' }));
    expect(noTarget.code).toBe('invalid_input');
    expect(noTarget.message).toContain('naar wie');
    const ownDepartment = await rejection(client.bottlenecks.changeStatus({ id: b.id, status: 'geescaleerd', reason: 'x', escalatedTo: 'afdeling', escalatedDepartment: 'OR' }));
    expect(ownDepartment.message).toContain('eigen afdeling');
    const noReason = await rejection(client.bottlenecks.changeStatus({ id: b.id, status: 'in_behandeling', reason: '  ' }));
    expect(noReason.message).toContain('Reden ontbreekt');

    const escalated = await client.bottlenecks.changeStatus({ id: b.id, status: 'geescaleerd', reason: 'Beslissing nodig', escalatedTo: 'afdeling', escalatedDepartment: 'ro', date: '2027-02-01' });
    expect(escalated).toMatchObject({ status: 'geescaleerd', escalatedTo: 'afdeling', escalatedDepartment: 'RO' });
    expect(escalated.history.at(-1)).toMatchObject({ fromStatus: 'open', toStatus: 'geescaleerd', reason: 'Beslissing nodig', escalatedTo: 'afdeling', date: '2027-02-01' });
    const again = await rejection(client.bottlenecks.changeStatus({ id: b.id, status: 'geescaleerd', reason: 'nog eens', escalatedTo: 'afdeling', escalatedDepartment: 'RO' }));
    expect(again.code).toBe('conflict');

    const noDecision = await rejection(client.bottlenecks.changeStatus({ id: b.id, status: 'opgelost', reason: 'Klaar' }));
    expect(noDecision.message).toContain('besluit');
    const resolved = await client.bottlenecks.changeStatus({ id: b.id, status: 'opgelost', reason: 'MT-besluit', decision: 'Tijdelijke inhuur', date: '2027-03-01' });
    expect(resolved).toMatchObject({ status: 'opgelost', result: 'opgelost', endDate: '2027-03-01', decision: 'Tijdelijke inhuur', decisionDate: '2027-03-01', allowedTransitions: ['in_behandeling'] });
    const closedToEscalated = await rejection(client.bottlenecks.changeStatus({ id: b.id, status: 'geescaleerd', reason: 'x', escalatedTo: 'hr' }));
    expect(closedToEscalated.code).toBe('conflict');
    expect(closedToEscalated.message).toBe('KNP-2027-0001 (opgelost) kan niet naar "geëscaleerd". Mogelijk: in behandeling.');

    // Reopening clears the result, the history keeps every step.
    const reopened = await client.bottlenecks.changeStatus({ id: b.id, status: 'in_behandeling', reason: 'Inhuur ging niet door' });
    expect(reopened).toMatchObject({ status: 'in_behandeling', result: null, endDate: null });
    expect(reopened.history.map((h) => h.toStatus)).toEqual(['open', 'geescaleerd', 'opgelost', 'in_behandeling']);

    // Every change is in the audit log; refused changes wrote nothing.
    const audit = rows(file, `SELECT action, note FROM audit_log WHERE table_name = 'bottleneck' ORDER BY id`) as Array<{ action: string; note: string | null }>;
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update', 'update', 'update']);
    expect(audit[1].note).toBe('Status Open → Geëscaleerd: Beslissing nodig');
  });

  it('edits fields with an audit of only what changed, and keeps log entries and links without deleting', async () => {
    const { client, file } = await open();
    const budget = writeTemp(path.dirname(file), 'b.csv', 'Kostenplaats;Grootboekrekening;Omschrijving;Primitieve begroting\nOR01;4300;Huisvesting;1.000,00\n');
    await client.import.commit({ kind: 'budget', source: { path: budget } });
    const lineId = (await client.budget.summary({})).lines[0].id;
    const b = await client.bottlenecks.create({ title: 'Lekkend dak', category: 'werkproces', signalledOn: '2027-01-05' });

    const edited = await client.bottlenecks.update({ id: b.id, patch: { title: 'Lekkend dak werf', impact: 'hoog', owner: b.owner } });
    expect(edited).toMatchObject({ title: 'Lekkend dak werf', impact: 'hoog', priority: 6, identifier: 'KNP-2027-0001' });
    const update = rows(file, `SELECT old_json, new_json FROM audit_log WHERE table_name = 'bottleneck' AND action = 'update'`) as Array<{ old_json: string; new_json: string }>;
    expect(JSON.parse(update[0].old_json)).toEqual({ title: 'Lekkend dak', impact: 'middel' });
    expect(JSON.parse(update[0].new_json)).toEqual({ title: 'Lekkend dak werf', impact: 'hoog' });

    const logged = await client.bottlenecks.addAction({ id: b.id, date: '2027-01-10', text: 'Dakdekker gebeld' });
    expect(logged.actions).toMatchObject([{ date: '2027-01-10', text: 'Dakdekker gebeld' }]);

    let linked = await client.bottlenecks.addLink({ id: b.id, linkType: 'budget_line', linkKey: String(lineId) });
    linked = await client.bottlenecks.addLink({ id: b.id, linkType: 'employee', linkKey: 'p1234' });
    linked = await client.bottlenecks.addLink({ id: b.id, linkType: 'department', linkKey: 'ro', relation: 'hangt_af_van' });
    linked = await client.bottlenecks.addLink({ id: b.id, linkType: 'external_hire', linkKey: 'OPD-2027-004' });
    expect(linked.links.map((l) => [l.linkType, l.linkKey, l.relation, l.label])).toEqual([
      ['budget_line', String(lineId), null, 'OR01 / 4300 Huisvesting (2027)'],
      ['employee', 'P1234', null, null],
      ['department', 'RO', 'hangt_af_van', null],
      ['external_hire', 'OPD-2027-004', null, null],
    ]);
    // A name is not a personnel number; a budget line must exist; no double links.
    expect((await rejection(client.bottlenecks.addLink({ id: b.id, linkType: 'employee', linkKey: 'Jan de Vries' }))).message).toContain('geen personeelsnummer');
    expect((await rejection(client.bottlenecks.addLink({ id: b.id, linkType: 'budget_line', linkKey: '999' }))).code).toBe('not_found');
    expect((await rejection(client.bottlenecks.addLink({ id: b.id, linkType: 'employee', linkKey: 'P1234' }))).code).toBe('conflict');

    const removed = await client.bottlenecks.removeLink({ id: b.id, linkId: linked.links[1].id });
    expect(removed.links).toHaveLength(4);
    expect(removed.links[1].removedAt).not.toBeNull();
    expect(rows(file, 'SELECT COUNT(*) AS n FROM bottleneck_link')).toEqual([{ n: 4 }]);
  });

  it('archives only closed cases, hides them from the register and never deletes', async () => {
    const { client, file } = await open();
    const b = await client.bottlenecks.create({ title: 'Oud', category: 'ict', signalledOn: '2027-01-05' });
    expect((await rejection(client.bottlenecks.archive({ id: b.id, archived: true }))).code).toBe('conflict');
    await client.bottlenecks.changeStatus({ id: b.id, status: 'vervallen', reason: 'Systeem vervangen' });
    const archived = await client.bottlenecks.archive({ id: b.id, archived: true });
    expect(archived.archived).toBe(true);
    expect(await client.bottlenecks.list({})).toEqual([]);
    expect((await client.bottlenecks.list({ includeArchived: true })).map((r) => r.identifier)).toEqual(['KNP-2027-0001']);
    // A new case never takes the number of an archived one.
    expect((await client.bottlenecks.create({ title: 'Nieuw', category: 'ict', signalledOn: '2027-02-01' })).identifier).toBe('KNP-2027-0002');
    expect(rows(file, 'SELECT COUNT(*) AS n FROM bottleneck')).toEqual([{ n: 2 }]);
    expect(rows(file, `SELECT COUNT(*) AS n FROM audit_log WHERE action = 'delete'`)).toEqual([{ n: 0 }]);
  });

  it('filters the register by status and category', async () => {
    const { client } = await open();
    const a = await client.bottlenecks.create({ title: 'A', category: 'ict', signalledOn: '2027-01-05' });
    await client.bottlenecks.create({ title: 'B', category: 'budget', signalledOn: '2027-01-06' });
    await client.bottlenecks.changeStatus({ id: a.id, status: 'geescaleerd', reason: 'x', escalatedTo: 'hr' });
    expect((await client.bottlenecks.list({ status: ['geescaleerd'] })).map((r) => r.title)).toEqual(['A']);
    expect((await client.bottlenecks.list({ category: ['budget'] })).map((r) => r.title)).toEqual(['B']);
    expect((await client.bottlenecks.list({ status: ['open'], category: ['ict'] })).map((r) => r.title)).toEqual([]);
    const counts = await client.bottlenecks.counts({});
    expect(counts.byStatus).toMatchObject({ open: 1, geescaleerd: 1 });
    expect(counts.byCategory).toMatchObject({ ict: 1, budget: 1, formatie: 0 });
  });
});

describe('import of a bottleneck list kept in Excel', () => {
  let close: () => void = () => undefined;
  afterEach(() => close());

  it('imports the list with its statuses, and a re-import adds nothing', async () => {
    const { client, session } = await departmentWorkbook();
    close = () => session.close();
    const preview = await client.import.preview({ kind: 'bottlenecks', source: { path: FIXTURE } });
    expect(preview.missingFields).toEqual([]);
    expect(preview.imported).toBe(5);
    expect(await client.bottlenecks.list({})).toEqual([]);

    const result = await client.import.commit({ kind: 'bottlenecks', source: { path: FIXTURE } });
    expect([result.imported, result.duplicates, result.rejectedCount]).toEqual([5, 0, 0]);
    const list = await client.bottlenecks.list({});
    const byTitle = new Map(list.map((r) => [r.title, r]));
    // The given identifier is kept; the others are numbered per year after it.
    expect(byTitle.get('Vacature handhaver al een half jaar open')).toMatchObject({ identifier: 'KNP-2027-0003', status: 'geescaleerd', escalatedTo: 'directeur', impact: 'hoog', urgency: 'hoog', signalledOn: '2027-01-14' });
    expect(byTitle.get('Storingen in het meldingensysteem')).toMatchObject({ identifier: 'KNP-2027-0004', status: 'in_behandeling', category: 'ict' });
    expect(byTitle.get('Afstemming met Ruimtelijke Ontwikkeling over planning')).toMatchObject({ status: 'geescaleerd', escalatedTo: 'afdeling', escalatedDepartment: 'RO', category: 'samenwerking' });
    expect(byTitle.get('Verouderde werkinstructies strooiroutes')).toMatchObject({ identifier: 'KNP-2026-0001', status: 'opgelost', result: 'opgelost', decisionDate: '2026-12-10' });
    const detail = await client.bottlenecks.get({ id: byTitle.get('Storingen in het meldingensysteem')!.id });
    expect(detail.history[0].reason).toBe('Geïmporteerd uit knelpunten-2027.csv, regel 3');

    const again = await client.import.commit({ kind: 'bottlenecks', source: { path: FIXTURE } });
    expect([again.imported, again.duplicates, again.rejectedCount]).toEqual([0, 5, 0]);
    expect(await client.bottlenecks.list({})).toHaveLength(5);
  });

  it('rejects unknown categories and statuses with line and column, and imports the rest', async () => {
    const { client, session, dir } = await departmentWorkbook();
    close = () => session.close();
    const file = writeTemp(
      dir,
      'knelpunten.csv',
      [
        'Titel;Categorie;Status;Datum gesignaleerd;Besluit',
        'Goed;ICT;Open;01-02-2027;',
        'Foute categorie;Huisvesting;Open;02-02-2027;',
        'Foute status;ICT;Misschien;03-02-2027;',
        'Opgelost zonder besluit;ICT;Opgelost;04-02-2027;',
        'Goed;ICT;Open;01-02-2027;',
      ].join('\n'),
    );
    const result = await client.import.commit({ kind: 'bottlenecks', source: { path: file } });
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { line: 3, column: 'Categorie', reason: expect.stringContaining('onbekende categorie "Huisvesting"') },
      { line: 4, column: 'Status', reason: expect.stringContaining('onbekende status "Misschien"') },
      { line: 5, column: 'Besluit', reason: 'een opgelost knelpunt noemt het besluit of de oplossing' },
      { line: 6, column: 'Titel', reason: 'hetzelfde knelpunt (titel, categorie en datum) staat al op regel 2' },
    ]);

    // --strict: one bad row refuses the whole file and writes nothing.
    const strictFile = writeTemp(dir, 'strict.csv', 'Titel;Categorie;Datum gesignaleerd\nNieuw;ICT;05-02-2027\nFout;Onbekend;06-02-2027\n');
    const refused = await rejection(client.import.commit({ kind: 'bottlenecks', source: { path: strictFile }, strict: true }));
    expect(refused.code).toBe('import_rejected');
    expect(refused.message).toContain('regel 3, kolom Categorie');
    expect((await client.bottlenecks.list({})).map((r) => r.title)).toEqual(['Goed']);
  });
});
