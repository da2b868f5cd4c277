import type { StakeholderKind } from '../../shared/model/stakeholder';
import { type NameLexicon, nameLexicon } from './name-lexicon';
import { isCapitalised, JOINERS, nameRuns, type Word, wordsOf } from './name-runs';
import { afterTitles, splitBeforeTitles, titlesOpening } from './person-titles';

/** A proper-noun phrase that may name a stakeholder not yet in the register. UTF-16 offsets. */
export interface Candidate {
  start: number;
  end: number;
  /** The phrase as it should be named in the register (possessive and punctuation left out). */
  name: string;
  kind: StakeholderKind;
}

const CUTTING_JOINERS = new Set(['of', 'the', 'for']);

/** Lexicon tags that mark a word as part of a name rather than a common word written at a sentence's start. */
const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'Organization',
  'SportsTeam',
  'Honorific',
  'ProperNoun',
  'Place',
  'City',
  'Country',
  'Region',
]);
/** Abbreviations written in capitals that name no stakeholder. */
const NOT_ORGANISATIONS = new Set(
  [
    'us uk usa eu tv dvd cd hd pc pcs id gmt bst gdp cpi hiv aids dna ceo cfo coo mp mps qc vat',
    'r&b lng drm ps2 ps3 mp3 sms mms gsm 3g pda gps os dos usb lcd cpu ipo pr mw kw gb mb mph',
    'pm am fm dj ok it faq www pdf pin ufo ad bc',
  ]
    .join(' ')
    .split(' '),
);
const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PERSON_TAGS = new Set([...GIVEN_NAME_TAGS, 'LastName', 'Person']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam']);
const PLACE_TAGS = new Set(['Place', 'City', 'Country', 'Region']);

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
 * People and organisations named in a text, found offline, as candidates for the register.
 * Only phrases written as names are kept (every word capitalised but small joiners): "the
 * Chinese government" or "Trump administration" describe stakeholders rather than name them.
 * A phrase is a person when it opens with a title ("Mr Nath", "President Vladimir Putin") or a
 * given name ("Kamal Nath"), or is a known name; an organisation when it ends in an
 * organisation's word ("Foreign Investment Promotion Board", "Bank of England"), is a known
 * organisation ("Vodafone") or is written in capitals ("IAAF"). Places ("London"), and phrases
 * with no sign either way, are left out. A capitalised word that opens a sentence counts as a
 * name only if the lexicon says so or the text writes it capitalised elsewhere too ("Yukos said"
 * after "shares in Yukos"), so "But", "Shares" or "Quarterly" start no candidate.
 *
 * Compromise's whole tagger took about 27 ms per news article (48 s over the 1,781 BBC articles);
 * this reads its lexicon only, in well under a millisecond per article.
 */
export function findCandidates(text: string): Candidate[] {
  const lexicon = nameLexicon();
  const words = wordsOf(text);
  const capitalisedInside = new Set<string>();
  for (const word of words)
    if (!word.sentenceStart && isCapitalised(text, word)) capitalisedInside.add(word.lower);

  const found: Candidate[] = [];
  for (const run of nameRuns(text, words)) {
    for (const part of splitAtJoiners(run, lexicon)) {
      const candidate = classify(text, part, lexicon, capitalisedInside);
      if (candidate) found.push(candidate);
    }
  }
  return found;
}

/**
 * "Bank of England" and "Department for Transport" are one name; "Stuart Hensel of the Economist"
 * and "Lord of the Rings" are not: a run is cut at "of", "the" or "for" unless an organisation's
 * word stands before it.
 */
function splitAtJoiners(run: Word[], lexicon: NameLexicon): Word[][] {
  const parts: Word[][] = [];
  let part: Word[] = [];
  for (const word of run) {
    const previous = part.at(-1);
    const cuts =
      CUTTING_JOINERS.has(word.lower) &&
      previous &&
      !CUTTING_JOINERS.has(previous.lower) &&
      !lexicon.isOrgWord(previous.lower);
    if (cuts) {
      parts.push(part);
      part = [];
    } else if (!(CUTTING_JOINERS.has(word.lower) && part.length === 0 && parts.length > 0)) part.push(word);
  }
  parts.push(part);
  return parts.flatMap((words) => splitBeforeTitles(words, lexicon)).filter((words) => words.length > 0);
}

function classify(
  text: string,
  run: Word[],
  lexicon: NameLexicon,
  capitalisedInside: ReadonlySet<string>,
): Candidate | undefined {
  let words = run;
  const first = words[0]!;
  const common =
    first.sentenceStart &&
    titlesOpening(words, 0, lexicon) === 0 &&
    !isNameLike(first, lexicon, capitalisedInside) &&
    // "Apple Inc." and "Barclays Bank" open a sentence as names; "The Bank" does not.
    !(words.length > 1 && lexicon.isOrgWord(words.at(-1)!.lower) && !isFunctionWord(first, lexicon));
  if (common) words = words.slice(1);
  while (words.length > 0 && JOINERS.has(words[0]!.lower)) words = words.slice(1);
  while (words.length > 0 && JOINERS.has(words.at(-1)!.lower)) words = words.slice(0, -1);
  if (words.length === 0) return undefined;

  // "American Justin Gatlin", "Frenchwoman Camille Pin": a word that describes the person, then
  // the name from its given name on.
  if (
    words.length > 2 &&
    lexicon.tags(words[1]!.lower)?.some((tag) => GIVEN_NAME_TAGS.has(tag)) &&
    !lexicon.tags(words[0]!.lower)?.some((tag) => NAME_TAGS.has(tag)) &&
    !isAcronym(words[0]!) &&
    titlesOpening(words, 0, lexicon) === 0
  )
    words = words.slice(1);
  const titled = afterTitles(words, lexicon);
  if (titled === null) return undefined;
  if (titled) words = titled;
  const kind = titled ? 'person' : kindOf(words, lexicon);
  if (!kind) return undefined;
  const start = words[0]!.start;
  let end = words.at(-1)!.end;
  // The full stop of an abbreviation ("Apple Inc.", "Warner Bros.") belongs to the name.
  if (text[end] === '.' && /^(?:inc|co|corp|ltd|bros|jr|sr)$/.test(words.at(-1)!.lower)) end += 1;
  const name = text.slice(start, end).split(/\s+/).join(' ');
  return { start, end, name, kind: kind === 'organisation' ? organisationKind(name) : kind };
}

function kindOf(words: readonly Word[], lexicon: NameLexicon): 'person' | 'organisation' | undefined {
  const tagsOf = (word: Word) => lexicon.tags(word.lower) ?? [];
  const has = (word: Word, wanted: ReadonlySet<string>) => tagsOf(word).some((tag) => wanted.has(tag));
  const whole = lexicon.tags(words.map((w) => w.lower).join(' '));
  if (whole && words.length > 1) {
    if (whole.some((tag) => PERSON_TAGS.has(tag))) return 'person';
    if (whole.some((tag) => ORG_TAGS.has(tag))) return 'organisation';
    if (whole.some((tag) => PLACE_TAGS.has(tag))) return undefined;
  }
  const last = words.at(-1)!;
  const orgEnding =
    (words.length > 1 && lexicon.isOrgWord(last.lower)) ||
    // "Bank of England", "Department of Health"
    words.some((word, i) => i > 0 && word.lower === 'of' && lexicon.isOrgWord(words[i - 1]!.lower));
  const lone = words.length === 1 && (lexicon.isOrgWord(last.lower) || tagsOf(last).includes('Abbreviation'));
  if (!lone && (orgEnding || words.some((word) => has(word, ORG_TAGS)))) return 'organisation';

  if (words.every((word) => has(word, PLACE_TAGS)) || lexicon.isPlaceWord(last.lower)) return undefined;
  if (words.length > 1 && has(words[0]!, GIVEN_NAME_TAGS)) return 'person';
  // "Bill Clinton", "Ray Charles", "Frank Darabont": a given name that is a word too, before a
  // surname or a word the lexicon does not know.
  if (
    words.length > 1 &&
    lexicon.nameAlso(words[0]!.lower) &&
    words.slice(1).every((word) => !hasCommonTag(tagsOf(word)) && !has(word, PLACE_TAGS))
  )
    return 'person';
  if (words.length > 1 && has(last, PERSON_TAGS) && words.every((word) => !hasCommonTag(tagsOf(word))))
    return 'person';
  if (words.length === 1) {
    const tags = tagsOf(last);
    const alsoPlaceOrDate = ['Place', 'Date'].includes(lexicon.nameAlso(last.lower) ?? '');
    if (tags.length > 0 && tags.every((tag) => PERSON_TAGS.has(tag)) && !alsoPlaceOrDate) return 'person';
    // Unknown to the lexicon, so not "US" (a pronoun to it) or "TV", and not a common abbreviation.
    if (isAcronym(last) && tagsOf(last).length === 0 && !NOT_ORGANISATIONS.has(last.lower))
      return 'organisation';
  }
  return undefined;
}

/** Written in capitals: two or more capital letters, perhaps with digits or a hyphen ("IAAF", "WRAZ-TV"). */
function isAcronym(word: Word): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*$/u.test(word.written);
}

const FUNCTION_TAGS = new Set([
  'Determiner',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Adverb',
  'QuestionWord',
]);

function isFunctionWord(word: Word, lexicon: NameLexicon): boolean {
  return lexicon.tags(word.lower)?.some((tag) => FUNCTION_TAGS.has(tag)) ?? false;
}

function hasCommonTag(tags: readonly string[]): boolean {
  return tags.some((tag) => !NAME_TAGS.has(tag));
}

function isNameLike(word: Word, lexicon: NameLexicon, capitalisedInside: ReadonlySet<string>): boolean {
  if (isAcronym(word)) return true;
  const tags = lexicon.tags(word.lower);
  if (tags) return tags.some((tag) => NAME_TAGS.has(tag));
  return capitalisedInside.has(word.lower);
}

function organisationKind(name: string): StakeholderKind {
  return KIND_WORDS.find(([words]) => words.test(name))?.[1] ?? 'company';
}
