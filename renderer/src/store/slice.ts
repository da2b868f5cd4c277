import type { StateCreator } from 'zustand';
import type { DocumentsSlice } from './documents-slice';
import type { ProjectSlice } from './project-slice';
import type { ReaderSlice } from './reader-slice';

/** The whole screen state: one store made of slices, each owning its part and its actions. */
export type GlossState = ProjectSlice & DocumentsSlice & ReaderSlice;

/** A slice sees the whole state through `get`, so its actions can call other slices' actions. */
export type SliceCreator<Slice> = StateCreator<GlossState, [], [], Slice>;
