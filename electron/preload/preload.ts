import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Keep in step with electron/main/security.ts (a sandboxed preload cannot import our modules at run time;
// the build bundles it, and a unit test checks the names match).
const INVOKE_CHANNEL = 'werkboek:invoke';
const PROGRESS_CHANNEL = 'werkboek:progress';

/** The renderer gets exactly two things: one typed invoke, and progress events. No Node, no ipcRenderer. */
contextBridge.exposeInMainWorld('werkboek', {
  invoke: (method: string, input: unknown, jobId?: string) => ipcRenderer.invoke(INVOKE_CHANNEL, { method, input, jobId }),
  onProgress: (listener: (event: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, progress: unknown) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, handler);
    };
  },
});
