import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface StatusMessage {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

interface StatusApi {
  info(text: string): void;
  error(text: string): void;
}

const StatusContext = createContext<StatusApi>({ info: () => undefined, error: () => undefined });

/** Announces results and errors in live regions so screen readers hear them; errors stay until dismissed. */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<StatusMessage[]>([]);
  const push = useCallback((kind: StatusMessage['kind'], text: string) => {
    const id = Date.now() + Math.random();
    setMessages((list) => [...list.slice(-4), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setMessages((list) => list.filter((m) => m.id !== id)), 6000);
  }, []);
  const value = useMemo(() => ({ info: (t: string) => push('info', t), error: (t: string) => push('error', t) }), [push]);
  const errors = messages.filter((m) => m.kind === 'error');
  const infos = messages.filter((m) => m.kind === 'info');
  return (
    <StatusContext.Provider value={value}>
      {children}
      <div className="status-area">
        <div role="status" aria-live="polite" className="status-list">
          {infos.map((m) => (
            <p key={m.id} className="status status-info">
              {m.text}
            </p>
          ))}
        </div>
        <div role="alert" className="status-list">
          {errors.map((m) => (
            <p key={m.id} className="status status-error">
              <span>{m.text}</span>
              <button type="button" className="link-button" onClick={() => setMessages((list) => list.filter((x) => x.id !== m.id))}>
                Sluiten
              </button>
            </p>
          ))}
        </div>
      </div>
    </StatusContext.Provider>
  );
}

export function useStatus(): StatusApi {
  return useContext(StatusContext);
}
