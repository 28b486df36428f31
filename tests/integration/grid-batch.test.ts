import { describe, expect, it } from 'vitest';
import { departmentWorkbook } from '../helpers/workbook.ts';

/**
 * A paste is one batch: the rows that pass are saved in one transaction, each refused row leaves
 * nothing behind, and the batch that reverses it (the undo) restores what was there.
 */
describe('grid batches (paste and its undo)', () => {
  it('saves the valid commitment rows of a paste together, refuses the wrong ones whole, and undoes it in one batch', async () => {
    const { client } = await departmentWorkbook();
    const line = await client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4300', accountName: 'Onderhoud', kind: 'lasten', primitiveCents: 1_000_000 });
    const existing = await client.budget.addCommitment({ budgetLineId: line.id, supplier: 'Groen BV', amountCents: 50_000, date: '2027-03-01' });
    const auditBefore = (await client.workbook.audit({})).total;

    const result = await client.budget.commitmentsBatch({
      year: 2027,
      updates: [
        { id: existing.id, patch: { amountCents: 75_000, description: 'Maaien' } },
        // A wrong row: the supplier may not be empty; its other cell must not be written either.
        { id: existing.id, patch: { supplier: '', reference: 'K-1' } },
      ],
      creates: [
        { costCentre: 'OR01', account: '4300', supplier: 'Bomen BV', amountCents: 120_050, date: '2027-04-01' },
        { costCentre: 'OR01', account: '9999', supplier: 'Nergens BV', amountCents: 100, date: '2027-04-01' },
        { costCentre: 'OR01', account: '4300', supplier: 'Zonder bedrag', date: '2027-04-01' },
      ],
    });

    expect(result.updated[0]).toMatchObject({ id: existing.id, amountCents: 75_000, description: 'Maaien' });
    expect(result.updated[1]).toBeNull();
    expect(result.created[0]).toMatchObject({ supplier: 'Bomen BV', amountCents: 120_050, costCentre: 'OR01', account: '4300', status: 'open' });
    expect(result.created[1]).toBeNull();
    expect(result.created[2]).toBeNull();
    expect(result.refused).toEqual([
      { op: 'update', index: 1, field: 'supplier', message: 'Leverancier ontbreekt' },
      { op: 'create', index: 1, field: 'account', message: expect.stringContaining('geen begrotingsregel voor kostenplaats OR01 en grootboekrekening 9999 in 2027') },
      { op: 'create', index: 2, field: 'amountCents', message: 'Bedrag ontbreekt' },
    ]);
    const rows = await client.budget.commitments({ year: 2027 });
    expect(rows.map((c) => [c.supplier, c.amountCents, c.reference])).toEqual([
      ['Groen BV', 75_000, null],
      ['Bomen BV', 120_050, null],
    ]);
    // Every saved row has its audit row, in the same transaction.
    expect((await client.workbook.audit({})).total).toBe(auditBefore + 2);

    // The undo: the old values back and the added row removed, in one batch.
    const created = result.created[0]!;
    const undo = await client.budget.commitmentsBatch({ year: 2027, updates: [{ id: existing.id, patch: { amountCents: 50_000, description: '' } }], deletes: [created.id] });
    expect(undo.refused).toEqual([]);
    expect(undo.deleted).toEqual([created.id]);
    expect((await client.budget.commitments({ year: 2027 })).map((c) => [c.supplier, c.amountCents, c.description])).toEqual([['Groen BV', 50_000, '']]);
  });

  it('refuses budget lines of another department, duplicates and unknown ids on their own, and saves the rest', async () => {
    const { client } = await departmentWorkbook();
    const line = await client.budget.createLine({ year: 2027, costCentre: 'OR01', account: '4300', accountName: 'Onderhoud', kind: 'lasten', primitiveCents: 0 });
    // A row of another workbook's id: refused on its own; the valid row is saved.
    const result = await client.budget.linesBatch({
      year: 2027,
      updates: [
        { id: line.id, patch: { primitiveCents: 250_000, explanation: 'Meer onderhoud' } },
        { id: line.id + 1000, patch: { primitiveCents: 1 } },
      ],
      creates: [
        { costCentre: 'OR02', account: '4310', accountName: 'Materiaal', primitiveCents: 80_000, expectedCents: 85_000 },
        { costCentre: 'XX99', account: '4310', primitiveCents: 1 },
        { costCentre: 'OR01', account: '4300', primitiveCents: 1 },
      ],
    });
    expect(result.refused.map((r) => [r.op, r.index, r.field])).toEqual([
      ['update', 1, null],
      ['create', 1, null],
      ['create', 2, null],
    ]);
    expect(result.refused[1].message).toContain('Kostenplaats XX99 hoort niet bij deze afdeling');
    expect(result.refused[2].message).toContain('Er is al een begrotingsregel');
    const lines = (await client.budget.summary({ year: 2027 })).lines;
    expect(lines.map((l) => [l.costCentre, l.account, l.primitiveCents, l.expectedCents, l.explanation])).toEqual([
      ['OR01', '4300', 250_000, 0, 'Meer onderhoud'],
      ['OR02', '4310', 80_000, 85_000, null],
    ]);
  });

  it('saves pasted salary amounts per scale in one batch; a wrong amount refuses its whole scale; scales outside 1–18 are refused', async () => {
    const { client } = await departmentWorkbook();
    const validFrom = '2027-01-01';
    await client.salary.setEntry({ validFrom, scale: 5, step: 0, monthlyCents: 250_000 });
    const result = await client.salary.entriesBatch({
      validFrom,
      updates: [
        { id: 5, patch: { s0: 260_000, s1: 270_000 } },
        { id: 6, patch: { s0: 280_000, s1: -5 } },
        { id: 19, patch: { s0: 1 } },
      ],
      creates: [{ scale: 20 }],
    });
    expect(result.updated[0]).toEqual({ id: 5, scale: 5, s0: 260_000, s1: 270_000 });
    expect(result.updated.slice(1)).toEqual([null, null]);
    expect(result.refused).toEqual([
      { op: 'update', index: 1, field: 's1', message: 'Bedrag moet meer dan nul zijn' },
      { op: 'update', index: 2, field: null, message: 'Schaal 19 bestaat niet; de salaristabel kent schalen 1 tot en met 18.' },
      { op: 'create', index: 0, field: null, message: expect.stringContaining('schalen 1 tot en met 18') },
    ]);
    expect((await client.salary.entries({ validFrom })).map((e) => [e.scale, e.step, e.monthlyCents])).toEqual([
      [5, 0, 260_000],
      [5, 1, 270_000],
    ]);
    // The undo: the amount before, and null removes the step that was empty.
    const undo = await client.salary.entriesBatch({ validFrom, updates: [{ id: 5, patch: { s0: 250_000, s1: null } }] });
    expect(undo.refused).toEqual([]);
    expect((await client.salary.entries({ validFrom })).map((e) => [e.scale, e.step, e.monthlyCents])).toEqual([[5, 0, 250_000]]);
  });

  it('adds pasted formation positions, refuses a duplicate code and an end before the start on their own fields, and removes them again', async () => {
    const { client } = await departmentWorkbook();
    const result = await client.formation.positionsBatch({
      date: '2027-06-30',
      creates: [
        { code: 'P-001', costCentre: 'OR01', functionTitle: 'Beheerder', salaryScale: 8, fte: 1, validFrom: '2027-01-01' },
        { code: 'P-001', costCentre: 'OR01', functionTitle: 'Dubbel', fte: 1, validFrom: '2027-01-01' },
        { code: 'P-002', costCentre: 'OR02', functionTitle: 'Opzichter', fte: 0.8, validFrom: '2027-06-01', validTo: '2027-01-01' },
        { code: 'P-003', costCentre: 'OR02', fte: 0.8, validFrom: '2027-06-01' },
      ],
    });
    expect(result.created[0]).toMatchObject({ code: 'P-001', functionTitle: 'Beheerder', salaryScale: 8, fte: 1, validTo: null, note: '' });
    expect(result.created.slice(1)).toEqual([null, null, null]);
    expect(result.refused.map((r) => [r.index, r.field, r.message])).toEqual([
      [1, 'code', 'Er is al een formatieplaats met code P-001.'],
      [2, 'validTo', expect.stringContaining('ligt vóór de begindatum')],
      [3, 'functionTitle', 'Functie ontbreekt'],
    ]);
    const undo = await client.formation.positionsBatch({ deletes: [result.created[0]!.id] });
    expect(undo.deleted).toEqual([result.created[0]!.id]);
    expect(await client.formation.positions({})).toEqual([]);
  });
});
