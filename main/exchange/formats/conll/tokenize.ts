/** A token of a text. Offsets are UTF-16 code units into the whole text, end exclusive. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Abbreviations that keep their full stop ("Mr.", "Inc."), so that it does not end a sentence.
 * Case matters: "Co." is an abbreviation, "co." is not.
 */
const ABBREVIATIONS = [
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Sr',
  'Jr',
  'St',
  'Mt',
  'Rev',
  'Gen',
  'Gov',
  'Sen',
  'Rep',
  'Col',
  'Capt',
  'Lt',
  'Sgt',
  'Inc',
  'Ltd',
  'Corp',
  'Co',
  'Bros',
  'vs',
  'etc',
  'approx',
  'cf',
];

const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
const WORD_CHAR = `(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}\\p{Pc}])`;

/**
 * The tokenizer's rule, tried in this order at each position (whitespace is never part of a token):
 * 1. An emoji with its skin-tone modifiers, variation selectors and zero-width-joined parts
 *    ("👩‍👩‍👧"), or a flag (two regional indicators), is one token.
 * 2. A listed abbreviation with its full stop ("Mr.") is one token…
 * 3. …and so are initialisms, letters each followed by a full stop ("U.S.", "e.g.").
 * 4. A run of Chinese or Japanese characters is one token: without a dictionary they cannot be
 *    cut into words, but they are cut from the Latin letters and digits around them ("北京GDP").
 * 5. A word is a run of Unicode letters, marks, digits and "_", keeping a "." or "," between
 *    digits ("3.5", "800,000") and an apostrophe between letters ("don't").
 * 6. Any other character (punctuation, "$", "£", quotes) is a token of its own.
 */
const TOKEN = new RegExp(
  [
    '\\p{RI}\\p{RI}',
    '\\p{Extended_Pictographic}(?:\\p{EMod}|\\uFE0F|\\u20E3)*(?:\\u200D\\p{Extended_Pictographic}(?:\\p{EMod}|\\uFE0F)*)*',
    `(?<![\\p{L}\\p{N}])(?:${ABBREVIATIONS.join('|')})\\.`,
    '(?<![\\p{L}\\p{N}])(?:\\p{L}\\.){2,}',
    `[${CJK}]+`,
    `${WORD_CHAR}+(?:(?:(?<=\\p{Nd})[.,](?=\\p{Nd})|(?<=\\p{L})['’](?=\\p{L}))${WORD_CHAR}+)*`,
    '\\S',
  ].join('|'),
  'gu',
);

/** The tokens of `text`, in order; `offset` is added to every position (for a slice of a larger text). */
export function tokenize(text: string, offset = 0): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));
}
