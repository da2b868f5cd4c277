import { readdir } from 'node:fs/promises';
import type { SearchProposalCounts } from '../../shared/api';
import type { Project } from '../project/project';
import type { Suggestions } from './suggestions';

/**
 * The search proposals this annotator has waiting for review, per document, the most first: only
 * the documents with a suggestions file of theirs are read, so a project with none costs a
 * folder listing. Counted as the Suggestions tab lists them (rejected, tagged and vanished ones
 * left out); an article gone from the folder keeps its file, and is not counted.
 */
export async function searchProposalCounts(
  project: Project,
  suggestions: Suggestions,
): Promise<SearchProposalCounts> {
  const { layout, annotator } = project;
  const entries = await readdir(layout.suggestionsDir, { recursive: true }).catch(() => [] as string[]);
  const present = new Set((await project.listDocuments()).documents.map((d) => d.key));
  const documents: SearchProposalCounts['documents'] = [];
  for (const entry of entries) {
    const key = layout.suggestionsKeyOf(entry, annotator);
    if (key === undefined || !present.has(key)) continue;
    const waiting = await suggestions.listProposals(key);
    if (waiting.length === 0) continue;
    const queries = [...new Set(waiting.map((s) => s.query ?? ''))];
    documents.push({ key, count: waiting.length, queries });
  }
  documents.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return { total: documents.reduce((sum, d) => sum + d.count, 0), documents };
}
