import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import { subtreeIds } from '../../shared/model/codebook';
import { forEachLimited } from '../project/for-each-limited';
import type { Project } from '../project/project';
import type { Dataset, DatasetDocument } from './dataset';

/** Which part of the project an export takes. Absent fields take everything. */
export interface ExportFilters {
  /** Every document, only those this annotator marked done, or the ones named by key. */
  documents?: 'all' | 'done' | readonly string[];
  /** Codes or groups by id; a group takes its codes. */
  codes?: readonly string[];
  annotators?: readonly string[];
}

/**
 * Reads the part of the project an export takes into one Dataset. Reads only; reports progress
 * per document, since a large project takes a while to read.
 */
export async function collectDataset(
  project: Project,
  filters: ExportFilters = {},
  onProgress?: (done: number, total: number) => void,
): Promise<Dataset> {
  const info = project.info();
  const { documents: summaries } = await project.listDocuments();
  const wanted = filters.documents ?? 'all';
  if (Array.isArray(wanted)) {
    const known = new Set(summaries.map((d) => d.key));
    const unknown = wanted.filter((key) => !known.has(key));
    if (unknown.length > 0)
      throw new ApiError('not-found', `No such document in the project: ${unknown.join(', ')}`);
  }
  const chosen = summaries.filter((d) =>
    wanted === 'all' ? true : wanted === 'done' ? d.status === 'done' : wanted.includes(d.key),
  );
  const codes = codeFilter(info.codebook, filters.codes);
  const annotators = filters.annotators ? new Set(filters.annotators) : undefined;

  const documents: (DatasetDocument | undefined)[] = new Array(chosen.length);
  let done = 0;
  let orphansLeftOut = 0;
  onProgress?.(0, chosen.length);
  await forEachLimited(
    chosen.map((summary, index) => ({ summary, index })),
    8,
    async ({ summary, index }) => {
      const { document, annotations, relations, orphans } = await project.openDocument(summary.key);
      const taken = (a: Annotation) =>
        (!codes || codes.has(a.code)) && (!annotators || annotators.has(a.author));
      const kept = annotations.filter(taken);
      orphansLeftOut += orphans.filter(taken).length;
      const ids = new Set(kept.map((a) => a.id));
      documents[index] = {
        key: document.key,
        title: document.title,
        metadata: document.metadata,
        status: document.status,
        note: document.note,
        text: document.text,
        annotations: kept,
        relations: relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
      };
      onProgress?.(++done, chosen.length);
    },
  );
  return {
    project: { name: info.name },
    codebook: info.codebook,
    stakeholders: info.stakeholders,
    documents: documents.filter((d): d is DatasetDocument => d !== undefined),
    exportedAt: new Date().toISOString(),
    orphansLeftOut,
  };
}

function codeFilter(
  codebook: Dataset['codebook'],
  ids: readonly string[] | undefined,
): Set<string> | undefined {
  if (!ids) return undefined;
  const known = new Set(codebook.codes.map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ApiError('not-found', `No such code in the codebook: ${unknown.join(', ')}`);
  const out = new Set<string>();
  for (const id of ids) for (const each of subtreeIds(codebook, id)) out.add(each);
  return out;
}
