import { type RefObject, useEffect } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { Code } from '../../../shared/model/codebook';
import { paintHighlights, setHighlightColors } from './highlights';
import { textBlocksIn } from './text-positions';

/**
 * Keeps the highlights of the reader's text in step with its annotations and the codebook.
 * Runs after React has written the paragraphs, so their text nodes exist.
 */
export function useHighlights(
  container: RefObject<HTMLElement | null>,
  text: string,
  annotations: readonly Annotation[],
  codes: readonly Code[] | undefined,
): void {
  useEffect(() => {
    if (codes) setHighlightColors(codes);
  }, [codes]);

  useEffect(() => {
    const element = container.current;
    // `text` is a dependency because a new text means new text nodes to range over.
    if (!element || text === '') return;
    return paintHighlights(textBlocksIn(element), annotations);
  }, [container, text, annotations]);
}
