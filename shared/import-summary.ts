import type { ImportSummary } from './api';

/**
 * The words an import's summary begins with, the same on the command line and in the Import
 * dialog: what was added, and onto how many new and existing articles.
 */
export function importHeadline(summary: ImportSummary): string {
  return `Imported ${count(summary.annotations, 'annotation')} and ${count(summary.relations, 'relation')}: ${count(summary.documents.length, 'new article')}, ${count(summary.annotated.length, 'existing article')} annotated`;
}

/** What the existing articles already had and was not added again, or undefined when nothing was. */
export function alreadyThereNotice(summary: ImportSummary): string | undefined {
  const { annotations, relations } = summary.alreadyThere;
  if (annotations + relations === 0) return undefined;
  return `Already there, not added again: ${count(annotations, 'annotation')} and ${count(relations, 'relation')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
