import type { Fragment } from './fragments';

/** One parsed line of a .ann file; `line` is 1-based. Offsets are brat's, in code points. */
export type AnnLine =
  | { kind: 'T'; line: number; id: string; type: string; fragments: Fragment[]; text: string }
  | { kind: 'R'; line: number; id: string; type: string; from: string; to: string }
  | { kind: 'E'; line: number; id: string; type: string; trigger: string; args: EventArgument[] }
  | { kind: 'A'; line: number; id: string; name: string; target: string; value?: string }
  | { kind: 'N'; line: number; id: string; target: string; db: string; dbId: string; text: string }
  | { kind: '#'; line: number; id: string; target: string; text: string }
  | { kind: '*'; line: number; type: string; targets: string[] };

/** One `Role:Id` of an E line; the id names a T or another E. */
export interface EventArgument {
  role: string;
  target: string;
}

export interface ParsedAnn {
  lines: AnnLine[];
  /** Line number and message of each line that could not be read. */
  problems: { line: number; message: string }[];
}

const TEXT_BOUND = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/;
const RELATION = /^(\S+) (\S+):(\S+) (\S+):(\S+)$/;
const ATTRIBUTE = /^(\S+) (\S+)(?: (\S+))?$/;
const NORMALISATION = /^(\S+) (\S+) ([^\s:]+):(\S+)$/;
const COMMENT = /^(\S+) (\S+)$/;
/** `Merge-org:T3 Org-Arg:T1 Org-Arg2:T2`: the type and its trigger, then any role:id pairs. */
const EVENT = /^(\S+):(\S+)((?: \S+:\S+)*)$/;

/**
 * Reads brat standoff line by line (brat: tab after the id, spaces inside the middle column,
 * tab before free text). Blank lines are allowed. It accepts every kind of line brat writes:
 * T (text-bound, fragments `0 5;10 15`), R, E (`Type:T1 Role:T2 Role2:E1`, arguments optional),
 * A and M (attributes, binary or valued), N, # (notes) and `*` (equivalence sets). It rejects a
 * line without its tab after the id, an id that is not a letter or `#` and digits, and an
 * E argument that is not `Role:Id`.
 */
export function parseAnn(content: string): ParsedAnn {
  const out: ParsedAnn = { lines: [], problems: [] };
  const seen = new Set<string>();
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const parsed = parseLine(raw, line);
    if (typeof parsed === 'string') {
      out.problems.push({ line, message: parsed });
      return;
    }
    if ('id' in parsed) {
      if (seen.has(parsed.id)) {
        out.problems.push({ line, message: `the id ${parsed.id} is used twice` });
        return;
      }
      seen.add(parsed.id);
    }
    out.lines.push(parsed);
  });
  return out;
}

function parseLine(raw: string, line: number): AnnLine | string {
  const first = raw.indexOf('\t');
  if (first < 0) return `expected an id and a tab, found "${clip(raw)}"`;
  const id = raw.slice(0, first);
  const rest = raw.slice(first + 1);
  const second = rest.indexOf('\t');
  const middle = second < 0 ? rest : rest.slice(0, second);
  const text = second < 0 ? undefined : rest.slice(second + 1);
  const kind = id[0];
  if (id !== '*' && !/^[A-Za-z#]\d+/.test(id)) return `"${clip(id)}" is not a brat id (such as T1, R1, #1)`;

  switch (kind) {
    case 'T': {
      const m = TEXT_BOUND.exec(middle);
      if (!m || text === undefined) return `${id}: expected "${id}<tab>Type start end<tab>text"`;
      const fragments = m[2]!.split(';').map((pair) => {
        const [start, end] = pair.split(' ').map(Number) as [number, number];
        return { start, end };
      });
      return { kind: 'T', line, id, type: m[1]!, fragments, text };
    }
    case 'R': {
      const m = RELATION.exec(middle);
      if (!m) return `${id}: expected "${id}<tab>Type Arg1:T1 Arg2:T2"`;
      return { kind: 'R', line, id, type: m[1]!, from: m[3]!, to: m[5]! };
    }
    case 'A':
    case 'M': {
      const m = ATTRIBUTE.exec(middle);
      if (!m) return `${id}: expected "${id}<tab>Name T1" or "${id}<tab>Name T1 value"`;
      return { kind: 'A', line, id, name: m[1]!, target: m[2]!, ...(m[3] ? { value: m[3] } : {}) };
    }
    case 'N': {
      const m = NORMALISATION.exec(middle);
      if (!m) return `${id}: expected "${id}<tab>Reference T1 DB:id<tab>name"`;
      return { kind: 'N', line, id, target: m[2]!, db: m[3]!, dbId: m[4]!, text: text ?? '' };
    }
    case '#': {
      const m = COMMENT.exec(middle);
      if (!m) return `${id}: expected "${id}<tab>AnnotatorNotes T1<tab>note"`;
      return { kind: '#', line, id, target: m[2]!, text: text ?? '' };
    }
    case '*': {
      const [type, ...targets] = middle.split(' ');
      if (!type || targets.length < 2) return 'expected "*<tab>Equiv T1 T2"';
      return { kind: '*', line, type, targets };
    }
    case 'E': {
      const m = EVENT.exec(middle.trim());
      if (!m) return `${id}: expected "${id}<tab>Type:T1 Role:T2 Role2:T3"`;
      const args = m[3]!
        .trim()
        .split(' ')
        .filter(Boolean)
        .map((pair) => {
          const colon = pair.lastIndexOf(':');
          return { role: pair.slice(0, colon), target: pair.slice(colon + 1) };
        });
      return { kind: 'E', line, id, type: m[1]!, trigger: m[2]!, args };
    }
    default:
      return `${id}: unknown kind of annotation line "${kind}"`;
  }
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
