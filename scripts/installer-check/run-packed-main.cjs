// Called by the stub Electron binary of the offline installer check (scripts/check-installer-config.mjs):
// `node run-packed-main.cjs <path of the stub binary> …arguments`. Loads the packed main process from the
// extracted app.asar (WERKBOEK_CHECK_APP_DIR) with resources beside the binary, as Electron would.
const Module = require('node:module');
const path = require('node:path');

const [, , binary, ...args] = process.argv;
const appDir = process.env.WERKBOEK_CHECK_APP_DIR;
if (!appDir) throw new Error('WERKBOEK_CHECK_APP_DIR is not set');
process.resourcesPath = path.join(path.dirname(binary), 'resources');
const fake = path.join(__dirname, 'fake-electron.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  return request === 'electron' ? fake : resolve.call(this, request, ...rest);
};
// A packaged app sees [executable, …arguments].
process.argv = [binary, ...args];
require(path.join(appDir, 'dist', 'electron', 'main.cjs'));
