/**
 * What a count counts: the noun after the number ("3,000 jobs", "half a billion active users").
 * Without a part-of-speech tagger the noun is found by shape: a plural (or a known singular after
 * "1" or in "10-year"), perhaps after a few modifiers. Units are kept as written, in lower case,
 * except time units and a few irregular singulars, which are normalised ("year" → "years").
 */

/** Time units, singular → the unit Gloss stores. */
export const TIME_UNITS: Record<string, string> = {
  second: 'seconds',
  seconds: 'seconds',
  secs: 'seconds',
  sec: 'seconds',
  minute: 'minutes',
  minutes: 'minutes',
  mins: 'minutes',
  hour: 'hours',
  hours: 'hours',
  hrs: 'hours',
  day: 'days',
  days: 'days',
  week: 'weeks',
  weeks: 'weeks',
  month: 'months',
  months: 'months',
  year: 'years',
  years: 'years',
  decade: 'decades',
  decades: 'decades',
  century: 'centuries',
  centuries: 'centuries',
};

/** Singular nouns read as a unit and normalised to the plural, so "1 person" and "3 people" agree. */
const SINGULARS: Record<string, string> = {
  ...TIME_UNITS,
  person: 'people',
  people: 'people',
  user: 'users',
  job: 'jobs',
  worker: 'workers',
  employee: 'employees',
  customer: 'customers',
  subscriber: 'subscribers',
  vote: 'votes',
  home: 'homes',
  child: 'children',
  man: 'men',
  woman: 'women',
};

/** Plurals that do not end in "s", and collective nouns counted like plurals. */
const IRREGULAR_PLURALS = new Set([
  'people',
  'men',
  'women',
  'children',
  'staff',
  'police',
  'personnel',
  'cattle',
  'sheep',
  'fish',
  'aircraft',
  'livestock',
  'troops',
  'feet',
  'teeth',
  'mice',
  'geese',
  'jobless',
]);

/** Units written straight after the digits ("7.2MB", "1.4GHz", "7.09secs"), in lower case. */
export const ATTACHED_UNITS: Record<string, string> = {
  kb: 'KB',
  mb: 'MB',
  gb: 'GB',
  tb: 'TB',
  kbps: 'kbps',
  mbps: 'Mbps',
  gbps: 'Gbps',
  mhz: 'MHz',
  ghz: 'GHz',
  secs: 'seconds',
  sec: 'seconds',
  mins: 'minutes',
  hrs: 'hours',
  km: 'km',
  kg: 'kg',
  mph: 'mph',
  cm: 'cm',
  mm: 'mm',
  ft: 'feet',
  bpd: 'barrels per day',
  x: 'times',
};

/** Measurement units written apart from the number ("115 mph", "12,600 MW"), by lower case. */
export const SPACED_UNITS: Record<string, string> = {
  mph: 'mph',
  km: 'km',
  kg: 'kg',
  mw: 'MW',
  gw: 'GW',
  kwh: 'kWh',
  mb: 'MB',
  gb: 'GB',
  mbps: 'Mbps',
  kbps: 'kbps',
  ghz: 'GHz',
  mhz: 'MHz',
  bpd: 'barrels per day',
};

/**
 * Words that end in "s" without being a plural noun, and words that end the search for a noun
 * (articles, pronouns, prepositions, conjunctions, auxiliaries, common verbs and adverbs).
 */
const NOT_NOUNS = new Set(
  (
    'is was has as its this his hers ours yours theirs thus plus yes us less unless across towards ' +
    'afterwards always perhaps whereas besides various serious famous enormous numerous ' +
    'overseas nowadays sometimes does goes says makes takes gives comes becomes remains means ' +
    'includes involves seems shows looks news analysis basis crisis thesis chaos bonus status ' +
    'virus census campus focus consensus corpus stimulus surplus gas bus ' +
    'the a an of in on at to for from by with and or but nor than then that which who whom whose ' +
    'what when where while if so as be been being are were am do did done have had having will ' +
    'would shall should can could may might must not no it he she they we you i them their our ' +
    'your my me him her there here these those such each every all both either neither any some ' +
    'more most much many few fewer other another own same up down out off over under into onto ' +
    'about around after before since until during between among per via against within without ' +
    'ago later earlier last next ahead back away said say told year-on-year annually a-year apiece ' +
    'each yearly monthly weekly daily respectively alone only just even also still too again'
  ).split(' '),
);

/** Modifiers allowed between the number and its noun even though they are not nouns themselves. */
const MODIFIER_ONLY = new Set([
  'more',
  'fewer',
  'other',
  'extra',
  'additional',
  'new',
  'overseas',
  'monthly',
]);

/** True when `word` (lower case) is shaped like a plural noun. */
export function isPluralNoun(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  if (NOT_NOUNS.has(word) || word.length < 3) return false;
  if (!/^[a-z]+$/.test(word)) return false;
  return word.endsWith('s') && !/(ss|us|is|ous)$/.test(word);
}

/** True when `word` may stand between a number and its noun ("active", "mobile phone", "new"). */
export function isModifier(word: string): boolean {
  if (MODIFIER_ONLY.has(word)) return true;
  return /^[a-z]+$/.test(word) && !NOT_NOUNS.has(word) && !word.endsWith('ly');
}

/**
 * The unit Gloss stores for the noun `word` (lower case), or undefined when it is not one.
 * `singularOk` straight after "1". Time words are units in the singular too ("a 10 month
 * deficit"); "last", "next" and "this" end the search, so "5 million last year" has none.
 */
export function unitOfNoun(word: string, { singularOk }: { singularOk: boolean }): string | undefined {
  if (word in TIME_UNITS) return TIME_UNITS[word];
  const normal = SINGULARS[word];
  if (normal && (singularOk || normal === word)) return normal;
  return isPluralNoun(word) ? word : undefined;
}

export function isTimeUnit(unit: string | undefined): boolean {
  return unit !== undefined && Object.values(TIME_UNITS).includes(unit);
}
