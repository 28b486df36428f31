import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeInputIssues, plainIssueMessage, type InputIssue } from '../../../shared/api/input-words.ts';
import { nl } from '../../../shared/i18n/nl.ts';
import { wordsFrom } from '../../../shared/i18n/translate.ts';

const words = wordsFrom(nl);

function issuesOf(schema: z.ZodType, input: unknown): InputIssue[] {
  const result = schema.safeParse(input, { error: (issue) => plainIssueMessage(issue as InputIssue, words) });
  if (result.success) throw new Error('expected a failure');
  return result.error.issues as InputIssue[];
}

describe('invalid input in words', () => {
  const schema = z.object({
    departmentCode: z.string().min(1),
    hoursPerWeek: z.number(),
    signalledOn: z.string(),
    terms: z.array(z.object({ salaryScale: z.number().int().max(18) })),
    reason: z.string().min(1, 'Reden ontbreekt'),
  });

  it('names each field by its label, never by its key or path, in plain Dutch', () => {
    const { message, fields } = describeInputIssues(issuesOf(schema, { departmentCode: '', hoursPerWeek: 'veel', terms: [{ salaryScale: 19.5 }, { salaryScale: 20 }], reason: '' }), words);
    expect(message).toBe(
      'Afdelingscode: ontbreekt; Uren per week: moet een getal zijn; Datum gesignaleerd: ontbreekt; Schaal, nr. 1: moet een geheel getal zijn; Schaal, nr. 2: mag hoogstens 18 zijn; Reden ontbreekt',
    );
    expect(message).not.toMatch(/departmentCode|hoursPerWeek|signalledOn|terms\.0|string|undefined/);
    expect(fields.map((f) => f.label)).toEqual(['Afdelingscode', 'Uren per week', 'Datum gesignaleerd', 'Schaal', 'Schaal', 'Reden']);
  });

  it('says a key only the program sends is technical, without showing it', () => {
    const { message, fields } = describeInputIssues(issuesOf(z.object({ previewRows: z.number() }), {}), words);
    expect(message).toBe('een gegeven dat het programma meestuurt: ontbreekt');
    expect(fields).toEqual([{ label: null, message }]);
  });
});
