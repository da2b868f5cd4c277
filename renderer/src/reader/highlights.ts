import type { Annotation } from '../../../shared/model/annotation';
import type { Code } from '../../../shared/model/codebook';
import { rangeFor, type TextBlock } from './text-positions';

/**
 * Draws annotations with the CSS Custom Highlight API: one named highlight per code
 * (`gloss-code-<id>`), coloured by a constructed stylesheet. Nothing is inserted into the
 * text, so the DOM stays one text node per paragraph, overlapping annotations simply paint
 * twice (translucent colours blend), and CSP style-src 'self' needs no inline styles.
 */
export function highlightName(codeId: string): string {
  return `gloss-code-${codeId}`;
}

/** Codebook colours at about one third opacity, so text stays readable and overlaps show. */
const HIGHLIGHT_ALPHA = '55';
const FALLBACK_COLOR = '#888888';

let sheet: CSSStyleSheet | undefined;

/** The stylesheet of highlight colours, one rule per code, adopted by the document once. */
export function setHighlightColors(codes: readonly Pick<Code, 'id' | 'color'>[]): void {
  if (!supportsHighlights()) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules = codes.map((code) => {
    const color = /^#[0-9a-fA-F]{6}$/.test(code.color) ? code.color : FALLBACK_COLOR;
    return `::highlight(${CSS.escape(highlightName(code.id))}) { background-color: ${color}${HIGHLIGHT_ALPHA}; }`;
  });
  sheet.replaceSync(rules.join('\n'));
}

/** Registers the highlights of `annotations` over `blocks`; returns the function that removes them. */
export function paintHighlights(
  blocks: readonly TextBlock[],
  annotations: readonly Annotation[],
): () => void {
  if (!supportsHighlights()) return () => {};
  const byCode = new Map<string, Range[]>();
  for (const annotation of annotations) {
    const range = rangeFor(blocks, annotation.target.start, annotation.target.end);
    if (!range) continue;
    const ranges = byCode.get(annotation.code) ?? [];
    ranges.push(range);
    byCode.set(annotation.code, ranges);
  }
  const names = [...byCode].map(([code, ranges]) => {
    const name = highlightName(code);
    CSS.highlights.set(name, new Highlight(...ranges));
    return name;
  });
  return () => {
    for (const name of names) CSS.highlights.delete(name);
  };
}

function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}
