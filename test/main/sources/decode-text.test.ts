import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/sources/decode-text';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const bytes = (...parts: Array<number[] | Uint8Array>): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => Array.from(part)));

describe('decodeText', () => {
  it('decodes UTF-8 and keeps accents and emoji exactly', () => {
    const text = 'Ça coûte 15 € – naïve résumé 😀👩🏽‍🔬 “quoted” ñ 中文';
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'UTF-8' });
  });

  it('strips a UTF-8 byte order mark and says it was there', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], utf8('café')))).toEqual({
      text: 'café',
      encoding: 'UTF-8 (BOM)',
    });
  });

  it('decodes UTF-16LE and UTF-16BE with a byte order mark', () => {
    expect(decodeText(utf16le('\uFEFFHé 😀\r\nbye'))).toEqual({ text: 'Hé 😀\nbye', encoding: 'UTF-16LE' });
    expect(decodeText(utf16be('\uFEFFHé 😀\r\nbye'))).toEqual({ text: 'Hé 😀\nbye', encoding: 'UTF-16BE' });
  });

  // chardet recognises UTF-16 only by its byte order mark; decodeText spots Latin-script UTF-16
  // by its zero bytes. UTF-16 text without a BOM and without ASCII characters is not recognised.
  it('recognises UTF-16 without a byte order mark by its zero bytes', () => {
    const text = 'Chelsea have sacked Adrian Mutu, a £15.8m signing from Parma.\n';
    expect(decodeText(utf16le(text))).toEqual({ text, encoding: 'UTF-16LE' });
    expect(decodeText(utf16be(text))).toEqual({ text, encoding: 'UTF-16BE' });
  });

  it('normalises CRLF and lone CR line endings to LF', () => {
    expect(decodeText(utf8('one\r\ntwo\rthree\n\r\nfour\r')).text).toBe('one\ntwo\nthree\n\nfour\n');
  });

  it('decodes windows-1252 bytes such as curly quotes and é', () => {
    const sentence = bytes(
      utf8('The minister said '),
      [0x93],
      utf8('we will not raise taxes'),
      [0x94],
      utf8(' at a caf'),
      [0xe9],
      utf8(' in London on Friday, and critics called the plan naive.'),
    );
    const decoded = decodeText(sentence);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(
      'The minister said \u201cwe will not raise taxes\u201d at a café in London on Friday, and critics called the plan naive.',
    );
  });

  it('decodes an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'UTF-8' });
  });

  it('rejects bytes with NULs as binary', () => {
    const pdfLike = bytes(utf8('%PDF-1.7\n'), [0x00, 0x01, 0x02, 0xff, 0x00, 0x00, 0x10, 0x80, 0x00, 0x7f]);
    expect(() => decodeText(pdfLike)).toThrow(/looks like a binary file, not text/);
    expect(() => decodeText(bytes(utf8('hello'), [0x00], utf8('world')))).toThrow(/binary/);
  });

  it('follows a declared legacy encoding, unless the bytes are UTF-8 with non-ASCII characters', () => {
    expect(decodeText(bytes(utf8('caf'), [0xe9]), 'iso-8859-1')).toEqual({
      text: 'café',
      encoding: 'windows-1252',
    });
    expect(decodeText(bytes(utf8('caf'), [0xe8]), 'iso-8859-2')).toEqual({
      text: 'cafč',
      encoding: 'ISO-8859-2',
    });
    expect(decodeText(utf8('café'), 'windows-1252')).toEqual({ text: 'café', encoding: 'UTF-8' });
    expect(decodeText(utf8('cafe'), 'windows-1252')).toEqual({ text: 'cafe', encoding: 'windows-1252' });
  });

  it('ignores a declared encoding it does not know', () => {
    expect(decodeText(utf8('café'), 'x-no-such-encoding')).toEqual({ text: 'café', encoding: 'UTF-8' });
  });
});
