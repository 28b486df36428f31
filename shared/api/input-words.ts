import { knownFieldLabel } from '../domain/workbook/audit-text.ts';
import type { Words } from '../i18n/translate.ts';

/**
 * Invalid input in words: which field (by the label people see, never the API key or a JSON path) and
 * what is wrong with it, in plain Dutch instead of zod's "verwacht string, ontving undefined". The router
 * answers invalid_input with this message and with `details.fields` ({ label, message }), so a form can
 * mark the field it names (renderer/src/components/forms.tsx).
 */

/** The parts of a zod issue these texts read (zod 4's issue shapes). */
export interface InputIssue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  keys?: string[];
}

const n = (value: number | bigint | undefined) => String(value ?? '');

/** Our Dutch for zod's own messages (schemas that carry their own message keep it). Undefined: zod's locale decides. */
export function plainIssueMessage(issue: InputIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'ontbreekt';
      if (issue.expected === 'number' || issue.expected === 'int') return issue.expected === 'int' ? 'moet een geheel getal zijn' : 'moet een getal zijn';
      if (issue.expected === 'string') return 'moet tekst zijn';
      if (issue.expected === 'boolean') return 'moet ja of nee zijn';
      return 'heeft niet de juiste vorm';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'ontbreekt' : `moet ten minste ${n(issue.minimum)} tekens hebben`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) <= 1 ? 'ontbreekt' : `moet er ten minste ${n(issue.minimum)} hebben`;
      return `moet ten minste ${n(issue.minimum)} zijn`;
    case 'too_big':
      if (issue.origin === 'string') return `mag hoogstens ${n(issue.maximum)} tekens hebben`;
      if (issue.origin === 'array' || issue.origin === 'set') return `mag er hoogstens ${n(issue.maximum)} hebben`;
      return `mag hoogstens ${n(issue.maximum)} zijn`;
    case 'invalid_value':
      return 'is geen van de mogelijke keuzes';
    case 'invalid_format':
      return 'heeft niet de juiste vorm';
    case 'unrecognized_keys':
      return 'bevat een onbekend gegeven';
    default:
      return undefined;
  }
}

export interface InputFieldProblem {
  /** The field as labelled; null when the catalogue has no label (a key only the program sends). */
  label: string | null;
  message: string;
}

/** "Afdelingscode: ontbreekt; Uren per week: moet een getal zijn" and the fields it names. */
export function describeInputIssues(issues: readonly InputIssue[], words: Words): { message: string; fields: InputFieldProblem[] } {
  const fields = issues.map((issue): InputFieldProblem => {
    const keys = issue.path.filter((p): p is string => typeof p === 'string');
    const label = keys.length > 0 ? knownFieldLabel(keys[keys.length - 1], words) : null;
    const position = issue.path.filter((p): p is number => typeof p === 'number').map((i) => `nr. ${i + 1}`);
    const place = [label ?? (keys.length > 0 ? 'een gegeven dat het programma meestuurt' : null), ...position].filter(Boolean).join(', ');
    // A message a schema wrote itself often starts with the field's name already ("Reden ontbreekt").
    const message = label && issue.message.toLowerCase().startsWith(label.toLowerCase()) ? issue.message : place ? `${place}: ${issue.message}` : issue.message;
    return { label, message };
  });
  return { message: [...new Set(fields.map((f) => f.message))].join('; '), fields };
}
