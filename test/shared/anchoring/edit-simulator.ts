/**
 * Realistic edits to an article's text — typo fixes, sentences and paragraphs inserted and
 * deleted, lines re-wrapped, quotation marks made curly or straight — that keep the ground
 * truth: where each annotated span is after every edit, or that it was deleted. Also the corpus
 * measurements' workload (200 articles, annotated and edited, the same on every run) and their
 * rule for judging a placement, shared by the pure measurement and the one through a project.
 * All offsets are UTF-16 code units.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Placement } from '../../../shared/anchoring/reanchor';
import { splitsSurrogatePair } from '../../../shared/text/offsets';
import { type Paragraph, splitParagraphs } from '../../../shared/text/paragraphs';
import { type Sentence, splitSentences } from '../../../shared/text/sentences';
import { CORPUS } from '../../support/corpus';
import { SeededRandom } from '../../support/seeded-random';
import { annotate, type CorpusAnnotation } from './corpus-annotations';

export interface Span {
  start: number;
  end: number;
}

/** Replace `remove` code units at `at` with `insert`. */
export interface Splice {
  at: number;
  remove: number;
  insert: string;
}

export const EDIT_KINDS = [
  'typo fixed',
  'typo fixed inside a quote',
  'sentence inserted',
  'sentence deleted',
  'paragraph inserted',
  'paragraph deleted',
  'lines re-wrapped',
  'quotation marks changed',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** Where an annotated span is now, or 'deleted' once most of its text is gone (an orphan is then right). */
export type Truth = Span | 'deleted';

/** An annotation counts as deleted once less than this share of its original characters is left. */
const SURVIVES = 0.5;

export class EditedText {
  readonly truth: Truth[];
  private readonly left: number[];
  private readonly lengths: number[];

  constructor(
    public text: string,
    spans: readonly Span[],
  ) {
    this.truth = spans.map((s) => ({ ...s }));
    this.lengths = spans.map((s) => s.end - s.start);
    this.left = [...this.lengths];
  }

  /** Applies non-overlapping splices, mapping every span through each. */
  apply(splices: readonly Splice[]): void {
    for (const splice of [...splices].sort((a, b) => b.at - a.at)) {
      const { at, remove, insert } = splice;
      this.text = this.text.slice(0, at) + insert + this.text.slice(at + remove);
      this.truth.forEach((span, i) => {
        if (span !== 'deleted') this.truth[i] = this.mapSpan(span, splice, i);
      });
    }
  }

  private mapSpan(span: Span, { at, remove, insert }: Splice, index: number): Truth {
    const removedEnd = at + remove;
    const delta = insert.length - remove;
    this.left[index]! -= Math.max(0, Math.min(span.end, removedEnd) - Math.max(span.start, at));
    // Text inserted where a span starts goes before it; where it ends, after it. Text replaced
    // from where a span starts (a quotation mark made curly) stays in it.
    const replacedAtStart = span.start === at && remove > 0;
    const start =
      span.start < at || replacedAtStart
        ? span.start
        : span.start >= removedEnd
          ? span.start + delta
          : at + insert.length;
    const end = span.end <= at ? span.end : span.end >= removedEnd ? span.end + delta : at;
    if (start >= end || this.left[index]! < SURVIVES * this.lengths[index]!) return 'deleted';
    return { start, end };
  }

  paragraphs(): Paragraph[] {
    return splitParagraphs(this.text);
  }

  /** The body's paragraphs: the first paragraph of a BBC article is its headline. */
  body(): Paragraph[] {
    return this.paragraphs().slice(1);
  }
}

/**
 * One edit of `kind`, with text to insert taken from `donor` (another article). Returns false
 * when the text offers no place for it (no paragraph long enough to re-wrap, say).
 */
export function edit(kind: EditKind, text: EditedText, random: SeededRandom, donor: string): boolean {
  switch (kind) {
    case 'typo fixed':
      return typo(text, random, false);
    case 'typo fixed inside a quote':
      return typo(text, random, true);
    case 'sentence inserted':
      return insertSentence(text, random, donor);
    case 'sentence deleted':
      return deleteSentence(text, random);
    case 'paragraph inserted':
      return insertParagraph(text, random, donor);
    case 'paragraph deleted':
      return deleteParagraph(text, random);
    case 'lines re-wrapped':
      return rewrap(text, random);
    case 'quotation marks changed':
      return changeQuotationMarks(text, random);
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A letter changed, added, dropped or two swapped inside a word of four letters or more, never at its edges. */
function typo(text: EditedText, random: SeededRandom, insideQuote: boolean): boolean {
  let words = [...text.text.matchAll(/[A-Za-z]{4,}/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (insideQuote) {
    const spans = text.truth.filter((t): t is Span => t !== 'deleted');
    words = words.filter((w) => spans.some((s) => s.start <= w.start && w.end <= s.end));
  }
  if (words.length === 0) return false;
  const word = random.pick(words);
  const at = random.int(word.start + 1, word.end - 2);
  const letter = random.pick([...LETTERS].filter((c) => c !== text.text[at]?.toLowerCase()));
  const splice = random.pick<Splice>([
    { at, remove: 1, insert: letter },
    { at, remove: 0, insert: letter },
    { at, remove: 1, insert: '' },
    { at, remove: 2, insert: `${text.text[at + 1]}${text.text[at]}` },
  ]);
  text.apply([splice]);
  return true;
}

/** Sentences as a writer sees them: a line break inside a re-wrapped paragraph does not end one. */
function sentencesOf(paragraphs: readonly Paragraph[]): Sentence[][] {
  return paragraphs.map((p) => splitSentences({ ...p, text: p.text.replace(/[\r\n]/g, ' ') }));
}

function donorSentence(donor: string, random: SeededRandom): string {
  const sentences = sentencesOf(splitParagraphs(donor).slice(1))
    .flat()
    .map((s) => donor.slice(s.start, s.end))
    .filter((s) => s.length >= 30 && s.length <= 200);
  return sentences.length > 0 ? random.pick(sentences) : 'The company declined to comment on the figures.';
}

function insertSentence(text: EditedText, random: SeededRandom, donor: string): boolean {
  const sentences = sentencesOf(text.body()).flat();
  if (sentences.length === 0) return false;
  text.apply([{ at: random.pick(sentences).start, remove: 0, insert: `${donorSentence(donor, random)} ` }]);
  return true;
}

function deleteSentence(text: EditedText, random: SeededRandom): boolean {
  const candidates = sentencesOf(text.body()).filter((s) => s.length >= 2);
  if (candidates.length === 0) return false;
  const sentences = random.pick(candidates);
  const i = random.int(0, sentences.length - 1);
  const sentence = sentences[i]!;
  // With the space that separated it from the next sentence, or from the previous one at a paragraph's end.
  const next = sentences[i + 1];
  const span = next
    ? { start: sentence.start, end: next.start }
    : { start: sentences[i - 1]!.end, end: sentence.end };
  text.apply([{ at: span.start, remove: span.end - span.start, insert: '' }]);
  return true;
}

function insertParagraph(text: EditedText, random: SeededRandom, donor: string): boolean {
  const body = text.body();
  const donated = splitParagraphs(donor).slice(1);
  if (body.length === 0 || donated.length === 0) return false;
  text.apply([{ at: random.pick(body).start, remove: 0, insert: `${random.pick(donated).text}\n\n` }]);
  return true;
}

function deleteParagraph(text: EditedText, random: SeededRandom): boolean {
  const body = text.body();
  if (body.length < 3) return false;
  const i = random.int(0, body.length - 1);
  const next = body[i + 1];
  const span = next
    ? { start: body[i]!.start, end: next.start }
    : { start: body[i - 1]!.end, end: body[i]!.end };
  text.apply([{ at: span.start, remove: span.end - span.start, insert: '' }]);
  return true;
}

/**
 * A paragraph hard-wrapped at 60–80 columns (or re-wrapped if it already was): each whitespace
 * run between words becomes a space or a line break. A third of the time the line breaks are
 * Windows ones ("\r\n"), as an editor on Windows saves them.
 */
function rewrap(text: EditedText, random: SeededRandom): boolean {
  const paragraphs = text.body().filter((p) => p.end - p.start > 100);
  if (paragraphs.length === 0) return false;
  const paragraph = random.pick(paragraphs);
  const width = random.int(60, 80);
  const lineBreak = random.chance(1 / 3) ? '\r\n' : '\n';
  const splices: Splice[] = [];
  let column = 0;
  for (const m of paragraph.text.matchAll(/(\S+)(\s*)/g)) {
    column += m[1]!.length;
    const gap = m[2]!;
    if (gap === '') continue;
    const next = paragraph.text.slice(m.index + m[0].length).match(/^\S+/)?.[0].length ?? 0;
    const breaks = column + 1 + next > width;
    const separator = breaks ? lineBreak : ' ';
    column = breaks ? 0 : column + 1;
    if (gap !== separator) {
      splices.push({ at: paragraph.start + m.index + m[1]!.length, remove: gap.length, insert: separator });
    }
  }
  if (splices.length === 0) return false;
  text.apply(splices);
  return true;
}

/** Straight quotation marks and apostrophes in a paragraph made curly, or curly ones straight. */
function changeQuotationMarks(text: EditedText, random: SeededRandom): boolean {
  const paragraphs = text.body().filter((p) => /['"‘’“”]/.test(p.text));
  if (paragraphs.length === 0) return false;
  const paragraph = random.pick(paragraphs);
  const splices: Splice[] = [];
  let open = true;
  for (const m of paragraph.text.matchAll(/['"‘’“”]/g)) {
    const mark = m[0];
    let replacement: string;
    if (mark === '"') {
      replacement = open ? '“' : '”';
      open = !open;
    } else if (mark === "'") {
      replacement = '’';
    } else replacement = /[‘’]/.test(mark) ? "'" : '"';
    splices.push({ at: paragraph.start + m.index, remove: 1, insert: replacement });
  }
  text.apply(splices);
  return true;
}

export const CORPUS_SEED = 20_240_611;
const CATEGORIES = ['business', 'entertainment', 'politics', 'sport', 'tech'];
const PER_CATEGORY = 40;

/** How often each edit is drawn: typo fixes most, whole paragraphs least. */
const EDIT_WEIGHTS: Record<EditKind, number> = {
  'typo fixed': 20,
  'typo fixed inside a quote': 14,
  'sentence inserted': 14,
  'sentence deleted': 12,
  'paragraph inserted': 8,
  'paragraph deleted': 7,
  'lines re-wrapped': 15,
  'quotation marks changed': 10,
};

export interface EditedArticle {
  /** Its path under news-txt with "/" separators, e.g. "tech/012.txt". */
  name: string;
  original: string;
  annotations: CorpusAnnotation[];
  /** The text after the edits, with where each annotation is now (`truth`, in the same order). */
  edited: EditedText;
  edits: EditKind[];
}

/** The articles in a category that decode as UTF-8 (one legacy-encoded file does not). */
function articles(category: string): { name: string; text: string }[] {
  const dir = join(CORPUS, 'news-txt', category);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name: `${category}/${name}`, text: readFileSync(join(dir, name), 'utf8') }))
    .filter(({ text }) => !text.includes('\uFFFD'));
}

function drawKind(random: SeededRandom): EditKind {
  const total = Object.values(EDIT_WEIGHTS).reduce((a, b) => a + b, 0);
  let roll = random.next() * total;
  for (const kind of EDIT_KINDS) {
    roll -= EDIT_WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  return 'typo fixed';
}

/** 40 articles of each BBC category, each annotated (about 13 annotations) and then edited 3–6 times. */
export function editedCorpus(seed = CORPUS_SEED): EditedArticle[] {
  const random = new SeededRandom(seed);
  const pool = CATEGORIES.flatMap((c) => random.sample(articles(c), PER_CATEGORY));
  return pool.map(({ name, text: original }, n) => {
    const annotations = annotate(original, random);
    const edited = new EditedText(
      original,
      annotations.map((a) => a.target),
    );
    const edits: EditKind[] = [];
    const wanted = random.int(3, 6);
    for (let tries = 0; edits.length < wanted && tries < 20; tries++) {
      const kind = drawKind(random);
      const donor = pool[(n + 1 + random.int(0, pool.length - 2)) % pool.length]!.text;
      if (edit(kind, edited, random, donor)) edits.push(kind);
    }
    return { name, original, annotations, edited, edits };
  });
}

export type Verdict = 'right' | 'wrong placement' | 'orphan, text still there' | 'lost';

/**
 * Whether an annotation placed in the edited `text` is where its ground truth says. An orphan is
 * right when its text was deleted. Where an edit changed the quote itself, a placement may differ
 * from the ground truth by one code unit at one edge (|Δstart| + |Δend| ≤ 1): fixing "nnever"
 * to "never" at a quote's first letter leaves it open whether the quote now starts one letter
 * later, and an approximate match may end either side of an equally costly edit.
 */
export function judge(text: string, quote: string, placement: Placement | undefined, truth: Truth): Verdict {
  if (!placement) return 'lost';
  if (placement.kind === 'orphan') return truth === 'deleted' ? 'right' : 'orphan, text still there';
  const { start, end } = placement;
  if (!(0 <= start && start < end && end <= text.length)) return 'lost';
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return 'lost';
  if (truth === 'deleted') return 'wrong placement';
  if (start === truth.start && end === truth.end) return 'right';
  const off = Math.abs(start - truth.start) + Math.abs(end - truth.end);
  return off <= 1 && text.slice(truth.start, truth.end) !== quote ? 'right' : 'wrong placement';
}
