import { createRequire } from 'node:module';
import type { StakeholderKind } from '../../shared/model/stakeholder';

/** A proper-noun phrase that may name a stakeholder not yet in the register. UTF-16 offsets. */
export interface Candidate {
  start: number;
  end: number;
  /** The phrase as it should be named in the register (possessive and punctuation left out). */
  name: string;
  kind: StakeholderKind;
}

interface Match {
  text: string;
  offset: { start: number; length: number };
}
type Nlp = (text: string) => {
  people(): { json(options: { offset: true }): Match[] };
  organizations(): { json(options: { offset: true }): Match[] };
};

// compromise takes a moment to load and most commands never need it: loaded on first use.
const requireHere = createRequire(import.meta.url);
let nlp: Nlp | undefined;
function loadNlp(): Nlp {
  nlp ??= requireHere('compromise') as Nlp;
  return nlp;
}

/** Small words a name may hold in lower case ("Bank of England", "Ludwig van Beethoven"). */
const JOINERS = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'du',
  'da',
  'van',
  'von',
  'der',
  'al',
  'la',
  'le',
  '&',
]);

const KIND_WORDS: [RegExp, StakeholderKind][] = [
  // Initials such as U.S., U.K., E.U.: countries and unions of them.
  [/^(?:\p{Lu}\.){2,3}$/u, 'government'],
  [
    /\b(government|ministry|department|council|parliament|congress|senate|commission|administration|authority|agency|police|army|court|white house|treasury|bank of)\b/i,
    'government',
  ],
  [
    /\b(union|foundation|association|amnesty|society|institute|campaign|charity|trust|federation|watch)\b/i,
    'ngo',
  ],
  [
    /\b(times|journal|news|post|herald|gazette|guardian|telegraph|bbc|cnn|reuters|press|tribune|magazine|radio|tv|channel)\b/i,
    'media',
  ],
];

/**
 * People and organisations named in a text, found offline by compromise's part-of-speech
 * tagger, as candidates for the register. Only phrases written as names are kept (every word
 * capitalised but small joiners): "the Chinese government" or "Trump administration" describe
 * stakeholders rather than name them.
 */
export function findCandidates(text: string): Candidate[] {
  const doc = loadNlp()(text);
  const found: Candidate[] = [];
  const take = (matches: Match[], kindOf: (name: string) => StakeholderKind) => {
    for (const match of matches) {
      const trimmed = nameSpan(text, match.offset.start, match.offset.start + match.offset.length);
      if (!trimmed) continue;
      found.push({ ...trimmed, kind: kindOf(trimmed.name) });
    }
  };
  take(doc.people().json({ offset: true }), () => 'person');
  take(
    doc.organizations().json({ offset: true }),
    (name) => KIND_WORDS.find(([words]) => words.test(name))?.[1] ?? 'company',
  );
  const seen = new Set<number>();
  return found.filter((c) => !seen.has(c.start) && seen.add(c.start)).sort((a, b) => a.start - b.start);
}

/** The span without trailing punctuation or a possessive, if what is left is written as a name. */
function nameSpan(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; name: string } | undefined {
  let phrase = text.slice(start, end);
  const trailing = /(?:['’]s|['’])?[\s.,;:!?"”)\]]*$/u.exec(phrase);
  // A final full stop of an abbreviation ("U.S.", "Inc.") belongs to the name.
  let cut = trailing ? trailing.index : phrase.length;
  if (
    /\b\p{Lu}\.$|\bInc\.$|\bCo\.$|\bLtd\.$|\bCorp\.$|\bMr\.$|\bMrs\.$|\bDr\.$/u.test(phrase.slice(0, cut + 1))
  )
    cut += 1;
  phrase = phrase.slice(0, cut);
  const leading = /^[\s"“(]*/u.exec(phrase)![0].length;
  phrase = phrase.slice(leading);
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const named = words.every((word) => /^\p{Lu}/u.test(word) || JOINERS.has(word.toLowerCase()));
  if (!named || JOINERS.has(words[0]!.toLowerCase()) || JOINERS.has(words.at(-1)!.toLowerCase()))
    return undefined;
  return { start: start + leading, end: start + leading + phrase.length, name: words.join(' ') };
}
