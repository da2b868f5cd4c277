import { loadOnFirstUse } from './load-on-first-use';

// Most articles are UTF-8, which the runtime decodes: the libraries for older encodings and for
// guessing one are loaded on first use, so that listing a folder of UTF-8 text never pays for them.
const iconv = loadOnFirstUse<typeof import('iconv-lite')>('iconv-lite');
const chardet = loadOnFirstUse<typeof import('chardet')>('chardet');

export interface DecodedText {
  /** The text with "\n" line endings and no byte order mark. */
  text: string;
  /** A readable name of the encoding, e.g. "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "windows-1252". */
  encoding: string;
}

// Longest first: the UTF-32LE mark begins with the UTF-16LE one.
const BYTE_ORDER_MARKS: ReadonlyArray<{ bytes: number[]; codec: string; name: string }> = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], codec: 'utf-32le', name: 'UTF-32LE' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], codec: 'utf-32be', name: 'UTF-32BE' },
  { bytes: [0xef, 0xbb, 0xbf], codec: 'utf-8', name: 'UTF-8 (BOM)' },
  { bytes: [0xff, 0xfe], codec: 'utf-16le', name: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], codec: 'utf-16be', name: 'UTF-16BE' },
];

// Labels the WHATWG Encoding standard maps elsewhere: browsers decode Latin-1 as its Windows superset,
// whose extra characters (curly quotes, dashes, €) are what such files almost always contain.
const WHATWG_LABELS: Readonly<Record<string, string>> = {
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  latin5: 'windows-1254',
  'iso-8859-8-i': 'iso-8859-8',
};

/** Sniffing more than this adds time, not accuracy. */
const SAMPLE_BYTES = 64 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a text file whose encoding nobody stated, as a browser opening a local file would:
 * a byte order mark wins, then UTF-8 if the bytes are valid UTF-8, then a detected legacy code page.
 * `declared` is an encoding label the file states about itself (an HTML `<meta charset>`); it is
 * trusted over detection, but not over bytes that are valid UTF-8 with non-ASCII characters,
 * which is what a page re-saved by a browser or editor looks like.
 * Throws an Error when the bytes are not text.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  const decoded = decodeRaw(bytes, declared);
  if (decoded.text.includes('\u0000')) {
    throw new Error('looks like a binary file, not text: it contains NUL bytes');
  }
  return { text: normaliseLineEndings(decoded.text), encoding: decoded.encoding };
}

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function decodeRaw(bytes: Uint8Array, declared: string | undefined): DecodedText {
  const bom = BYTE_ORDER_MARKS.find((mark) => mark.bytes.every((b, i) => bytes[i] === b));
  if (bom) {
    return { text: decodeWith(bytes.subarray(bom.bytes.length), bom.codec), encoding: bom.name };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decodeWith(bytes, utf16.toLowerCase()), encoding: utf16 };

  const utf8 = tryUtf8(bytes);
  const legacy = declared === undefined ? undefined : supportedLegacy(declared);
  if (legacy && (utf8 === undefined || isAscii(bytes))) {
    return { text: decodeWith(bytes, legacy), encoding: legacy };
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };

  const detected = detectLegacy(bytes);
  return { text: decodeWith(bytes, detected), encoding: detected };
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(bytes: Uint8Array, codec: string): string {
  // iconv-lite would strip a BOM again; ours is already gone and a second U+FEFF is content.
  return iconv().decode(bytes, codec, { stripBOM: false });
}

/** A legacy (non-UTF) encoding iconv-lite can decode, by its WHATWG name, or undefined. */
function supportedLegacy(label: string): string | undefined {
  const lower = label.trim().toLowerCase();
  const name = WHATWG_LABELS[lower] ?? lower;
  if (/^(utf|unicode|ucs)/.test(name) || !iconv().encodingExists(name)) return undefined;
  return displayName(name);
}

function detectLegacy(bytes: Uint8Array): string {
  const best = chardet().analyse(bytes.subarray(0, SAMPLE_BYTES))[0];
  const name = best ? supportedLegacy(best.name) : undefined;
  return name ?? 'windows-1252';
}

function displayName(name: string): string {
  const known: Record<string, string> = {
    shift_jis: 'Shift_JIS',
    'euc-jp': 'EUC-JP',
    'euc-kr': 'EUC-KR',
    gb18030: 'GB18030',
    big5: 'Big5',
    'koi8-r': 'KOI8-R',
  };
  return known[name] ?? (name.startsWith('iso-') ? name.toUpperCase() : name);
}

/**
 * chardet recognises UTF-16 only by its byte order mark. Without one, text in a Latin script
 * still betrays itself: every other byte is zero, at odd offsets for little-endian.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'UTF-16LE';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'UTF-16BE';
  return undefined;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}
