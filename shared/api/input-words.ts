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

const n = (value: number | bigint | undefined) => Number(value ?? 0);

/** Our words for zod's own messages (schemas that carry their own message keep it). Undefined: zod's locale decides. */
export function plainIssueMessage(issue: InputIssue, words: Words): string | undefined {
  const t = (key: string, count?: number) => words.t(`inputIssues.${key}`, count === undefined ? undefined : { count });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t('missing');
      if (issue.expected === 'int') return t('integer');
      if (issue.expected === 'number') return t('number');
      if (issue.expected === 'string') return t('text');
      if (issue.expected === 'boolean') return t('boolean');
      return t('shape');
    case 'too_small':
      if (issue.origin === 'string') return n(issue.minimum) <= 1 ? t('missing') : t('minLength', n(issue.minimum));
      if (issue.origin === 'array' || issue.origin === 'set') return n(issue.minimum) <= 1 ? t('missing') : t('minItems', n(issue.minimum));
      return t('min', n(issue.minimum));
    case 'too_big':
      if (issue.origin === 'string') return t('maxLength', n(issue.maximum));
      if (issue.origin === 'array' || issue.origin === 'set') return t('maxItems', n(issue.maximum));
      return t('max', n(issue.maximum));
    case 'invalid_value':
      return t('choice');
    case 'invalid_format':
      return t('shape');
    case 'unrecognized_keys':
      return t('unknownKey');
    default:
      return undefined;
  }
}

export interface InputFieldProblem {
  /** The field as labelled; null when the catalogue has no label (a key only the program sends). */
  label: string | null;
  message: string;
}

/** "Afdelingscode: ontbreekt; Uren per week: moet een getal zijn" and the fields it names, in the words' language. */
export function describeInputIssues(issues: readonly InputIssue[], words: Words): { message: string; fields: InputFieldProblem[] } {
  const fields = issues.map((issue): InputFieldProblem => {
    const keys = issue.path.filter((p): p is string => typeof p === 'string');
    const label = keys.length > 0 ? knownFieldLabel(keys[keys.length - 1], words) : null;
    const position = issue.path.filter((p): p is number => typeof p === 'number').map((i) => words.t('inputIssues.position', { number: i + 1 }));
    const place = [label ?? (keys.length > 0 ? words.t('inputIssues.technical') : null), ...position].filter(Boolean).join(', ');
    // A message a schema wrote itself often starts with the field's name already ("Reden ontbreekt").
    const message = label && issue.message.toLowerCase().startsWith(label.toLowerCase()) ? issue.message : place ? `${place}: ${issue.message}` : issue.message;
    return { label, message };
  });
  return { message: [...new Set(fields.map((f) => f.message))].join('; '), fields };
}
