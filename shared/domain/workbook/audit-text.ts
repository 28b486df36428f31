import { formatFingerprint } from '../../exchange/types.ts';
import { formatCents, formatDate, formatDateTime, formatNumber, formatPeriod } from '../../format/nl.ts';
import type { Words } from '../../i18n/translate.ts';
import type { AuditEntry } from './types.ts';

/**
 * The Logboek in words: what happened (“Begrotingsregel gewijzigd”), to which row (“OR01 · 4300
 * Huisvesting”), and each change as label: old → new in Dutch formats. The audit log itself keeps the
 * stored values (column names, cents, ISO dates); this turns them into what a person reads, with the
 * texts of shared/i18n (audit.*), so the same code serves Dutch and English.
 */

export interface ChangeText {
  field: string;
  /** null: the row was added (no old value). */
  before: string | null;
  /** null: the row was deleted (no new value). */
  after: string | null;
}

export interface AuditText {
  /** “Begrotingsregel gewijzigd”, “Begroting geïmporteerd”. */
  what: string;
  /** Which row, in words; '' when nothing identifies it. */
  subject: string;
  /** Every change, for the detail view. */
  changes: ChangeText[];
  /** The changes on one line, for the list. */
  summary: string;
  /** The note, without technical tails such as a file checksum. */
  note: string;
}

/** Stored fields no person needs to read: ids, timestamps of the row itself, hashes and keys. */
const TECHNICAL = new Set([
  'id',
  'created_at',
  'updated_at',
  'deleted_at',
  'import_batch_id',
  'content_hash',
  'row_key',
  'payload_sha256',
  'package_sha256',
  'public_key',
  'protected_private_key',
  'protector',
  'sections_json',
  'envelope_json',
  'workbook_id',
  'created_by_app',
  'format_version',
  'actor',
  'employee_id',
  'assignment_id',
  'case_id',
  'case_row_id',
  'bottleneck_id',
  'package_id',
  'staff_id',
  'superseded_by',
  'position',
  'archived_at',
]);

const BOOLEAN_FIELDS = new Set(['active', 'safety_net', 'occupational_accident', 'liable_third_party', 'explanation_required', 'no_position']);
const FINGERPRINTS = new Set(['fingerprint', 'key_fingerprint']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** The columns the subject templates name (audit.subjects.*): all of them are passed, empty when unknown. */
const SUBJECT_FIELDS = [
  'cost_centre', 'account', 'account_name', 'date', 'supplier', 'code', 'name', 'personnel_number', 'valid_from', 'function_title', 'scale', 'step', 'case_number',
  'first_day', 'from_date', 'identifier', 'title', 'indicator', 'reference_group', 'year', 'kind', 'period', 'sequence', 'fingerprint', 'key',
];

/** Where the words for a stored code live, per table and field (the areas' own texts, so the Logboek says what their pages say). */
const VALUE_WORDS: Record<string, string> = {
  'assignment.kind': 'assignments.kinds',
  'assignment.status': 'assignments.statuses',
  'assignment_moment.kind': 'assignments.momentKinds',
  'assignment_moment.outcome': 'assignments.outcomes',
  'assignment_department_link.relation': 'assignments.relations',
  'bottleneck.category': 'bottlenecks.categories',
  'bottleneck.impact': 'bottlenecks.levels',
  'bottleneck.urgency': 'bottlenecks.levels',
  'bottleneck.status': 'bottlenecks.statuses',
  'bottleneck.confidentiality': 'bottlenecks.confidentialityLevels',
  'bottleneck.escalated_to': 'bottlenecks.targets',
  'bottleneck_link.link_type': 'bottlenecks.linkTypes',
  'bottleneck_link.relation': 'bottlenecks.relations',
  'absence_case.kind': 'absence.kinds',
  'benchmark.indicator': 'benchmarks.indicators',
};

/** departmentCode → department_code: the camelCase keys of some audit rows and the stored columns share one label. */
export function fieldKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function humanise(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of a stored field or an API key (audit.fields, else a setting's label), or null when the catalogue has none. */
export function knownFieldLabel(key: string, words: Words): string | null {
  const normal = fieldKey(key);
  if (words.has(`audit.fields.${normal}`)) return words.t(`audit.fields.${normal}`);
  if (words.has(`audit.settings.${key}`)) return words.t(`audit.settings.${key}`);
  return null;
}

export function fieldLabel(key: string, words: Words): string {
  return knownFieldLabel(key, words) ?? humanise(fieldKey(key));
}

function shortFingerprint(hex: string): string {
  return `${formatFingerprint(hex.slice(0, 16))} …`;
}

/** One stored value as a person reads it: € 1.234,56, 31-12-2026, ja/nee, a label for a code. */
export function formatValue(key: string, value: unknown, words: Words, table = ''): string {
  const field = fieldKey(key);
  const group = VALUE_WORDS[`${table}.${field}`];
  if (group && typeof value === 'string' && words.has(`${group}.${value}`)) return words.t(`${group}.${value}`);
  if (value === null || value === undefined || value === '') return words.t('audit.empty');
  if (typeof value === 'boolean') return words.t(value ? 'audit.yes' : 'audit.no');
  if (BOOLEAN_FIELDS.has(field) && (value === 0 || value === 1)) return words.t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'number') {
    if (field.endsWith('_cents')) return formatCents(value);
    // A year is a name, not an amount: 2028, never 2.028.
    if (field === 'year' || field.endsWith('_year')) return String(value);
    if (field === 'size_bytes') return value >= 1024 * 1024 ? `${formatNumber(value / 1024 / 1024, 1)} MB` : `${formatNumber(Math.max(1, Math.round(value / 1024)))} kB`;
    if (field === 'percentage' || field.endsWith('_percent')) return `${formatNumber(value, Number.isInteger(value) ? 0 : 1)} %`;
    return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  }
  if (typeof value === 'string') {
    if (FINGERPRINTS.has(field) && /^[0-9a-f]{64}$/.test(value)) return shortFingerprint(value);
    if (words.has(`audit.values.${field}.${value}`)) return words.t(`audit.values.${field}.${value}`);
    if (field === 'period') return formatPeriod(value);
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_TIME.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return words.t('audit.empty');
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map((v) => (field === 'periods' ? formatPeriod(String(v)) : String(v))).join(', ');
    const named = value.map((v) => {
      const item = v as Record<string, unknown>;
      if (typeof item?.costCentre === 'string' && typeof item?.account === 'string') return `${item.costCentre} · ${item.account}`;
      if (typeof item?.code === 'string') return item.code;
      return null;
    });
    return named.every(Boolean) ? named.join(', ') : words.t('audit.items', { count: value.length });
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !TECHNICAL.has(fieldKey(k)))
      .map(([k, v]) => `${fieldLabel(k, words)}: ${formatValue(k, v, words, table)}`)
      .join(', ');
  }
  return String(value);
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function subjectValue(key: string, value: unknown, words: Words, table = ''): string {
  if (value === null || value === undefined || value === '') return '';
  if (key === 'key' && typeof value === 'string') return words.has(`audit.settings.${value}`) ? words.t(`audit.settings.${value}`) : humanise(fieldKey(value));
  return formatValue(key, value, words, table);
}

/** “OR01 · 4300 Huisvesting”: the row's subject template filled from what identifies it now, else from its stored values. */
function subjectText(entry: AuditEntry, oldValue: unknown, newValue: unknown, words: Words): string {
  const table = entry.tableName;
  if (!words.has(`audit.subjects.${table}`)) return '';
  const stored = { ...(isRecord(oldValue) ? oldValue : {}), ...(isRecord(newValue) ? newValue : {}) };
  const source: Record<string, unknown> = entry.subject ?? Object.fromEntries(Object.entries(stored).map(([k, v]) => [fieldKey(k), v]));
  if (table === 'setting' && entry.rowId) source.key = entry.rowId;
  if ((table === 'closed_year' || table === 'workbook_year') && entry.rowId) source.year = entry.rowId;
  if (table === 'central_period' && entry.rowId && !source.period) source.period = entry.rowId;
  const params = Object.fromEntries(SUBJECT_FIELDS.map((key) => [key, subjectValue(key, source[key], words, table)]));
  if (!SUBJECT_FIELDS.some((key) => params[key] !== '')) return '';
  return tidy(words.t(`audit.subjects.${table}`, params));
}

/** Drops what is left of a template whose values were unknown: empty “ · ” parts, “()”, double spaces. */
function tidy(text: string): string {
  return text
    .replace(/\(\s*\)/g, '')
    .split(' · ')
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' · ');
}

function whatText(entry: AuditEntry, words: Words): string {
  const special = `audit.specials.${entry.action.replace(/-/g, '_')}_${entry.tableName}`;
  if (words.has(special)) return words.t(special);
  const thingKey = entry.action === 'import' && words.has(`audit.imported.${entry.tableName}`) ? `audit.imported.${entry.tableName}` : `audit.things.${entry.tableName}`;
  const thing = words.has(thingKey) ? words.t(thingKey) : words.t('audit.things.other');
  const action = words.has(`audit.actions.${entry.action}`) ? entry.action : 'other';
  return words.t(`audit.actions.${action}`, { thing, action: entry.action });
}

function changesOf(entry: AuditEntry, oldValue: unknown, newValue: unknown, words: Words): ChangeText[] {
  const settingLabel = () => subjectValue('key', entry.rowId, words);
  if (!isRecord(oldValue) && !isRecord(newValue)) {
    if (oldValue === null && newValue === null) return [];
    const field = entry.tableName === 'setting' ? settingLabel() : words.t('audit.fields.value');
    const key = entry.tableName === 'setting' ? fieldKey(entry.rowId ?? '') : 'value';
    return [{ field, before: oldValue === null ? null : formatValue(key, oldValue, words, entry.tableName), after: newValue === null ? null : formatValue(key, newValue, words, entry.tableName) }];
  }
  const before = isRecord(oldValue) ? oldValue : null;
  const after = isRecord(newValue) ? newValue : null;
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])].filter((k) => !TECHNICAL.has(fieldKey(k)));
  const changes: ChangeText[] = [];
  for (const key of keys) {
    const was = before && key in before ? before[key] : undefined;
    const now = after && key in after ? after[key] : undefined;
    // A row added or removed lists only the fields that hold something.
    if (!before && (now === null || now === '' || now === undefined)) continue;
    if (!after && (was === null || was === '' || was === undefined)) continue;
    const beforeText = before ? formatValue(key, was, words, entry.tableName) : null;
    const afterText = after ? formatValue(key, now, words, entry.tableName) : null;
    if (before && after && beforeText === afterText) continue;
    changes.push({ field: fieldLabel(key, words), before: beforeText, after: afterText });
  }
  return changes;
}

/** Import counts in one line: “9 regels, € 2.500.973,00 · andere afdeling (overgeslagen): 36”. */
export function describeImportResult(result: Record<string, unknown>, words: Words): string {
  const imported = typeof result.imported === 'number' ? result.imported : 0;
  const total = typeof result.totalCents === 'number' ? result.totalCents : 0;
  const head = words.t('audit.importSummary.lines', { count: imported }) + (total !== 0 ? `, ${formatCents(total)}` : '');
  const rest = Object.entries(result)
    .filter(([key, value]) => key !== 'imported' && key !== 'totalCents' && typeof value === 'number' && value !== 0)
    .map(([key, value]) => `${fieldLabel(key, words).toLowerCase()}: ${key.endsWith('Cents') ? formatCents(value as number) : formatNumber(value as number)}`);
  return [head, ...rest].join(' · ');
}

function summaryOf(entry: AuditEntry, changes: ChangeText[], newValue: unknown, words: Words): string {
  if (entry.action === 'import' && entry.tableName !== 'central_package' && isRecord(newValue)) return describeImportResult(newValue, words);
  return changes
    .map((c) => {
      if (c.before === null) return `${c.field}: ${c.after}`;
      if (c.after === null) return `${c.field}: ${c.before}`;
      return `${c.field}: ${c.before} → ${c.after}`;
    })
    .join('; ');
}

export function describeAuditEntry(entry: AuditEntry, words: Words): AuditText {
  const oldValue = parse(entry.oldJson);
  const newValue = parse(entry.newJson);
  const changes = changesOf(entry, oldValue, newValue, words);
  const note = (entry.note ?? '').replace(/\s*\(sha256 [0-9a-f]+…?\)/, '');
  return { what: whatText(entry, words), subject: subjectText(entry, oldValue, newValue, words), changes, summary: summaryOf(entry, changes, newValue, words), note };
}
