import { describe, expect, it } from 'vitest';
import { bounds, contains, everything, extend, size, wholeRows } from '../../../renderer/src/components/cell-range.ts';
import { isBlock, parseHtmlTable, parseTabText, readClipboardBlock, writeHtmlTable, writeTabText } from '../../../renderer/src/components/clipboard.ts';
import { planPaste, type PasteColumn } from '../../../renderer/src/components/paste-plan.ts';
import { readCell, decideBlockReading, type CellKind } from '../../../renderer/src/components/paste-values.ts';

describe('tab-separated text from a spreadsheet', () => {
  it('splits rows on line breaks and cells on tabs, without an extra row for the final line break', () => {
    expect(parseTabText('a\tb\tc\r\nd\te\tf\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(parseTabText('één')).toEqual([['één']]);
  });

  it('keeps empty cells where they are, at the start, in the middle and at the end of a row', () => {
    expect(parseTabText('\tx\t\t\n\t\t\ty\n')).toEqual([
      ['', 'x', '', ''],
      ['', '', '', 'y'],
    ]);
  });

  it('reads a quoted cell with line breaks and doubled quotes as one cell', () => {
    const text = 'Groen BV\t"Maaien\nen ""snoeien""\nvan bermen"\t1.234,56\nBomen BV\tKap\t99,00\n';
    expect(parseTabText(text)).toEqual([
      ['Groen BV', 'Maaien\nen "snoeien"\nvan bermen', '1.234,56'],
      ['Bomen BV', 'Kap', '99,00'],
    ]);
  });

  it('leaves quotes that do not quote a cell as text', () => {
    expect(parseTabText('17" scherm\t"Hallo" zei ze\n"open')).toEqual([['17" scherm', '"Hallo" zei ze'], ['"open']]);
  });

  it('tells a block of cells from one value', () => {
    expect(isBlock(parseTabText('a\tb'))).toBe(true);
    expect(isBlock(parseTabText('a\nb'))).toBe(true);
    expect(isBlock(parseTabText('1.234,56\n'))).toBe(false);
  });
});

describe('an HTML table from Excel, LibreOffice or a web page', () => {
  const excel = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><style><!--td {mso-number-format:General}--></style></head>
    <body><!--StartFragment--><table border=0 cellpadding=0 cellspacing=0 width=300>
    <col width=100 span=3>
    <tr height=20><td height=20 class=xl65>Groen&nbsp;BV</td><td class=xl66>Maaien<br style='mso-data-placement:same-cell' />
      en snoeien</td><td align=right x:num="1234.56">1.234,56</td></tr>
    <tr><td>Bomen &amp; Co</td><td></td><td align=right>&euro; -99,00</td></tr>
    <!--EndFragment--></table></body></html>`;

  it('reads the cells, with line breaks only where the cell has them and entities decoded', () => {
    expect(parseHtmlTable(excel)).toEqual([
      ['Groen BV', 'Maaien\nen snoeien', '1.234,56'],
      ['Bomen & Co', '', '€ -99,00'],
    ]);
  });

  it('keeps columns in place under merged cells (colspan and rowspan)', () => {
    const html = '<table><tr><th colspan="2">Kop</th><td>c</td></tr><tr><td rowspan=2>a</td><td>b</td><td>c</td></tr><tr><td>x</td><td>y</td></tr></table>';
    expect(parseHtmlTable(html)).toEqual([
      ['Kop', '', 'c'],
      ['a', 'b', 'c'],
      ['', 'x', 'y'],
    ]);
  });

  it('has no table when the fragment has none', () => {
    expect(parseHtmlTable('<p>Alleen tekst</p>')).toBeNull();
  });

  it('prefers the table over the text, and falls back to the text', () => {
    expect(readClipboardBlock({ html: excel, text: 'anders' })?.[0]).toEqual(['Groen BV', 'Maaien\nen snoeien', '1.234,56']);
    expect(readClipboardBlock({ html: '<b>x</b>', text: 'a\tb' })).toEqual([['a', 'b']]);
    expect(readClipboardBlock({ text: '' })).toBeNull();
  });
});

describe('cells read as the importers read them', () => {
  const read = (text: string, kind: CellKind) => {
    const result = readCell(text, kind);
    return result.ok ? result.value : `fout: ${result.reason}`;
  };

  it('reads Dutch amounts in cents: grouping, sign, euro sign, accounting notation', () => {
    const money: CellKind = { type: 'money' };
    expect(read('1.234,56', money)).toBe(123456);
    expect(read('-1.234,56', money)).toBe(-123456);
    expect(read('€ 1.234,56', money)).toBe(123456);
    expect(read('€ -1.234,56', money)).toBe(-123456);
    expect(read('(1.234,56)', money)).toBe(-123456);
    expect(read('1.234,56-', money)).toBe(-123456);
    expect(read('12', money)).toBe(1200);
    expect(read('twaalf', money)).toMatch(/^fout: "twaalf" is geen bedrag/);
    expect(read('', money)).toBe('fout: waarde ontbreekt');
    expect(read('', { type: 'money', nullable: true })).toBeNull();
  });

  it('decides the decimal mark for the whole block, never per cell', () => {
    const english = decideBlockReading(['1,234.56', '99.00']);
    expect(english.decimalMark).toBe('.');
    expect(readCell('1,234.56', { type: 'money' }, english)).toEqual({ ok: true, value: 123456 });
    // Nothing decides "12,500": refused as the importer refuses it, never guessed.
    const undecided = decideBlockReading(['12,500']);
    expect(readCell('12,500', { type: 'money' }, undecided)).toMatchObject({ ok: false, reason: expect.stringContaining('niet eenduidig') });
  });

  it('reads dates dd-mm-jjjj and the two-digit years a spreadsheet shows', () => {
    const date: CellKind = { type: 'date' };
    expect(read('31-12-2027', date)).toBe('2027-12-31');
    expect(read('31-12-27', date)).toBe('2027-12-31');
    expect(read('1-2-2027', date)).toBe('2027-02-01');
    expect(read('2027-12-31', date)).toBe('2027-12-31');
    expect(read('31-02-2027', date)).toMatch(/bestaat niet/);
    expect(read('', { type: 'date', nullable: true })).toBeNull();
  });

  it('reads numbers, yes and no, choices by value or label, and codes in capitals', () => {
    expect(read('0,8', { type: 'decimal' })).toBe(0.8);
    expect(read('6,1 %', { type: 'decimal', percent: true })).toBe(6.1);
    expect(read('ja', { type: 'boolean' })).toBe(true);
    expect(read('ONWAAR', { type: 'boolean' })).toBe(false);
    expect(read('', { type: 'boolean' })).toBe(false);
    expect(read('misschien', { type: 'boolean' })).toMatch(/geen ja of nee/);
    const kinds: CellKind = { type: 'choice', options: [{ value: 'zzp', label: 'ZZP' }, { value: 'inhuurbureau', label: 'Inhuurbureau' }] };
    expect(read('zzp', kinds)).toBe('zzp');
    expect(read(' inhuurbureau ', kinds)).toBe('inhuurbureau');
    expect(read('detachering', kinds)).toBe('fout: "detachering" is geen van: ZZP, Inhuurbureau');
    expect(read(' or01 ', { type: 'code' })).toBe('OR01');
    expect(read('  tekst  ', { type: 'text' })).toBe('tekst');
    // Text that looks like a formula comes back as it was copied out (with the spreadsheet's apostrophe), and only that.
    expect(read('\'=HYPERLINK("x")', { type: 'text' })).toBe('=HYPERLINK("x")');
    expect(read('\'s-Hertogenbosch', { type: 'text' })).toBe('\'s-Hertogenbosch');
  });
});

describe('a pasted block planned onto a grid', () => {
  type Row = { id: number; costCentre: string; supplier: string; amountCents: number; date: string; status: string };
  const columns: PasteColumn[] = [
    { colId: 'costCentre', header: 'Kostenplaats', kind: { type: 'code' }, createField: 'costCentre' },
    { colId: 'supplier', header: 'Leverancier', kind: { type: 'text' }, field: 'supplier', createField: 'supplier' },
    { colId: 'amountCents', header: 'Bedrag', kind: { type: 'money' }, field: 'amountCents', createField: 'amountCents' },
    { colId: 'date', header: 'Datum', kind: { type: 'date' }, field: 'date', createField: 'date' },
    { colId: 'forecast', header: 'Prognose', kind: { type: 'money' } },
  ];
  const rows: Row[] = [
    { id: 10, costCentre: 'OR01', supplier: 'Groen BV', amountCents: 100, date: '2027-01-01', status: 'open' },
    { id: 11, costCentre: 'OR01', supplier: 'Bomen BV', amountCents: 200, date: '2027-01-02', status: 'open' },
  ];

  it('fills from the focused cell right and down, adds rows past the end, and leaves out a row with a refused cell whole', () => {
    const block = parseTabText(['Leverancier\tBedrag\tDatum', 'Groen BV\t1.234,56\t31-12-27', 'Fout BV\tveel\t01-03-2027', 'Nieuw BV\t€ 10,00\t02-03-2027\t99,00\textra', ''].join('\n'));
    const plan = planPaste(block, { columns, rows, startRow: 0, startColumn: 1, newRows: true, rowLabel: (r) => r.supplier });
    expect(plan.headerSkipped).toBe(true);
    expect(plan.updates).toEqual([{ id: 10, blockRow: 2, target: 'Groen BV', before: { amountCents: 100, date: '2027-01-01' }, after: { amountCents: 123456, date: '2027-12-31' }, texts: { supplier: 'Groen BV', amountCents: '1.234,56', date: '31-12-27' } }]);
    expect(plan.refused).toEqual([{ blockRow: 3, target: 'Bomen BV', column: 'Bedrag', value: 'veel', reason: '"veel" is geen bedrag' }]);
    expect(plan.creates).toEqual([{ blockRow: 4, fields: { supplier: 'Nieuw BV', amountCents: 1000, date: '2027-03-02' }, texts: { supplier: 'Nieuw BV', amountCents: '€ 10,00', date: '02-03-2027' } }]);
    expect(plan.skippedColumns).toEqual(['Prognose']);
    expect(plan.outsideCells).toBe(1);
    expect(plan.cells).toBe(5);
  });

  it('refuses a row past the end where the grid adds no rows, and a changed identity on an existing row', () => {
    const block = parseTabText('OR02\tGroen BV\nOR01\tBomen BV\nOR01\tNieuw BV');
    const plan = planPaste(block, { columns, rows, startRow: 0, startColumn: 0, newRows: 'Hier worden geen regels toegevoegd.' });
    expect(plan.refused).toEqual([
      { blockRow: 1, target: 'regel 1', column: 'Kostenplaats', value: 'OR02', reason: 'Kostenplaats kan in de tabel niet worden gewijzigd (de regel heeft OR01)' },
      { blockRow: 3, target: 'nieuwe regel', column: '—', value: 'OR01 | Nieuw BV', reason: 'Hier worden geen regels toegevoegd.' },
    ]);
    expect(plan.updates).toEqual([]);
  });
});

describe('copying a block out', () => {
  const block = [
    ['Groen BV', 'Maaien\nen "snoeien"', '1.234,56', '31-12-2027'],
    ['', 'a\tb', '-99,00', ''],
  ];

  it('writes tab-separated text that reads back as the same cells', () => {
    const text = writeTabText(block);
    expect(text).toBe('Groen BV\t"Maaien\nen ""snoeien"""\t1.234,56\t31-12-2027\r\n\t"a\tb"\t-99,00\t\r\n');
    expect(parseTabText(text)).toEqual(block);
  });

  it('writes an HTML table that reads back as the same cells, line breaks kept within their cell', () => {
    const html = writeHtmlTable([['<b>&</b>', 'x\ny']]);
    expect(html).toContain('<td>&lt;b&gt;&amp;&lt;/b&gt;</td>');
    expect(parseHtmlTable(html)).toEqual([['<b>&</b>', 'x\ny']]);
  });
});

describe('a range of cells chosen with the keyboard', () => {
  const limits = { rows: 5, columns: 4 };
  it('grows from the focused cell with Shift+arrows and stays within the grid', () => {
    let range = extend(null, { row: 1, column: 1 }, 'ArrowRight', limits);
    range = extend(range, { row: 1, column: 2 }, 'ArrowDown', limits);
    expect(range).toEqual({ anchor: { row: 1, column: 1 }, end: { row: 2, column: 2 } });
    expect(size(range)).toEqual({ rows: 2, columns: 2 });
    expect(contains(range, 2, 1)).toBe(true);
    expect(contains(range, 3, 1)).toBe(false);
    range = extend(range, range.end, 'ArrowLeft', limits);
    range = extend(range, range.end, 'ArrowLeft', limits);
    range = extend(range, range.end, 'ArrowLeft', limits);
    expect(bounds(range)).toEqual({ top: 1, bottom: 2, left: 0, right: 1 });
    expect(extend(range, range.end, 'ArrowDown', limits, true).end).toEqual({ row: 4, column: 0 });
  });

  it('takes whole rows with Shift+Space, and every cell with Ctrl+A', () => {
    const range = extend(null, { row: 3, column: 2 }, 'ArrowUp', limits);
    expect(bounds(wholeRows(range, { row: 2, column: 2 }, 4))).toEqual({ top: 2, bottom: 3, left: 0, right: 3 });
    expect(bounds(everything(limits))).toEqual({ top: 0, bottom: 4, left: 0, right: 3 });
  });
});
