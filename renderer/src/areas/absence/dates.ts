import { localToday } from '../../../../shared/domain/absence/days.ts';
import { parseDate } from '../../../../shared/import/values.ts';

/** The user's today (their own calendar), sent with every absence call so the backend and the screen agree. */
export function userToday(): string {
  return localToday();
}

/** A date typed as dd-mm-jjjj (or ISO) → ISO, or a Dutch reason. */
export function readDate(text: string, label: string): { ok: true; value: string } | { ok: false; reason: string } {
  const parsed = parseDate(text);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: `${label}: ${parsed.reason}` };
}

/** A percentage typed as "50", "37,5" or "50 %". */
export function readPercentage(text: string, label: string): { ok: true; value: number } | { ok: false; reason: string } {
  const value = Number(text.replace('%', '').trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value)) return { ok: false, reason: `${label}: "${text}" is geen getal` };
  if (value < 1 || value > 100) return { ok: false, reason: `${label}: ${text} ligt niet tussen 1 en 100` };
  return { ok: true, value };
}
