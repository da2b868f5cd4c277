import { createContext, type ReactNode, useContext } from 'react';
import { useStore as useZustandStore } from 'zustand';
import type { GlossStore } from './gloss-store';
import type { GlossState } from './slice';

const StoreContext = createContext<GlossStore | null>(null);

export function StoreProvider({ store, children }: { store: GlossStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/**
 * Reads the smallest piece a component needs, e.g. `useStore((s) => s.selectedKey)`;
 * the component re-renders only when that piece changes.
 */
export function useStore<T>(selector: (state: GlossState) => T): T {
  return useZustandStore(useStoreApi(), selector);
}

/**
 * The store itself, for an event handler that needs the state as an awaited action left it
 * (e.g. the failure a refused edit just added to `savesFailed`). Rendering uses `useStore`.
 */
export function useStoreApi(): GlossStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs a <StoreProvider> above it');
  return store;
}
