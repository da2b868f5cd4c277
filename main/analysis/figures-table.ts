import type { FiguresTable } from '../../shared/api';
import type { Annotation } from '../../shared/model/annotation';
import { roleOf } from '../../shared/model/codebook-tree';
import type { Relation } from '../../shared/model/relation';
import type { AnalysisCorpus } from './analysis-corpus';
import { eachDocument } from './each-document';
import { passageOf } from './passage-ref';

/**
 * Every figure annotation of the project with its normalised value, the stakeholder it describes
 * (through a relation with a mention of a register entry, either way; none without one), and its
 * document's title and date; then totals of the values by currency or unit, over all figures and
 * per stakeholder, as ranges (the sum of the low ends to the sum of the high ends). Figures
 * without a value are listed but not totalled.
 */
export async function figuresTable(
  corpus: AnalysisCorpus,
  options: { annotator?: string } = {},
): Promise<FiguresTable> {
  const { codebook } = corpus.info();
  const figures: FiguresTable['figures'] = [];
  const roles = new Map<string, ReturnType<typeof roleOf>>();
  const role = (code: string) => {
    if (!roles.has(code)) roles.set(code, roleOf(codebook, code));
    return roles.get(code);
  };
  for (const { document, annotations } of await eachDocument(corpus, options)) {
    const { summary } = document;
    const byId = new Map<string, Annotation>();
    for (const annotation of annotations) byId.set(annotation.id, annotation);
    const touching = relationsByAnnotation(document.relations, byId);
    for (const annotation of annotations) {
      if (role(annotation.code) !== 'figure') continue;
      // The stakeholder of the first of its relations that ties it to a mention.
      let described: string | undefined;
      for (const r of touching.get(annotation.id) ?? []) {
        described = byId.get(r.from === annotation.id ? r.to : r.from)?.stakeholderId;
        if (described !== undefined) break;
      }
      figures.push({
        ...passageOf(summary.key, annotation),
        code: annotation.code,
        title: summary.title,
        ...(summary.metadata.publishedTime ? { date: summary.metadata.publishedTime } : {}),
        ...(annotation.value ? { value: annotation.value } : {}),
        ...(described ? { stakeholderId: described } : {}),
      });
    }
  }
  const totals = new Map<string, FiguresTable['totals'][number]>();
  const add = (stakeholderId: string | undefined, figure: FiguresTable['figures'][number]) => {
    const value = figure.value!;
    const unit = value.currency ? { currency: value.currency } : value.unit ? { unit: value.unit } : {};
    const id = JSON.stringify([stakeholderId ?? null, value.currency ?? null, value.unit ?? null]);
    const total = totals.get(id) ?? {
      ...(stakeholderId ? { stakeholderId } : {}),
      ...unit,
      count: 0,
      min: 0,
      max: 0,
    };
    total.count += 1;
    total.min += value.min;
    total.max += value.max;
    totals.set(id, total);
  };
  for (const figure of figures) {
    if (!figure.value) continue;
    add(undefined, figure);
    if (figure.stakeholderId) add(figure.stakeholderId, figure);
  }
  return { figures, totals: [...totals.values()] };
}

/** Each annotation's relations with both ends among `annotations`, in the relations' order. */
function relationsByAnnotation(
  relations: readonly Relation[],
  annotations: ReadonlyMap<string, unknown>,
): Map<string, Relation[]> {
  const touching = new Map<string, Relation[]>();
  const add = (id: string, relation: Relation) => {
    const list = touching.get(id);
    if (list) list.push(relation);
    else touching.set(id, [relation]);
  };
  for (const relation of relations) {
    if (!annotations.has(relation.from) || !annotations.has(relation.to)) continue;
    add(relation.from, relation);
    if (relation.to !== relation.from) add(relation.to, relation);
  }
  return touching;
}
