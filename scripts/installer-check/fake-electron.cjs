// The offline installer check runs the PACKED main process under Node, as its stub Electron binary: this
// stands in for the 'electron' module with just what a command-line run touches (no window is made).
// Anything a desktop start would need is absent, so a command-line run that strays into it fails loudly.
const app = {
  isPackaged: true,
  whenReady: () => Promise.resolve(),
  disableHardwareAcceleration() {},
  exit(code) {
    process.exit(code ?? 0);
  },
  on() {},
  quit() {
    process.exit(0);
  },
  requestSingleInstanceLock() {
    throw new Error('stub Electron: a command-line run must not take the single-instance lock');
  },
};

module.exports = {
  app,
  protocol: { registerSchemesAsPrivileged() {}, handle() {} },
  // No OS key store in the check: the command line then uses the local key file, as under Node.
  safeStorage: { isEncryptionAvailable: () => false, encryptString() {}, decryptString() {}, getSelectedStorageBackend: () => 'basic_text' },
  BrowserWindow: class {},
  dialog: {},
  ipcMain: {},
  Menu: {},
  net: {},
  session: {},
};
