import { describe, expect, it } from 'vitest';
import { describeAuditEntry, describeImportResult, formatValue } from '../../../shared/domain/workbook/audit-text.ts';
import type { AuditEntry } from '../../../shared/domain/workbook/types.ts';
import { en } from '../../../shared/i18n/en.ts';
import { nl } from '../../../shared/i18n/nl.ts';
import { wordsFrom } from '../../../shared/i18n/translate.ts';

const dutch = wordsFrom(nl);
const english = wordsFrom(en);

function entry(partial: Partial<AuditEntry> & Pick<AuditEntry, 'action' | 'tableName'>): AuditEntry {
  return { id: 1, at: '2027-03-01T09:15:00.000Z', actor: 'anne', rowId: '7', oldJson: null, newJson: null, note: null, subject: null, ...partial };
}

describe('the Logboek in words', () => {
  it('says which budget line changed and what, with labels, euros and no field keys', () => {
    const text = describeAuditEntry(
      entry({
        action: 'update',
        tableName: 'budget_line',
        oldJson: JSON.stringify({ expected_cents: 0, explanation: null }),
        newJson: JSON.stringify({ expected_cents: 1234500, explanation: 'Extra onderhoud na storm' }),
        subject: { cost_centre: 'OR01', account: '4300', account_name: 'Huisvesting', year: 2027 },
      }),
      dutch,
    );
    expect(text.what).toBe('Begrotingsregel gewijzigd');
    expect(text.subject).toBe('OR01 · 4300 Huisvesting');
    expect(text.changes).toEqual([
      { field: 'Nog te verwachten', before: '€ 0,00', after: '€ 12.345,00' },
      { field: 'Toelichting', before: '(leeg)', after: 'Extra onderhoud na storm' },
    ]);
    expect(text.summary).toBe('Nog te verwachten: € 0,00 → € 12.345,00; Toelichting: (leeg) → Extra onderhoud na storm');
  });

  it('names a deleted row from its stored values when it no longer exists', () => {
    const text = describeAuditEntry(
      entry({ action: 'delete', tableName: 'formation_position', oldJson: JSON.stringify({ id: 3, code: 'F-012', function_title: 'Toezichthouder', fte: 0.89, cost_centre: 'OR02', valid_from: '2027-01-01', valid_to: null, note: '', created_at: '2026-12-01T10:00:00Z' }) }),
      dutch,
    );
    expect(text.what).toBe('Formatieplaats verwijderd');
    expect(text.subject).toBe('F-012 Toezichthouder · OR02');
    expect(text.summary).toBe('Code: F-012; Functie: Toezichthouder; Fte: 0,89; Kostenplaats: OR02; Geldig vanaf: 01-01-2027');
  });

  it('lists an added row by its filled fields, dates as dd-mm-jjjj, and leaves ids, timestamps and hashes out', () => {
    const text = describeAuditEntry(
      entry({
        action: 'insert',
        tableName: 'assignment',
        newJson: JSON.stringify({ title: 'Inspectieplan bruggen', kind: 'detachering', ceiling_cents: 800000, start_date: '2027-01-01', end_date: '2027-03-31', import_batch_id: 5, deleted_at: null, created_at: '2026-12-07T13:58:38.620Z', budgetLines: [{ costCentre: 'OR01', account: '4200' }] }),
        subject: { code: 'OPD-2027-005', title: 'Inspectieplan bruggen' },
      }),
      dutch,
    );
    expect(text.what).toBe('Opdracht toegevoegd');
    expect(text.subject).toBe('OPD-2027-005 Inspectieplan bruggen');
    expect(text.summary).toBe('Titel: Inspectieplan bruggen; Soort: Detachering; Plafond: € 8.000,00; Begindatum: 01-01-2027; Einddatum: 31-03-2027; Begrotingsregels: OR01 · 4200');
  });

  it('describes an import in counts and euros, and drops the file checksum from the note', () => {
    const text = describeAuditEntry(
      entry({
        action: 'import',
        tableName: 'budget_line',
        newJson: JSON.stringify({ imported: 9, duplicates: 0, updated: 0, outsideDepartment: 36, rejected: 0, totalCents: 250097300, budgetLinesCreated: 9, revisionsAdded: 1 }),
        note: 'Begroting uit begroting-2027.csv (sha256 4bef1e4a2a71…)',
      }),
      dutch,
    );
    expect(text.what).toBe('Begroting geïmporteerd');
    expect(text.summary).toBe('9 regels, € 2.500.973,00 · niet van deze afdeling: 36 · begrotingsregels aangemaakt: 9 · begrotingswijzigingen toegevoegd: 1');
    expect(text.note).toBe('Begroting uit begroting-2027.csv');
  });

  it('gives a setting its label and a package its kind and period in words', () => {
    const setting = describeAuditEntry(entry({ action: 'settings', tableName: 'setting', rowId: 'varianceThresholdCents', oldJson: '2500000', newJson: '5000000' }), dutch);
    expect(setting).toMatchObject({ what: 'Instelling gewijzigd', subject: 'Rapportagegrens: bedrag', summary: 'Rapportagegrens: bedrag: € 25.000,00 → € 50.000,00' });
    const exported = describeAuditEntry(
      entry({ action: 'export', tableName: 'exchange_export', newJson: JSON.stringify({ kind: 'hr-summary', period: '2027-Q1', sequence: 1, file_name: 'OR-hr.wbx', payload_sha256: 'ab'.repeat(32), key_fingerprint: 'b51b7936d9f5336074edb279ede62a57eec2bd04bce18c493c57b9c12e0b83ec', sections_json: '["basis"]' }) }),
      dutch,
    );
    expect(exported.what).toBe('Pakket gemaakt');
    expect(exported.subject).toBe('HR-samenvatting · 1e kwartaal 2027 · volgnummer 1');
    expect(exported.summary).toBe('Soort: HR-samenvatting; Periode: 1e kwartaal 2027; Volgnummer: 1; Bestand: OR-hr.wbx; Vingerafdruk: b51b 7936 d9f5 3360 …');
  });

  it('speaks English when the UI does', () => {
    const text = describeAuditEntry(
      entry({ action: 'update', tableName: 'budget_line', oldJson: JSON.stringify({ expected_cents: 0 }), newJson: JSON.stringify({ expected_cents: 100 }), subject: { cost_centre: 'OR01', account: '4300', account_name: 'Huisvesting' } }),
      english,
    );
    expect(text).toMatchObject({ what: 'Budget line changed', summary: 'Still expected: € 0,00 → € 1,00' });
    expect(describeImportResult({ imported: 1, totalCents: 0 }, english)).toBe('1 line');
  });

  it('says what of an organisation-wide file was not the department’s, with its total in euros', () => {
    const summary = describeImportResult({ imported: 18, duplicates: 0, updated: 0, outsideDepartment: 58, outsideDepartmentCents: 5_000_000, unregistered: 2, rejected: 1, totalCents: 123_456 }, dutch);
    expect(summary).toBe('18 regels, € 1.234,56 · niet van deze afdeling: 58 · bedrag niet van deze afdeling: € 50.000,00 · onbekende kostenplaats (niet ingelezen): 2 · afgekeurd: 1');
  });

  it('formats values the Dutch way', () => {
    expect(formatValue('active', 1, dutch)).toBe('ja');
    expect(formatValue('percentage', 50, dutch)).toBe('50 %');
    expect(formatValue('periods', ['2027-Q1', '2027-Q2'], dutch)).toBe('1e kwartaal 2027, 2e kwartaal 2027');
    expect(formatValue('imported_at', '2027-01-05T08:30:00.000Z', dutch)).toMatch(/^05-01-2027 \d\d:30$/);
    expect(formatValue('sizeBytes', 3 * 1024 * 1024, dutch)).toBe('3,0 MB');
  });
});
