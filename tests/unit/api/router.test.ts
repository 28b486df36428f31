import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors.ts';
import { api } from '../../../shared/api/index.ts';
import { createBackend, createSession } from '../../../electron/backend/index.ts';
import { createLocalClient } from '../../../electron/backend/local-client.ts';
import { tempDir } from '../../helpers/workbook.ts';

const sessions: Array<{ close(): void }> = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

describe('router', () => {
  it('has a handler for every method of the contract', () => {
    const router = createBackend();
    for (const name of Object.keys(api)) expect(router.has(name)).toBe(true);
  });

  it('answers an unknown method with a typed Dutch error, never an exception', async () => {
    const session = createSession({ dataDir: tempDir(), holder: 'test' });
    sessions.push(session);
    const result = await createBackend().dispatch(session, 'budget.doesNotExist', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Onbekende opdracht "budget.doesNotExist".' } });
  });

  it('validates input with the contract schema and explains in Dutch', async () => {
    const session = createSession({ dataDir: tempDir(), holder: 'test' });
    sessions.push(session);
    const result = await createBackend().dispatch(session, 'workbook.create', { organisation: '', fiscalYear: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^Ongeldige invoer: /);
    // Fields by their labels, as the form shows them; never the API's keys.
    expect(result.error.message).toMatch(/Organisatie ontbreekt/);
    expect(result.error.message).toMatch(/Boekjaar: moet een getal zijn/);
    expect(result.error.message).not.toMatch(/organisation|fiscalYear|string|undefined/);
    expect((result.error.details as { fields: Array<{ label: string }> }).fields.map((f) => f.label)).toEqual(expect.arrayContaining(['Organisatie', 'Boekjaar']));
  });

  it('explains invalid input in English once the window says its language is English, and in Dutch again after', async () => {
    const session = createSession({ dataDir: tempDir(), holder: 'test' });
    sessions.push(session);
    const backend = createBackend();
    expect(await backend.dispatch(session, 'workbook.setLanguage', { language: 'en' })).toEqual({ ok: true, value: null });
    const english = await backend.dispatch(session, 'workbook.create', { organisation: 'Gemeente Voorbeeld', fiscalYear: 'x' });
    if (english.ok) throw new Error('expected a refusal');
    expect(english.error.message).toMatch(/^Invalid input: /);
    expect(english.error.message).toMatch(/Fiscal year: must be a number/);
    expect(english.error.message).not.toMatch(/Ongeldige|Boekjaar|moet/);
    await backend.dispatch(session, 'workbook.setLanguage', { language: 'nl' });
    const dutch = await backend.dispatch(session, 'workbook.create', { organisation: 'Gemeente Voorbeeld', fiscalYear: 'x' });
    if (dutch.ok) throw new Error('expected a refusal');
    expect(dutch.error.message).toMatch(/^Ongeldige invoer: .*Boekjaar: moet een getal zijn/);
  });

  it('refuses workbook methods when no workbook is open', async () => {
    const { client, session } = createLocalClient({ dataDir: tempDir() });
    sessions.push(session);
    await expect(client.budget.summary({})).rejects.toMatchObject({ code: 'no_workbook' });
    await expect(client.budget.summary({})).rejects.toBeInstanceOf(ApiError);
  });

  it('runs the calls of one session one after another', async () => {
    const { client, session } = createLocalClient({ dataDir: tempDir() });
    sessions.push(session);
    const order: string[] = [];
    await Promise.all([client.workbook.recent({}).then(() => order.push('a')), client.workbook.defaultFolder({}).then(() => order.push('b')), client.workbook.info({}).then(() => order.push('c'))]);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
