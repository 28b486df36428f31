import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { werkboek } from '../helpers/cli.ts';
import { tempDir, writeTemp } from '../helpers/workbook.ts';

/** Scripts of HR and finance read `outsideDepartment` (public contract): every kind reports it, with its total. */
describe('werkboek import --json on organisation-wide files', () => {
  const dir = tempDir();
  const env = { WERKBOEK_DATA_DIR: path.join(dir, 'data') };
  const file = path.join(dir, 'or.werkboek');

  it('reports other departments’ rows as outsideDepartment and an unregistered cost centre apart, never as rejected', () => {
    expect(werkboek(['create', file, '--org', 'Gemeente Voorbeeld', '--department', 'OR', '--name', 'Openbare Ruimte', '--year', '2027', '--cost-centres', 'OR01,OR02,OR03'], env).status).toBe(0);
    const ledger = writeTemp(
      dir,
      'grootboek-organisatie.csv',
      ['Boekdatum;Kostenplaats;Grootboekrekening;Bedrag', '05-01-2027;OR01;4300;1.000,00', '31-02-2027;BZ01;4300;200,00', '06-01-2027;SD01;4300;(50,00)', '07-01-2027;OR04;4300;12,50'].join('\r\n'),
    );
    const result = werkboek(['import', file, '--kind', 'ledger', ledger, '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.json()).toMatchObject({
      imported: 1,
      outsideDepartment: 2,
      outsideDepartmentCents: 15_000,
      unregistered: 1,
      unregisteredCostCentres: [{ code: 'OR04', rows: 1, totalCents: 1_250 }],
      rejectedCount: 0,
      rejected: [],
    });

    const staff = writeTemp(dir, 'personeel-organisatie.csv', ['Personeelsnummer;Achternaam;Uren per week;Datum in dienst;Kostenplaats', '1001;Jansen;36;01-01-2020;OR01', '2001;Bakker;99;01-01-2020;BZ01'].join('\r\n'));
    const staffJson = werkboek(['import', file, '--kind', 'staff', staff, '--option', 'referenceDate=01-01-2027', '--json'], env).json();
    expect(staffJson).toMatchObject({ kind: 'staff', imported: 1, outsideDepartment: 1, outsideDepartmentCents: 0, rejectedCount: 0 });

    const absence = writeTemp(dir, 'verzuim-organisatie.csv', ['Personeelsnummer;Verzuimgeval;Ingangsdatum;Einddatum', '1001;V1;01-02-2027;05-02-2027', '2001;V2;10-02-2027;05-02-2027'].join('\r\n'));
    const absenceJson = werkboek(['import', file, '--kind', 'absence', absence, '--json'], env).json();
    expect(absenceJson).toMatchObject({ kind: 'absence', imported: 1, outsideDepartment: 1, rejectedCount: 0 });
  });

  it('says so in the summary for people, with the total and what to do about an unregistered cost centre', () => {
    const ledger = writeTemp(dir, 'grootboek-2.csv', ['Boekdatum;Kostenplaats;Kostenplaats omschrijving;Grootboekrekening;Bedrag', '05-02-2027;BZ01;Burgerzaken;4300;200,00', '07-02-2027;OR04;Wijkbeheer;4300;12,50'].join('\r\n'));
    const result = werkboek(['import', file, '--kind', 'ledger', ledger, '--dry-run'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('niet van deze afdeling: 1, afgekeurd: 0');
    expect(result.stdout).toContain('totaal niet van deze afdeling: € 200,00 (1 regel, niet geïmporteerd)');
    expect(result.stdout).toContain('kostenplaats OR04 (Wijkbeheer) begint met de afdelingscode maar staat niet in de lijst van kostenplaatsen: 1 regel, € 12,50');
  });
});
