import { createClient, type Transport } from '../../../shared/api/client.ts';
import type { ApiResult } from '../../../shared/api/errors.ts';
import type { Api, WerkboekClient } from '../../../shared/api/index.ts';
import type { ProgressEvent } from '../../../shared/api/progress.ts';
import './bridge.ts';

const TOKEN_KEY = 'werkboek.previewToken';

/** The preview host's token arrives in the URL fragment once; keep it for this tab only, then clean the URL. */
function previewToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = previewToken();
  const listeners = new Set<(event: ProgressEvent) => void>();
  let source: EventSource | null = null;
  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as ProgressEvent;
      listeners.forEach((listener) => listener(event));
    };
  };
  return {
    async invoke(method, input, jobId) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ method, input, jobId }),
        });
        return (await response.json()) as ApiResult<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `Geen verbinding met Werkboek: ${(error as Error).message}` } };
      }
    },
    onProgress(listener) {
      ensureEvents();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function bridgeTransport(): Transport | null {
  const bridge = window.werkboek;
  if (!bridge) return null;
  return { invoke: (method, input, jobId) => bridge.invoke(method, input, jobId), onProgress: (listener) => bridge.onProgress(listener) };
}

/** The one API client of the renderer: Electron's preload bridge when present, the preview host otherwise. */
export const api: WerkboekClient = createClient<Api>(bridgeTransport() ?? httpTransport());
