import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FORBIDDEN_ISSUE, NO_FILE_ACCESS, withFileAccess } from '../../../shared/api/files.ts';
import { api } from '../../../shared/api/index.ts';
import { createBackend, FileGrants } from '../../../electron/backend/index.ts';
import { dialogShellHandlers, headlessShellHandlers, type NativeDialogs } from '../../../electron/backend/shell-handlers.ts';
import type { Session } from '../../../electron/backend/session.ts';
import { departmentWorkbook, tempDir, writeTemp } from '../../helpers/workbook.ts';

/**
 * Issue 17 item 6: the API must not read or write a path a renderer names. The preview host's key, or
 * code in the page, could otherwise read /etc/passwd through an import preview, or overwrite any file.
 */

const sessions: Session[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

/** The preview host's backend: no dialogs, so nothing is ever granted. */
function previewRouter() {
  return createBackend({ shell: headlessShellHandlers('preview'), files: new FileGrants() });
}

/** The desktop app's backend for one window, with dialogs that answer what the test says the user chose. */
function desktopRouter(choices: { save?: string; open?: string[]; folder?: string }) {
  const dialogs: NativeDialogs = {
    openFiles: async () => choices.open ?? [],
    saveFile: async () => choices.save ?? null,
    openFolder: async () => choices.folder ?? null,
  };
  const grants = new FileGrants();
  return { router: createBackend({ shell: dialogShellHandlers(dialogs, grants), files: grants }), grants };
}

async function withWorkbook() {
  const made = await departmentWorkbook();
  sessions.push(made.session);
  return made;
}

describe('file grants (the desktop app main process’s token map)', () => {
  it('redeems a token for the path chosen in the dialog, only for the use it was chosen for', () => {
    const grants = new FileGrants();
    const open = grants.grant('/home/anne/grootboek.csv', 'open');
    expect(open.path).toBe(path.resolve('/home/anne/grootboek.csv'));
    expect(open.name).toBe('grootboek.csv');
    expect(open.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(grants.redeem(open.token, 'save')).toBeNull();
    expect(grants.redeem(open.token, 'folder')).toBeNull();
    expect(grants.redeem(open.token, 'open')).toBe(open.path);
    // An import is previewed and then committed: the same choice reads the file twice.
    expect(grants.redeem(open.token, 'open')).toBe(open.path);
  });

  it('writes a save choice once: a second write would overwrite what the first made without asking', () => {
    const grants = new FileGrants();
    const save = grants.grant('/home/anne/rapport.pdf', 'save');
    expect(grants.redeem(save.token, 'save')).toBe(save.path);
    expect(grants.redeem(save.token, 'save')).toBeNull();
  });

  it('knows no token it did not make, and forgets the oldest choices beyond its bound', () => {
    const grants = new FileGrants();
    expect(grants.redeem('made-up-token', 'open')).toBeNull();
    const first = grants.grant('/tmp/a', 'open');
    for (let i = 0; i < 250; i += 1) grants.grant(`/tmp/b${i}`, 'open');
    expect(grants.redeem(first.token, 'open')).toBeNull();
    expect(grants.peek(first.token)).toBeNull();
  });
});

describe('the preview host’s API takes no paths (uploads and downloads instead)', () => {
  it('import.preview {path: "/etc/passwd"} is refused without reading the file', async () => {
    const { session } = await withWorkbook();
    const result = await previewRouter().dispatch(session, 'import.preview', { kind: 'ledger', source: { path: '/etc/passwd' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('forbidden');
    expect(result.error.message).toMatch(/alleen van de opdrachtregel/);
    expect(JSON.stringify(result)).not.toMatch(/root/);
  });

  it('exchange.publicKeyFile, workbook.exportArchive, managementReport.write, exchange.export, central.exportXlsx and the grid exports write to no path', async () => {
    const { session, dir } = await withWorkbook();
    const victim = writeTemp(dir, 'belangrijk.txt', 'niet overschrijven');
    const router = previewRouter();
    const attempts: Array<[string, unknown]> = [
      ['exchange.publicKeyFile', { path: victim }],
      ['workbook.exportArchive', { path: victim }],
      ['managementReport.write', { quarter: '2027-Q1', pdfPath: victim }],
      ['exchange.export', { kind: 'finance-summary', period: '2027-Q1', path: victim }],
      ['exchange.export', { kind: 'finance-summary', period: '2027-Q1', xlsxPath: victim }],
      ['central.exportXlsx', { period: '2027-Q1', path: victim }],
      ['workbook.exportTable', { title: 'Verplichtingen', columns: [{ title: 'Leverancier', type: 'text' }], rows: [['Groen BV']], path: victim }],
      ['budget.exportLedger', { title: 'Realisatie', columns: [{ field: 'description', title: 'Omschrijving' }], path: victim }],
    ];
    for (const [method, input] of attempts) {
      const result = await router.dispatch(session, method, input);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('niet overschrijven');
    // Without a target, the file comes back as bytes: the browser downloads it.
    const key = await router.dispatch(session, 'exchange.publicKeyFile', {});
    expect(key).toMatchObject({ ok: true, value: { path: null } });
    const table = await router.dispatch(session, 'workbook.exportTable', { title: 'Verplichtingen', columns: [{ title: 'Leverancier', type: 'text' }], rows: [['Groen BV']] });
    expect(table).toMatchObject({ ok: true, value: { name: 'verplichtingen.xlsx', path: null } });
  });

  it('workbook.create, open, restore, exchange.verify and central.import take no path; the data folder works by name', async () => {
    const dir = tempDir();
    const { createSession } = await import('../../../electron/backend/index.ts');
    const session = createSession({ dataDir: path.join(dir, 'data'), holder: 'test' });
    sessions.push(session);
    const router = previewRouter();
    const elsewhere = path.join(dir, 'elders.werkboek');
    const create = { kind: 'central-finance', organisation: 'Gemeente Voorbeeld', fiscalYear: 2027, owner: 'Carla' };
    expect(await router.dispatch(session, 'workbook.create', { ...create, path: elsewhere })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(await router.dispatch(session, 'workbook.create', { ...create, fileName: '../elders' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fs.existsSync(elsewhere)).toBe(false);

    const made = await router.dispatch(session, 'workbook.create', { ...create, fileName: 'control' });
    expect(made).toMatchObject({ ok: true, value: { path: path.join(dir, 'data', 'werkboeken', 'control.werkboek') } });
    expect(await router.dispatch(session, 'workbook.available', {})).toMatchObject({ ok: true, value: [{ name: 'control.werkboek' }] });
    session.close();
    expect(await router.dispatch(session, 'workbook.open', { path: path.join(dir, 'data', 'werkboeken', 'control.werkboek') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await router.dispatch(session, 'workbook.open', { name: 'control' })).toMatchObject({ ok: true, value: { kind: 'central-finance' } });
    // A recent workbook opens by its place in the list, and only a place the list holds.
    session.close();
    expect(await router.dispatch(session, 'workbook.open', { recent: path.join(dir, 'data', 'werkboeken', 'control.werkboek') })).toMatchObject({ ok: true });
    expect(await router.dispatch(session, 'workbook.open', { recent: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    for (const [method, input] of [
      ['workbook.restoreBackup', { path: elsewhere }],
      ['exchange.verify', { source: { path: '/etc/passwd' } }],
      ['central.import', { sources: [{ path: '/etc/passwd' }] }],
      ['central.import', { sources: [{ folder: '/etc' }] }],
      ['central.registerDepartment', { code: 'OR', key: { path: '/etc/passwd' } }],
    ] as Array<[string, unknown]>) {
      expect(await router.dispatch(session, method, input), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('a token made up by the page is refused', async () => {
    const { session } = await withWorkbook();
    const result = await previewRouter().dispatch(session, 'exchange.publicKeyFile', { path: { token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Kies het bestand opnieuw/) } });
  });
});

describe('the desktop app: paths come from the main process’s dialogs, as tokens', () => {
  it('writes where the user chose in the save dialog, once, and never where the renderer says', async () => {
    const { session, dir } = await withWorkbook();
    const chosen = path.join(dir, 'sleutel.wbkey');
    const { router } = desktopRouter({ save: chosen });
    const dialog = await router.dispatch(session, 'shell.saveFile', { title: 'Sleutel opslaan', defaultName: 'sleutel.wbkey' });
    expect(dialog.ok).toBe(true);
    if (!dialog.ok) return;
    const file = (dialog.value as { file: { token: string; path: string } }).file;
    expect(file.path).toBe(chosen);
    expect(await router.dispatch(session, 'exchange.publicKeyFile', { path: chosen })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.existsSync(chosen)).toBe(false);
    expect(await router.dispatch(session, 'exchange.publicKeyFile', { path: { token: file.token } })).toMatchObject({ ok: true, value: { path: chosen } });
    expect(JSON.parse(fs.readFileSync(chosen, 'utf8'))).toMatchObject({ department: { code: 'OR' } });
    fs.writeFileSync(chosen, 'gewijzigd');
    expect(await router.dispatch(session, 'exchange.publicKeyFile', { path: { token: file.token } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.readFileSync(chosen, 'utf8')).toBe('gewijzigd');
  });

  it('reads the file chosen in the open dialog; an open choice cannot be written to', async () => {
    const { session, dir } = await withWorkbook();
    const csv = writeTemp(dir, 'grootboek.csv', 'Boekdatum;Kostenplaats;Grootboekrekening;Bedrag;Omschrijving\n15-01-2027;OR01;4300;100,00;Test\n');
    const { router } = desktopRouter({ open: [csv] });
    const dialog = await router.dispatch(session, 'shell.openFile', { title: 'Kies', filters: [] });
    if (!dialog.ok) throw new Error(dialog.error.message);
    const [file] = (dialog.value as { files: Array<{ token: string }> }).files;
    const preview = await router.dispatch(session, 'import.preview', { kind: 'ledger', source: { token: file.token } });
    expect(preview).toMatchObject({ ok: true, value: { file: 'grootboek.csv' } });
    expect(await router.dispatch(session, 'exchange.publicKeyFile', { path: { token: file.token } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.readFileSync(csv, 'utf8')).toMatch(/^Boekdatum/);
  });

  it('the package’s XLSX beside a chosen package file never overwrites a file nobody chose', async () => {
    const { session, dir, client } = await withWorkbook();
    const existing = writeTemp(dir, 'q1.xlsx', 'van iemand anders');
    await expect(client.exchange.export({ kind: 'finance-summary', period: '2027-Q1', path: path.join(dir, 'q1.wbx'), withXlsx: true })).rejects.toMatchObject({ code: 'conflict' });
    expect(fs.readFileSync(existing, 'utf8')).toBe('van iemand anders');
    expect(fs.existsSync(path.join(dir, 'q1.wbx'))).toBe(false);
    void session;
  });
});

/** Every object key in a schema, with the schema of its value (through unions, pipes, optionals, arrays). */
function fieldsOf(schema: z.ZodType, found: Array<[string, z.ZodType]> = [], seen = new Set<unknown>()): Array<[string, z.ZodType]> {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (child: unknown) => child && fieldsOf(child as z.ZodType, found, seen);
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      found.push([key, value]);
      walk(value);
    }
  }
  if (def.type === 'union') (def.options as z.ZodType[]).forEach(walk);
  if (def.type === 'pipe') [def.in, def.out].forEach(walk);
  if (def.type === 'array') walk(def.element);
  if (def.type === 'record') walk(def.valueType);
  if ('innerType' in def) walk(def.innerType);
  return found;
}

describe('the contract', () => {
  // Only removes an entry from the recent list: names no file to read or write.
  const harmless = new Set(['workbook.forgetRecent:path']);

  it('lets no method take a file or folder path from a renderer (a new method with `path: z.string()` fails here)', () => {
    const checked: string[] = [];
    for (const [method, definition] of Object.entries(api)) {
      for (const [key, field] of fieldsOf(definition.input)) {
        if (!/path$|folder$|^file$|^directory$/i.test(key) || harmless.has(`${method}:${key}`)) continue;
        const probe = withFileAccess(NO_FILE_ACCESS, () => field.safeParse('/etc/passwd'));
        const refused = !probe.success && probe.error.issues.some((issue) => issue.code === 'custom' && issue.params?.[FORBIDDEN_ISSUE]);
        expect(refused, `${method}: ${key} accepts a path from a renderer`).toBe(true);
        checked.push(`${method}:${key}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['exchange.publicKeyFile:path', 'workbook.create:path', 'workbook.exportArchive:path', 'managementReport.write:pdfPath', 'central.import:folder', 'import.preview:path']));
  });
});
