import type { ReadingPlace, ReadingPlaces } from '../reader/reading-place';
import type { SliceCreator } from './slice';

/**
 * Coming back to where the researcher was reading. Policy: the page remembers, main knows nothing
 * of it. On opening a project the remembered document is opened and its selected annotation
 * selected; the reader then scrolls to the remembered paragraph (`placeToResume`) and reports
 * back. A document gone since (deleted or renamed while Gloss was closed) gives way to the first
 * document, quietly.
 */
export interface ReadingPlaceSlice {
  /** The place the reader should scroll to once this document is drawn; null when there is none. */
  placeToResume: ReadingPlace | null;
  /** Opens what was being read in the project at `root`, or nothing if nothing was. */
  resumeReading(root: string): Promise<void>;
  /** The reader has scrolled to `placeToResume` (or given up on it). */
  placeResumed(): void;
  /**
   * Remembers the open document, the paragraph at the top of the reader and the selected
   * annotation; `key` is the document the reader measured, ignored if another has been opened since.
   */
  rememberPlace(key: string, paragraphStart: number): void;
}

export const createReadingPlaceSlice =
  (places: ReadingPlaces): SliceCreator<ReadingPlaceSlice> =>
  (set, get) => ({
    placeToResume: null,

    async resumeReading(root) {
      const place = places.read(root);
      const { documents } = get();
      const stillThere = place !== undefined && documents.some((d) => d.key === place.key);
      const key = stillThere ? place.key : place && documents[0]?.key;
      if (key === undefined) {
        set({ selectedKey: null, placeToResume: null });
        get().closeDocument();
        return;
      }
      set({ placeToResume: stillThere ? place : null });
      await get().selectDocument(key);
      const annotationId = stillThere ? place.annotationId : undefined;
      if (annotationId && get().reader.annotations.some((a) => a.id === annotationId))
        get().selectAnnotation(annotationId);
    },

    placeResumed() {
      set({ placeToResume: null });
    },

    rememberPlace(key, paragraphStart) {
      const { project, reader, selectedAnnotationId, placeToResume } = get();
      // Until the reader has gone back to the remembered place, where it is now is not a place.
      if (!project || reader.key !== key || placeToResume) return;
      places.save(
        project.root,
        selectedAnnotationId === null
          ? { key, paragraphStart }
          : { key, paragraphStart, annotationId: selectedAnnotationId },
      );
    },
  });
