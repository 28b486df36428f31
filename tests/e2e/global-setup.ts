import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The preview host serves the built renderer: build it once before the tests. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
