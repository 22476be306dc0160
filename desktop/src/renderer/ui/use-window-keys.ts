import { useEffect, useRef } from 'react';

/** Keys for the whole window while the component is shown; the latest handler answers (no stale state). */
export function useWindowKeys(onKey: (e: KeyboardEvent) => void): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    const listen = (e: KeyboardEvent) => handler.current(e);
    window.addEventListener('keydown', listen);
    return () => window.removeEventListener('keydown', listen);
  }, []);
}
