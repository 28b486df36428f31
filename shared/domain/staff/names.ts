/**
 * Dutch names have a tussenvoegsel (van, van der, de, ten …) that is part of the surname for display
 * but not for sorting: "Thijs van den Berg" sorts under B, as "Berg, Thijs van den". Employees are
 * matched across files on their personnel number only, never on names.
 */

export interface NameParts {
  firstName: string;
  infix: string;
  lastName: string;
}

const squash = (parts: string[]) => parts.map((p) => p.trim()).filter((p) => p !== '').join(' ');

/** "Thijs van den Berg" */
export function displayName(name: NameParts): string {
  return squash([name.firstName, name.infix, name.lastName]);
}

/** "Berg, Thijs van den": the form of lists sorted on surname. */
export function sortName(name: NameParts): string {
  const rest = squash([name.firstName, name.infix]);
  return rest ? `${name.lastName.trim()}, ${rest}` : name.lastName.trim();
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Surname without tussenvoegsel, then first name, then tussenvoegsel; accents do not change the order. */
export function compareNames(a: NameParts, b: NameParts): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || collator.compare(a.infix, b.infix);
}

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Search as an HR officer types: the start of the surname without tussenvoegsel ("berg"), of the first
 * name, of the personnel number, or of the full name ("thijs van", "van den berg" — a tussenvoegsel
 * only counts when typed as a word of its own followed by more, so "v" does not find every "van").
 */
export function matchesNameSearch(name: NameParts & { personnelNumber?: string }, query: string): boolean {
  const q = foldForSearch(query);
  if (q === '') return true;
  const last = foldForSearch(name.lastName);
  const first = foldForSearch(name.firstName);
  const infix = foldForSearch(name.infix);
  if (last.startsWith(q) || first.startsWith(q)) return true;
  if (name.personnelNumber && foldForSearch(name.personnelNumber).startsWith(q)) return true;
  if (foldForSearch(sortName(name)).startsWith(q)) return true;
  if (q.includes(' ')) {
    if (infix && `${infix} ${last}`.startsWith(q)) return true;
    if (foldForSearch(displayName(name)).startsWith(q)) return true;
  }
  return false;
}
