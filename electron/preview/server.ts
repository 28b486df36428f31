import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ProgressEvent } from '../../shared/api/progress.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { createBackend, createSession, FileGrants } from '../backend/index.ts';
import { headlessShellHandlers } from '../backend/shell-handlers.ts';

export interface PreviewOptions {
  /** Built renderer (vite build output). */
  rendererDir: string;
  dataDir: string;
  port?: number;
  /** Fixed token for tests; otherwise a fresh random one per launch. */
  token?: string;
  /** Largest request body: browser imports send the file's bytes. */
  maxBodyBytes?: number;
}

export interface PreviewServer {
  url: string;
  /** The URL with the token in its fragment: what the user opens. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  securityHeaders(res);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * The browser preview: the same API as the Electron IPC bridge, on 127.0.0.1 only, guarded by a
 * per-launch token and a Host check (so a web page cannot reach it through DNS rebinding).
 */
export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBody = options.maxBodyBytes ?? 512 * 1024 * 1024;
  const listeners = new Set<http.ServerResponse>();
  const broadcast = (event: ProgressEvent) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of listeners) res.write(data);
  };
  const session = createSession({ dataDir: options.dataDir, holder: 'Werkboek (browserweergave)', onProgress: broadcast });
  // No dialogs here, so no file is ever granted: the page uploads what it reads and downloads what it makes.
  const router = createBackend({ shell: headlessShellHandlers('preview'), files: new FileGrants() });
  const rendererRoot = path.resolve(options.rendererDir);
  let port = 0;

  const hostAllowed = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host)) {
      sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Onbekende host.' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/invoke') {
      handleInvoke(req, res);
      return;
    }
    if (url.pathname === '/api/events') {
      if (!tokensEqual(url.searchParams.get('token') ?? '', token)) {
        sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'Ongeldige sleutel.' } });
        return;
      }
      securityHeaders(res);
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': verbonden\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    serveStatic(url.pathname, res);
  });

  function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'forbidden', message: 'Alleen POST.' } });
      return;
    }
    const origin = req.headers.origin;
    if (origin && !hostAllowed(origin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Onbekende herkomst.' } });
      return;
    }
    const auth = req.headers.authorization ?? '';
    if (!tokensEqual(auth.replace(/^Bearer /, ''), token)) {
      sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'Ongeldige of ontbrekende sleutel; open de link die bij het starten werd getoond.' } });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody && !aborted) {
        aborted = true;
        sendJson(res, 413, { ok: false, error: { code: 'file_unreadable', message: `Het verzoek is te groot (meer dan ${Math.round(maxBody / 1024 / 1024)} MB).` } });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', async () => {
      if (aborted) return;
      let body: { method?: unknown; input?: unknown; jobId?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Het verzoek is geen geldige JSON.' } });
        return;
      }
      if (typeof body.method !== 'string') {
        sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Opdracht ontbreekt.' } });
        return;
      }
      const result = await router.dispatch(session, body.method, body.input, typeof body.jobId === 'string' ? body.jobId : undefined);
      sendJson(res, 200, result);
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      // Not valid percent-encoding: answered, never thrown (an exception here would end the host).
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(rendererRoot, relative);
    if (!file.startsWith(rendererRoot + path.sep) && file !== rendererRoot) {
      res.writeHead(404).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererRoot, 'index.html');
    if (!fs.existsSync(file)) {
      securityHeaders(res);
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('De gebruikersinterface is nog niet gebouwd. Voer eerst "npm run build:renderer" uit.');
      return;
    }
    securityHeaders(res);
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    port,
    token,
    async close() {
      for (const res of listeners) res.end();
      session.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep connections alive (and the event stream open): end them, or close() waits for ever.
      server.closeAllConnections();
      await closed;
    },
  };
}
