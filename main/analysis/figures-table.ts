import type { FiguresTable } from '../../shared/api';
import { roleOf } from '../../shared/model/codebook-tree';
import { type AnalysisSource, eachDocument } from './each-document';
import { passageOf } from './passage-ref';

/**
 * Every figure annotation of the project with its normalised value, the stakeholder it describes
 * (through a relation with a mention of a register entry, either way; none without one), and its
 * document's title and date; then totals of the values by currency or unit, over all figures and
 * per stakeholder, as ranges (the sum of the low ends to the sum of the high ends). Figures
 * without a value are listed but not totalled.
 */
export async function figuresTable(
  source: AnalysisSource,
  options: { annotator?: string } = {},
): Promise<FiguresTable> {
  const { codebook } = source.info();
  const figures: FiguresTable['figures'] = [];
  await eachDocument(source, options, (summary, work, annotations) => {
    const mine = new Set(annotations.map((a) => a.id));
    const byId = new Map(annotations.map((a) => [a.id, a]));
    for (const annotation of annotations) {
      if (roleOf(codebook, annotation.code) !== 'figure') continue;
      const described = work.relations
        .filter(
          (r) => mine.has(r.from) && mine.has(r.to) && (r.from === annotation.id || r.to === annotation.id),
        )
        .map((r) => byId.get(r.from === annotation.id ? r.to : r.from)?.stakeholderId)
        .find((id) => id !== undefined);
      figures.push({
        ...passageOf(summary.key, annotation),
        code: annotation.code,
        title: summary.title,
        ...(summary.metadata.publishedTime ? { date: summary.metadata.publishedTime } : {}),
        ...(annotation.value ? { value: annotation.value } : {}),
        ...(described ? { stakeholderId: described } : {}),
      });
    }
  });
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
