import { useState } from 'react';
import { errorMessage } from './useApi.ts';

/**
 * One action at a time on a page: `run` marks the page busy (its buttons disable), clears the last
 * error, and turns a failure into the error message the page shows with FormError.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
