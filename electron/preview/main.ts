import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../backend/data-dir.ts';
import { startPreviewServer } from './server.ts';

/** `npm run preview`: serves the built renderer and the API on 127.0.0.1. */
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};

const server = await startPreviewServer({
  rendererDir: option('renderer') ?? path.resolve(here, '../../dist/renderer'),
  dataDir: option('data-dir') ?? defaultDataDir(),
  port: option('port') ? Number(option('port')) : Number(process.env.WERKBOEK_PREVIEW_PORT ?? 0) || undefined,
  token: process.env.WERKBOEK_PREVIEW_TOKEN,
});
console.log(`Werkboek browserweergave: open ${server.openUrl}`);
console.log('(alleen bereikbaar op deze computer; stop met Ctrl+C)');
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
