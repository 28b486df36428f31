import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server.ts';
import { tempDir } from '../helpers/workbook.ts';

/**
 * The browser preview host is reachable by every program on this computer, and by web pages through
 * the browser: it must answer only requests for itself, with the launch's token, and never end on a
 * strange request.
 */
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(server: PreviewServer, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // http.request, not fetch: fetch does not let a test set the Host header a rebinding page would send.
    const req = http.request({ host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser preview host', () => {
  const dir = tempDir('werkboek-preview-');
  const rendererDir = path.join(dir, 'renderer');
  let server: PreviewServer;
  const invoke = (headers: Record<string, string>, body = JSON.stringify({ method: 'workbook.recent', input: {} })) =>
    request(server, { path: '/api/invoke', method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  beforeAll(async () => {
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Werkboek</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
    fs.mkdirSync(path.join(dir, 'renderer-x'));
    fs.writeFileSync(path.join(dir, 'renderer-x', 'geheim.txt'), 'geheim');
    fs.writeFileSync(path.join(dir, 'geheim.txt'), 'geheim');
    server = await startPreviewServer({ rendererDir, dataDir: path.join(dir, 'data'), token: 'sleutel-123' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the app with a strict content security policy and the token only in the fragment', async () => {
    const index = await request(server, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await request(server, { path: '/assets/app.js' })).headers['content-type']).toContain('text/javascript');
    expect(server.openUrl).toBe(`${server.url}#token=sleutel-123`);
  });

  it('answers the API only with the token, from its own origin and under its own host name', async () => {
    const good = await invoke({ Authorization: 'Bearer sleutel-123' });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true });
    expect((await invoke({})).status).toBe(401);
    expect((await invoke({ Authorization: 'Bearer sleutel-124' })).status).toBe(401);
    expect((await invoke({ Authorization: 'Bearer sleutel-123', Origin: 'http://aanvaller.example' })).status).toBe(403);
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
    expect((await invoke({ Authorization: 'Bearer sleutel-123', Host: `aanvaller.example:${server.port}` })).status).toBe(403);
    expect((await request(server, { path: '/', headers: { Host: 'aanvaller.example' } })).status).toBe(403);
    expect((await request(server, { path: '/api/invoke', headers: { Authorization: 'Bearer sleutel-123' } })).status).toBe(405);
    expect((await request(server, { path: '/api/events' })).status).toBe(401);
  });

  it('serves nothing outside its folder, however the path is written', async () => {
    for (const p of ['/..%2Fgeheim.txt', '/%2e%2e/geheim.txt', '/..%2Frenderer-x%2Fgeheim.txt', '/assets/..%2F..%2Fgeheim.txt']) {
      const answer = await request(server, { path: p });
      expect(answer.body, p).not.toContain('geheim');
    }
  });

  it('answers a path that is no valid percent-encoding with 400 and keeps running', async () => {
    expect((await request(server, { path: '/%E0%A4%A' })).status).toBe(400);
    expect((await request(server, { path: '/' })).status).toBe(200);
  });

  it('reads and writes no path a page names, even with the key (issue 17 item 6)', async () => {
    const auth = { Authorization: 'Bearer sleutel-123' };
    const create = await invoke(auth, JSON.stringify({ method: 'workbook.create', input: { kind: 'central-finance', organisation: 'Gemeente Voorbeeld', fiscalYear: 2027, owner: 'Carla', fileName: 'control' } }));
    expect(JSON.parse(create.body)).toMatchObject({ ok: true, value: { path: path.join(dir, 'data', 'werkboeken', 'control.werkboek') } });
    const passwd = await invoke(auth, JSON.stringify({ method: 'import.preview', input: { kind: 'ledger', source: { path: '/etc/passwd' } } }));
    expect(JSON.parse(passwd.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(passwd.body).not.toContain('root');
    const victim = path.join(dir, 'geheim.txt');
    const archive = await invoke(auth, JSON.stringify({ method: 'workbook.exportArchive', input: { path: victim } }));
    expect(JSON.parse(archive.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fs.readFileSync(victim, 'utf8')).toBe('geheim');
    await invoke(auth, JSON.stringify({ method: 'workbook.close', input: {} }));
  });

  it('refuses a request that is not JSON with a Dutch message', async () => {
    const answer = await invoke({ Authorization: 'Bearer sleutel-123' }, '{kapot');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toMatch(/[a-z]/);
  });
});
