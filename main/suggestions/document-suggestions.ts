import type { Annotation } from '../../shared/model/annotation';
import { type Codebook, type CodeRole, roleOf } from '../../shared/model/codebook';
import type { FigureValue } from '../../shared/model/figure';
import type { Suggestion } from '../../shared/model/suggestion';
import type { Mention } from '../../shared/text/mentions';
import type { Candidate } from './candidates';
import { figureCodeFor } from './figure-code';

export interface FoundFigure {
  start: number;
  end: number;
  value: FigureValue;
}

export interface DocumentSuggestionInputs {
  text: string;
  codebook: Codebook;
  /** Every annotator's annotations of the document: what is tagged already is not proposed again. */
  annotations: readonly Annotation[];
  /** Ids of suggestions this annotator rejected in the document. */
  rejected: ReadonlySet<string>;
  figures: readonly FoundFigure[];
  mentions: readonly Mention[];
  /** Names that may be stakeholders not yet in the register. */
  candidates?: readonly Candidate[];
}

/**
 * What to propose in one document: each figure the parser read and each mention of a register
 * entry, unless a passage overlapping it already carries a code of the same role (a figure is
 * tagged, the name is tagged as some stakeholder) or the researcher rejected it. In text order.
 */
export function documentSuggestions(inputs: DocumentSuggestionInputs): Suggestion[] {
  const { text, codebook, rejected } = inputs;
  const tagged = taggedSpans(codebook, inputs.annotations);
  const out: Suggestion[] = [];
  const offer = (suggestion: Omit<Suggestion, 'id' | 'quote'>, role: CodeRole) => {
    if (tagged.get(role)?.some((span) => span.start < suggestion.end && suggestion.start < span.end)) return;
    const quote = text.slice(suggestion.start, suggestion.end);
    const id = suggestionId(suggestion, quote);
    if (!rejected.has(id)) out.push({ id, ...suggestion, quote });
  };

  const stakeholderCode = firstCodable(codebook, 'stakeholder');
  if (stakeholderCode) {
    for (const mention of inputs.mentions) {
      offer(
        {
          kind: 'stakeholder',
          start: mention.start,
          end: mention.end,
          code: stakeholderCode,
          stakeholderId: mention.stakeholderId,
        },
        'stakeholder',
      );
    }
  }
  if (stakeholderCode) {
    const named = inputs.mentions;
    for (const candidate of inputs.candidates ?? []) {
      // A passage that names a register entry is a mention, not a candidate.
      if (named.some((m) => m.start < candidate.end && candidate.start < m.end)) continue;
      offer(
        {
          kind: 'candidate',
          start: candidate.start,
          end: candidate.end,
          code: stakeholderCode,
          newStakeholder: { name: candidate.name, kind: candidate.kind },
        },
        'stakeholder',
      );
    }
  }
  for (const figure of inputs.figures) {
    const code = figureCodeFor(figure.value, codebook);
    if (code)
      offer({ kind: 'figure', start: figure.start, end: figure.end, code, value: figure.value }, 'figure');
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Stable for the same find in the same text, and short enough for the API's ids: kind, offsets,
 * and a hash of what was found (so a register change that makes it another stakeholder, or a
 * parser change that reads another value, asks again).
 */
export function suggestionId(s: Omit<Suggestion, 'id' | 'quote'>, quote: string): string {
  const what = `${s.kind}|${s.code}|${quote}|${s.stakeholderId ?? ''}|${s.value ? JSON.stringify(s.value) : ''}|${s.newStakeholder?.kind ?? ''}`;
  return `${s.kind[0]}${s.start}-${s.end}-${fnv1a(what)}`;
}

function taggedSpans(codebook: Codebook, annotations: readonly Annotation[]) {
  const roles = new Map<string, CodeRole>();
  const spans = new Map<CodeRole, { start: number; end: number }[]>();
  for (const annotation of annotations) {
    let role = roles.get(annotation.code);
    if (!role) {
      role = roleOf(codebook, annotation.code);
      roles.set(annotation.code, role);
    }
    const list = spans.get(role) ?? [];
    list.push(annotation.target);
    spans.set(role, list);
  }
  return spans;
}

/** The first code of that role that can be applied (groups cannot). */
export function firstCodable(codebook: Codebook, role: CodeRole): string | undefined {
  return codebook.codes.find((code) => code.codable && roleOf(codebook, code.id) === role)?.id;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
