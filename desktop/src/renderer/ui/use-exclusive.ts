import { useRef } from 'react';

/**
 * The action, run at most once at a time: a second press (F9 twice, a double click) while the
 * first still runs does nothing. A ref, not state, so it holds before React re-renders.
 */
export function useExclusive(action: () => Promise<void>): () => Promise<void> {
  const running = useRef(false);
  return async () => {
    if (running.current) return;
    running.current = true;
    try {
      await action();
    } finally {
      running.current = false;
    }
  };
}
