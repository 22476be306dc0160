import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../core/core.api';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useWindowKeys } from '../ui/use-window-keys';

/** The root class that turns every size token of base.css to big text (issue 15). */
export const BIG_TEXT_CLASS = 'big-text';

interface BigText {
  on: boolean;
  /** Switch at once; the choice is kept for the signed-in person on this counter. */
  toggle(): void;
  /** Why the last switch could not be kept, or null. */
  error: string | null;
}

const BigTextContext = createContext<BigText | null>(null);

export function useBigText(): BigText {
  const v = useContext(BigTextContext);
  if (!v) throw new Error('useBigText outside BigTextProvider');
  return v;
}

/** True for the key that switches big text from any screen: Ctrl+Shift+F (by key position, so any keyboard layout). */
export function isBigTextKey(e: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.code === 'KeyF';
}

/**
 * Big text for the person signed in: on from their saved choice as the shell opens, off again
 * when they sign out (the next person starts from their own choice).
 */
export function BigTextProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const api = useApi();
  const [on, setOn] = useState(user.bigText);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setOn(user.bigText), [user.id, user.bigText]);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle(BIG_TEXT_CLASS, on);
    return () => root.classList.remove(BIG_TEXT_CLASS);
  }, [on]);

  // Shown at once; kept in the store file for this person (a failure to keep it is said, the switch stays).
  const toggle = useCallback(() => {
    const next = !on;
    setOn(next);
    api.setBigText({ on: next }).then(
      () => setError(null),
      (err: unknown) => setError(asApiError(err).message),
    );
  }, [api, on]);

  useWindowKeys((e) => {
    if (!isBigTextKey(e)) return;
    e.preventDefault();
    toggle();
  });

  const value = useMemo(() => ({ on, toggle, error }), [on, toggle, error]);
  return <BigTextContext.Provider value={value}>{children}</BigTextContext.Provider>;
}
