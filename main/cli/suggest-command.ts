import type { FigureValue } from '../../shared/model/figure';
import type { SuggestionKind } from '../../shared/model/suggestion';
import { utf16ToCodePoints } from '../../shared/text/offsets';
import { cliClient } from './cli-client';

export interface SuggestReport {
  project: string;
  /** Says which offsets are which, for readers in other languages. */
  offsets: string;
  documents: {
    key: string;
    suggestions: {
      kind: SuggestionKind;
      start: number;
      end: number;
      startCodePoint: number;
      endCodePoint: number;
      quote: string;
      code: string;
      codeName: string;
      stakeholder?: { id: string; name: string; kind: string };
      /** For a candidate: the register entry accepting it would add. */
      newStakeholder?: { name: string; kind: string };
      value?: FigureValue;
    }[];
  }[];
  failures: { key: string; message: string }[];
}

/**
 * What `gloss suggest` prints: the suggestions the screens would offer (less those this
 * annotator rejected or already tagged), for one document or all. Opens the project read-only:
 * nothing is written into the folder.
 */
export async function suggestReport(
  folder: string,
  options: { doc?: string; annotator?: string } = {},
): Promise<SuggestReport> {
  const api = cliClient({ annotator: options.annotator, readOnly: true });
  const { root, codebook, stakeholders } = await api.openProject({ path: folder });
  const codes = new Map(codebook.codes.map((c) => [c.id, c]));
  const register = new Map(stakeholders.map((s) => [s.id, s]));
  const keys = options.doc ? [options.doc] : (await api.listDocuments({})).documents.map((d) => d.key);
  const report: SuggestReport = {
    project: root,
    offsets:
      'start and end count UTF-16 code units (JavaScript string indices); startCodePoint and endCodePoint count Unicode code points (Python string indices); end is exclusive',
    documents: [],
    failures: [],
  };
  for (const key of keys) {
    try {
      const { text } = await api.getDocument({ key });
      const { suggestions: found } = await api.listSuggestions({ key });
      const points = utf16ToCodePoints(
        text,
        found.flatMap((s) => [s.start, s.end]),
      );
      report.documents.push({
        key,
        suggestions: found.map((s, i) => {
          const stakeholder = s.stakeholderId ? register.get(s.stakeholderId) : undefined;
          return {
            kind: s.kind,
            start: s.start,
            end: s.end,
            startCodePoint: points[2 * i]!,
            endCodePoint: points[2 * i + 1]!,
            quote: s.quote,
            code: s.code,
            codeName: codes.get(s.code)?.name ?? s.code,
            ...(stakeholder
              ? { stakeholder: { id: stakeholder.id, name: stakeholder.name, kind: stakeholder.kind } }
              : {}),
            ...(s.value ? { value: s.value } : {}),
            ...(s.newStakeholder ? { newStakeholder: s.newStakeholder } : {}),
          };
        }),
      });
    } catch (error) {
      // One document named: a pipeline asked for it, so a failure is the command's failure.
      if (options.doc) throw error;
      report.failures.push({ key, message: (error as Error).message });
    }
  }
  return report;
}

export function formatSuggestReport(report: SuggestReport): string {
  const lines: string[] = [];
  let total = 0;
  for (const document of report.documents) {
    if (document.suggestions.length === 0) continue;
    lines.push(`${document.key}:`);
    for (const s of document.suggestions) {
      total += 1;
      const what = s.stakeholder
        ? s.stakeholder.name
        : s.value
          ? describeValue(s.value)
          : s.newStakeholder
            ? `new ${s.newStakeholder.kind}: ${s.newStakeholder.name}`
            : '';
      lines.push(
        `  ${s.start}-${s.end}  ${s.codeName.padEnd(12)} “${oneLine(s.quote)}”${what ? `  → ${what}` : ''}`,
      );
    }
  }
  lines.push(
    `${total} suggestion${total === 1 ? '' : 's'} in ${report.documents.length} document${report.documents.length === 1 ? '' : 's'}`,
  );
  for (const failure of report.failures) lines.push(`could not read ${failure.key}: ${failure.message}`);
  return lines.join('\n');
}

function describeValue(value: FigureValue): string {
  const range = value.min === value.max ? `${value.min}` : `${value.min}–${value.max}`;
  const unit = value.currency ?? value.unit ?? '';
  return `${value.qualifier === 'exactly' ? '' : `${value.qualifier} `}${range}${unit ? ` ${unit}` : ''}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
