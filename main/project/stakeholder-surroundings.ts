import { overlaps } from '../../shared/analysis/near';
import type { Annotation } from '../../shared/model/annotation';
import type { CodeRole } from '../../shared/model/codebook';
import type { Relation } from '../../shared/model/relation';
import { splitParagraphs } from '../../shared/text/paragraphs';
import { splitSentences } from '../../shared/text/sentences';

export interface Surroundings {
  /** Concern passages overlapping a mention or in a paragraph with one, in text order. */
  concerns: Annotation[];
  /** Figures linked to a mention by a relation (either way), else in a sentence with one; in text order. */
  figures: { annotation: Annotation; via: 'relation' | 'sentence' }[];
}

/**
 * What one document says around a stakeholder's mentions. Pure: `text` is the document's text,
 * `annotations` all of its annotations (every annotator), `mentions` those that mention the
 * stakeholder, `roles` each code's role. Offsets are UTF-16 code units, end exclusive.
 */
export function aroundMentions(
  text: string,
  annotations: readonly Annotation[],
  mentions: readonly Annotation[],
  relations: readonly Relation[],
  roles: ReadonlyMap<string, CodeRole>,
): Surroundings {
  const paragraphs = splitParagraphs(text);
  const mentionSpans = mentions.map((m) => m.target);
  const mentionParagraphs = paragraphs.filter((p) => mentionSpans.some((m) => overlaps(p, m)));
  const mentionSentences = mentionParagraphs
    .flatMap(splitSentences)
    .filter((s) => mentionSpans.some((m) => overlaps(s, m)));

  const mentionIds = new Set(mentions.map((m) => m.id));
  const linked = new Set<string>();
  for (const r of relations) {
    if (mentionIds.has(r.from)) linked.add(r.to);
    if (mentionIds.has(r.to)) linked.add(r.from);
  }

  const concerns: Annotation[] = [];
  const figures: Surroundings['figures'] = [];
  for (const a of annotations) {
    const role = roles.get(a.code);
    if (role === 'concern') {
      const near = [...mentionSpans, ...mentionParagraphs].some((span) => overlaps(span, a.target));
      if (near) concerns.push(a);
    } else if (role === 'figure') {
      if (linked.has(a.id)) figures.push({ annotation: a, via: 'relation' });
      else if (mentionSentences.some((s) => overlaps(s, a.target)))
        figures.push({ annotation: a, via: 'sentence' });
    }
  }
  return { concerns, figures };
}
