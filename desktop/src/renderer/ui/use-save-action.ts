import { useState } from 'react';
import { asApiError } from '../api/use-query';

/**
 * A form's save: `busy` while it runs (the form ignores a second Enter and greys its button), and
 * a failure handed to `failed` as the API's message. What `run` is given does the saving and
 * says what was done; it runs inside the same try, so a throw after the call is said too.
 */
export function useSaveAction(failed: (message: string) => void): { busy: boolean; run: (action: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      failed(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
