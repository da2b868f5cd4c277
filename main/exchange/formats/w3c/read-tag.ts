import { FigureValue } from '../../../../shared/model/figure';
import { codePointToUtf16, utf16ToCodePoint } from '../../../../shared/text/offsets';
import type { PlannedAnnotation } from '../../import-plan';
import { findQuote } from './quote-selector';
import type { Resource, WebAnnotation } from './schema';

/** A tag read from a Web Annotation, or what is wrong with it (one message, naming the annotation). */
export type ReadTag = { ok: true; annotation: PlannedAnnotation } | { ok: false; message: string };

/**
 * One tagging annotation on `text` (the document its target names), its offsets turned from
 * code points into UTF-16. The TextPositionSelector is trusted when the text there is the quote
 * (or there is no quote); otherwise the TextQuoteSelector's exact, prefix and suffix find it again.
 */
export function readTag(item: WebAnnotation, name: string, target: Resource, text: string): ReadTag {
  const position = target.selector.find(
    (s) => s.type === 'TextPositionSelector' && s.start !== undefined && s.end !== undefined,
  );
  const quote = target.selector.find((s) => s.type === 'TextQuoteSelector' && s.exact);
  if (!position && !quote) {
    return { ok: false, message: `annotation ${name} has no TextPositionSelector or TextQuoteSelector` };
  }
  let range: { start: number; end: number } | undefined;
  let near = 0;
  if (position?.start !== undefined && position.end !== undefined) {
    const start = codePointToUtf16(text, position.start);
    const end = codePointToUtf16(text, position.end);
    near = start;
    const fits = position.start < position.end && position.end <= utf16ToCodePoint(text, text.length);
    if (fits && (!quote || text.slice(start, end) === quote.exact)) range = { start, end };
  }
  if (!range && quote?.exact) {
    range = findQuote(
      text,
      { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      near,
    );
    if (!range) {
      const where = position
        ? `its position ${position.start}–${position.end} does not fit the text and `
        : '';
      return {
        ok: false,
        message: `annotation ${name}: ${where}its quote “${quote.exact}” is not in the text`,
      };
    }
  }
  if (!range) {
    return {
      ok: false,
      message: `annotation ${name}: its position ${position?.start}–${position?.end} (code points) is outside the text`,
    };
  }

  const byPurpose = (purpose: string) =>
    item.body.find((b) => b.purpose === purpose && b.value !== undefined);
  const code = byPurpose('tagging')?.value ?? byPurpose('classifying')?.value ?? item.bodyValue;
  if (!code) return { ok: false, message: `annotation ${name} has no "tagging" body naming its code` };
  const annotation: PlannedAnnotation = { sourceId: name, ...range, code };

  const author = item.creator[0]?.name ?? item.creator[0]?.nickname;
  if (author) annotation.author = author;
  if (item.created) annotation.created = item.created;
  if (item.modified) annotation.modified = item.modified;
  const stakeholder = byPurpose('identifying')?.value;
  if (stakeholder) annotation.stakeholder = stakeholder;
  const note = byPurpose('commenting')?.value;
  if (note) annotation.note = note;
  const described = item.body.find((b) => b.purpose === 'describing' && b.format === 'application/json');
  if (described?.value !== undefined) {
    const value = parseFigureValue(described.value);
    if (!value)
      return { ok: false, message: `annotation ${name}: its "describing" body is not a figure value` };
    annotation.value = value;
  }
  return { ok: true, annotation };
}

function parseFigureValue(json: string): FigureValue | undefined {
  try {
    const parsed = FigureValue.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
