import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../shared/domain/workbook/audit-text.ts';
import type { AuditEntry } from '../../shared/domain/workbook/types.ts';
import { nl } from '../../shared/i18n/nl.ts';
import { wordsFrom, type Words } from '../../shared/i18n/translate.ts';
import { centralWorkbook, sampleDepartment } from '../helpers/exchange.ts';
import { sample, tempDir } from '../helpers/workbook.ts';

/** A translator that remembers which field labels it did not have (the Logboek then shows a made-up one). */
function recordingWords(): Words & { missing: Set<string> } {
  const words = wordsFrom(nl);
  const missing = new Set<string>();
  return {
    missing,
    t: words.t,
    has: (key) => {
      const found = words.has(key);
      if (!found && key.startsWith('audit.fields.')) missing.add(key.slice('audit.fields.'.length));
      return found;
    },
  };
}

function readAll(entries: AuditEntry[], words: Words): string[] {
  return entries.map((e) => {
    const text = describeAuditEntry(e, words);
    return [text.what, text.subject, text.summary, text.note, ...text.changes.flatMap((c) => [c.field, c.before ?? '', c.after ?? ''])].join(' | ');
  });
}

/** What a person must never read in the Logboek. */
function offences(line: string): string[] {
  const found: string[] = [];
  if (/\d{4}-\d{2}-\d{2}/.test(line)) found.push('ISO date');
  if (/\b[a-z]+_[a-z_]+\b/.test(line)) found.push('field key');
  if (/[{}[\]"]/.test(line.replace(/"[^"]*"/g, ''))) found.push('JSON');
  if (/undefined|null|NaN|\{\{/.test(line)) found.push('placeholder');
  return found;
}

describe('the Logboek of a realistic workbook reads as words', () => {
  it('every row of a department workbook after imports, edits and packages: labels, Dutch formats, which line', async () => {
    const dir = tempDir();
    const d = await sampleDepartment(dir, 'OR', 'Openbare Ruimte');
    try {
      const { client } = d;
      await client.import.commit({ kind: 'assignments', source: { path: sample('opdrachten-2027.csv') } });
      const summary = await client.budget.summary({ year: 2027 });
      const line = summary.lines.find((l) => l.costCentre === 'OR01' && l.account === '4300')!;
      await client.budget.updateLine({ id: line.id, patch: { expectedCents: 1234500, explanation: 'Extra onderhoud na storm' } });
      const revision = await client.budget.addRevision({ budgetLineId: line.id, date: '2027-02-01', amountCents: 500000, reason: 'Raadsbesluit' });
      await client.budget.deleteRevision({ id: revision.id });
      await client.budget.addCommitment({ budgetLineId: line.id, supplier: 'Groenbedrijf BV', amountCents: 250000, date: '2027-03-01' });
      const position = await client.formation.createPosition({ code: 'F-900', functionTitle: 'Toezichthouder', fte: 1, costCentre: 'OR02', validFrom: '2027-01-01' });
      await client.formation.updatePosition({ id: position.id, patch: { fte: 0.8 } });
      await client.formation.deletePosition({ id: position.id });
      await client.salary.setEntry({ validFrom: '2027-01-01', scale: 8, step: 3, monthlyCents: 345600 });
      const bottleneck = await client.bottlenecks.create({ title: 'Te weinig toezicht', category: 'formatie', signalledOn: '2027-02-03' });
      await client.bottlenecks.update({ id: bottleneck.id, patch: { impact: 'hoog', decisionDate: '2027-03-01' } });
      await client.bottlenecks.addAction({ id: bottleneck.id, date: '2027-03-02', text: 'Gesprek gepland' });
      const [employee] = await client.staff.employees({} as never);
      await client.staff.changeTerms({ employeeId: employee.id, validFrom: '2027-04-01', patch: { hoursPerWeek: 32 } });
      const sick = await client.absence.register({ employeeId: employee.id, firstDay: '2027-03-01', percentage: 100, today: '2027-03-02' } as never);
      await client.absence.changePercentage({ caseId: (sick as { id: number }).id, from: '2027-03-10', percentage: 50, today: '2027-03-11' } as never);
      await client.workbook.updateSettings({ varianceThresholdCents: 5_000_000 } as never);
      await client.exchange.createKey({});
      await client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'OR-fin.wbx') });
      await client.exchange.publicKeyFile({ path: path.join(dir, 'OR.wbkey') });
      await client.workbook.openYear({ year: 2028, budget: 'copy' });

      const words = recordingWords();
      const audit = await client.workbook.audit({ limit: 1000, offset: 0 });
      const lines = readAll(audit.entries, words);
      expect(words.missing, 'fields without a label').toEqual(new Set());
      expect(lines.map((l) => [l, offences(l)]).filter(([, o]) => (o as string[]).length > 0)).toEqual([]);

      const changed = describeAuditEntry(audit.entries.find((e) => e.action === 'update' && e.tableName === 'budget_line')!, words);
      expect(changed).toMatchObject({ what: 'Begrotingsregel gewijzigd', subject: 'OR01 · 4300 Huisvesting', summary: 'Nog te verwachten: € 0,00 → € 12.345,00; Toelichting: (leeg) → Extra onderhoud na storm' });
      const deleted = describeAuditEntry(audit.entries.find((e) => e.action === 'delete' && e.tableName === 'formation_position')!, words);
      expect(deleted.subject).toBe('F-900 Toezichthouder · OR02');
      const budgetImport = describeAuditEntry(audit.entries.find((e) => e.action === 'import' && e.tableName === 'budget_line')!, words);
      expect(budgetImport.what).toBe('Begroting geïmporteerd');
      expect(budgetImport.summary).toMatch(/^9 regels, € 2\.500\.973,00 · /);
      const yearOpened = describeAuditEntry(audit.entries.find((e) => e.action === 'open-year')!, words);
      expect(yearOpened).toMatchObject({ what: 'Nieuw boekjaar geopend', subject: '2028' });
      expect(yearOpened.summary).toContain('Begroting van het nieuwe jaar: met de actuele begroting van het vorige jaar');

      // The central side: registering, importing and reviewing a package.
      const central = await centralWorkbook(dir, 'central-finance');
      try {
        await central.client.central.registerDepartment({ code: 'OR', key: { path: path.join(dir, 'OR.wbkey') } });
        await central.client.central.import({ sources: [{ path: path.join(dir, 'OR-fin.wbx') }] });
        const [pkg] = await central.client.central.packages({});
        await central.client.central.review({ packageId: pkg.id, status: 'question', note: 'Waarom is 4300 zo hoog?' });
        const centralAudit = await central.client.workbook.audit({ limit: 1000, offset: 0 });
        const centralLines = readAll(centralAudit.entries, words);
        expect(words.missing, 'fields without a label').toEqual(new Set());
        expect(centralLines.map((l) => [l, offences(l)]).filter(([, o]) => (o as string[]).length > 0)).toEqual([]);
        const imported = describeAuditEntry(centralAudit.entries.find((e) => e.action === 'import')!, words);
        expect(imported).toMatchObject({ what: 'Pakket ingelezen', subject: 'OR Openbare Ruimte · financiële samenvatting · 1e kwartaal 2027 · volgnummer 1' });
      } finally {
        central.session.close();
      }
    } finally {
      d.session.close();
    }
  });
});
