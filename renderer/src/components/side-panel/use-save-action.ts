import { useCallback, useState } from 'react';
import type { ApiErrorCode } from '../../../../shared/api-error';
import { useStoreApi } from '../../store/context';
import type { GlossState } from '../../store/slice';

/**
 * Refusals (a taken shortcut, a name already in the register): sending the same edit again
 * cannot succeed, so the form that made it shows why and the failure leaves the save list.
 * Other failures (the disk) stay listed with their retry.
 */
const REFUSALS: ReadonlySet<ApiErrorCode> = new Set(['bad-request', 'conflict', 'not-found', 'forbidden']);

/**
 * Runs a codebook or register edit (store actions that resolve false when the save failed)
 * and keeps the failure's message for the form to show beside the field that caused it.
 */
export function useSaveAction() {
  const store = useStoreApi();
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: (state: GlossState) => Promise<boolean>): Promise<boolean> => {
      setError(null);
      const ok = await action(store.getState());
      if (ok) return true;
      const failure = store.getState().savesFailed.at(-1);
      setError(failure?.error.message ?? 'The change could not be saved');
      if (failure && REFUSALS.has(failure.error.code)) store.getState().dismissFailedSave(failure.id);
      return false;
    },
    [store],
  );

  const clearError = useCallback(() => setError(null), []);
  return { error, run, clearError };
}
