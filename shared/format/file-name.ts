/** A file name from a title a person reads: "Salaristabel per 01-01-2027" → salaristabel-per-01-01-2027.xlsx. */
export function fileNameFromTitle(title: string, extension: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'tabel'}.${extension}`;
}
