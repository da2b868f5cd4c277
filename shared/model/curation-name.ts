// Apart from curation.ts's schemas so the screens can know the name without loading zod, whose
// check for eval breaks the page's Content-Security-Policy.

/**
 * The curated layer: one gold-standard reading of each document, made by a curator from two
 * annotators' work. It is saved as the annotation file of a reserved annotator name, so exports
 * (`--annotators curation`), the analyses and agreement take it as any annotator's file.
 */
export const CURATION_ANNOTATOR = 'curation';

/**
 * Whether a name would write the curated layer's files: compared without case, as
 * `Curation.json` and `curation.json` are one file on Windows and macOS disks.
 */
export function isReservedAnnotatorName(name: string): boolean {
  return name.trim().toLowerCase() === CURATION_ANNOTATOR;
}

export const RESERVED_NAME_MESSAGE = `"${CURATION_ANNOTATOR}" is the name of the curated layer, not of an annotator: choose another name.`;
