import { createStore, type StoreApi } from 'zustand/vanilla';
import type { GlossClient } from '../../../shared/api-client';
import { createDocumentsSlice } from './documents-slice';
import { createProjectSlice } from './project-slice';
import { createReaderSlice } from './reader-slice';
import type { GlossState } from './slice';

export type GlossStore = StoreApi<GlossState>;

/** The screens' store over one API client (the real one, or a fake in tests). */
export function createGlossStore(client: GlossClient): GlossStore {
  return createStore<GlossState>()((...slice) => ({
    ...createProjectSlice(client)(...slice),
    ...createDocumentsSlice(client)(...slice),
    ...createReaderSlice(client)(...slice),
  }));
}

/** Loads everything, and again whenever main says another project was opened. Returns the stop function. */
export function connectStore(store: GlossStore, client: GlossClient): () => void {
  void store.getState().reload();
  return client.subscribe((event) => {
    if (event.type === 'projectOpened') void store.getState().reload();
  });
}
