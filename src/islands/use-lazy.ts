/**
 * Loads a module on the first touch of a form (focus, pointer or key), not with the page, so the
 * page stays light for the many visitors who only look; by the time a field is filled it is there.
 */
import { useCallback, useRef, useState } from 'react';

export function useLazyModule<M>(load: () => Promise<M>): { module: M | null; failed: boolean; start: () => void } {
  const [module, setModule] = useState<M | null>(null);
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    load().then(setModule, () => setFailed(true));
  }, [load]);
  return { module, failed, start };
}
