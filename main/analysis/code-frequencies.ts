import type { CodeFrequencies } from '../../shared/api';
import { subtreeIds } from '../../shared/model/codebook-tree';
import type { AnalysisCorpus } from './analysis-corpus';
import { countedIn } from './each-document';

/**
 * How often each code is used: in all, and in how many documents (a group counts its own
 * annotations and its codes'); per document and per folder (each code on its own); and for each
 * group, the documents without any annotation of it (what is left to code).
 */
export async function codeFrequencies(
  corpus: AnalysisCorpus,
  options: { annotator?: string } = {},
): Promise<CodeFrequencies> {
  const { codebook } = corpus.info();
  const documents: CodeFrequencies['documents'] = [];
  for (const document of await corpus.documents()) {
    const counts = corpus.derived(document, `counts\n${options.annotator ?? ''}`, () => {
      const counts: Record<string, number> = {};
      for (const a of countedIn(document, options.annotator)) counts[a.code] = (counts[a.code] ?? 0) + 1;
      return counts;
    });
    documents.push({ key: document.summary.key, counts });
  }
  const folders = new Map<string, Record<string, number>>();
  for (const { key, counts } of documents) {
    const folder = key.includes('/') ? key.slice(0, key.lastIndexOf('/') + 1) : '';
    const sum = folders.get(folder) ?? {};
    for (const [code, n] of Object.entries(counts)) sum[code] = (sum[code] ?? 0) + n;
    folders.set(folder, sum);
  }
  const groups = new Set(codebook.codes.map((c) => c.parentId).filter((id): id is string => id !== null));
  const under = new Map(codebook.codes.map((c) => [c.id, [...subtreeIds(codebook, c.id)]]));
  const inDocument = (counts: Record<string, number>, code: string) => {
    let n = 0;
    for (const id of under.get(code)!) n += counts[id] ?? 0;
    return n;
  };
  return {
    codes: codebook.codes.map(({ id, name, parentId }) => {
      const per = documents.map((d) => inDocument(d.counts, id));
      return {
        id,
        name,
        parentId,
        total: per.reduce((a, b) => a + b, 0),
        documents: per.filter((n) => n > 0).length,
      };
    }),
    documents: documents.filter((d) => Object.keys(d.counts).length > 0),
    folders: [...folders].map(([folder, counts]) => ({ folder, counts })),
    withoutGroup: [...groups].map((groupId) => ({
      groupId,
      keys: documents.filter((d) => inDocument(d.counts, groupId) === 0).map((d) => d.key),
    })),
  };
}
