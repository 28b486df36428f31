/**
 * Text for a cell of a CSV or XLSX file that Werkboek writes. Every writer passes its text cells
 * through here (see docs/security.md, "Files that Werkboek writes"); pure, so the renderer's grid
 * exports use the same rules as the backend's.
 */

/**
 * A cell starting with one of these is read as a formula by Excel or LibreOffice when a CSV is opened
 * (or when an XLSX cell is edited and confirmed): `=HYPERLINK(...)` sends data away on a click,
 * `+cmd|' /C calc'!A0` starts a program through DDE, `@SUM(...)` is a formula in Lotus notation.
 * Tab and carriage return come first in some attacks so the cell looks empty.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A number written as text (`-12,50`, `-1.234,56`, `+3`, `-0.5`, `-1e5`): Excel reads it as the number
 * it is, which is harmless and what the reader expects, so it keeps its sign and gets no apostrophe.
 */
const NUMBER_TEXT = /^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+)(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;

/** The text would be taken for a formula by a spreadsheet program. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !NUMBER_TEXT.test(text);
}

/**
 * Formula injection: text that a spreadsheet would run as a formula gets the usual leading apostrophe
 * (`'=HYPERLINK(...)`), so it is shown as the text it is. Numbers written as text are left alone.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * Code points that XML 1.0 does not allow in a document (C0 controls other than tab, line feed and
 * carriage return; DEL and C1 controls are allowed but meaningless and dropped too; surrogates that
 * are not part of a pair; U+FFFE and U+FFFF) and the Unicode non-characters (U+FDD0–U+FDEF and the
 * last two code points of every plane). In an XLSX these make the sheet ill-formed XML, which Excel
 * "repairs" by throwing the sheet's content away.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** U+FFFD REPLACEMENT CHARACTER: the reader sees that something stood there. */
export const REPLACEMENT = '\uFFFD';

/** Replaces code points that cannot stand in XML text (see NOT_XML_TEXT) by U+FFFD. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_TEXT, REPLACEMENT);
}

/** A text cell of an XLSX file: safe XML, and never a formula. */
export function xlsxCellText(text: string): string {
  return neutraliseFormula(xmlSafeText(text));
}

/** A text field of a CSV file: never a formula (quoting for the delimiter is the writer's business). */
export function csvCellText(text: string): string {
  return neutraliseFormula(text);
}
