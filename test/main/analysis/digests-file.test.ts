import { describe, expect, it } from 'vitest';
import { decodeDigests, encodeDigests, type StampedDigest } from '../../../main/analysis/digests-file';
import type { FileDigest } from '../../../main/analysis/file-digest';

/**
 * .gloss/cache/annotation-digests.bin gives back exactly what went in, whatever the text holds
 * (accents, emoji, a surrogate pair cut between two strings), and a file that is damaged, cut
 * short or of another version is not read at all.
 */
const FINGERPRINT = 'a'.repeat(64);

function digest(overrides: Partial<FileDigest> = {}): FileDigest {
  return {
    annotator: 'zoë',
    fingerprint: FINGERPRINT,
    status: 'in-progress',
    note: 'Relire le passage sur la société 🇫🇷',
    date: '2020-08-02',
    annotations: [
      {
        id: 'a1',
        code: 'stakeholder',
        author: 'zoë',
        target: { start: 0, end: 6, quote: 'TikTok' },
        stakeholderId: 'tiktok',
      },
      {
        id: 'a2',
        code: 'valuation',
        author: 'zoë',
        target: { start: 120, end: 137, quote: '$ 15-30 billion 💰' },
        note: 'range, not a point',
        value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'approximately', measures: 'valuation' },
      },
      {
        id: 'a3',
        code: 'users',
        author: 'zoë',
        target: { start: 200, end: 211, quote: '80 millions' },
        value: { min: 8e7, max: 8e7, unit: 'users', qualifier: 'exactly' },
      },
      {
        id: 'a4',
        code: 'privacy',
        author: 'bob',
        target: { start: 2 ** 31, end: 2 ** 31 + 3, quote: 'données' },
        value: { min: -0.5, max: 1e-300, qualifier: 'at-least' },
      },
    ],
    relations: [{ id: 'r1', type: 'describes', from: 'a2', to: 'a1' }],
    ...overrides,
  };
}

const entries = (digests: Record<string, FileDigest>): Map<string, StampedDigest> =>
  new Map(
    Object.entries(digests).map(([name, d], i) => [
      name,
      { size: 1000 + i, mtimeMs: 1733570573894.123 + i, digest: d },
    ]),
  );

describe('the annotation digests file', () => {
  it('gives back every field exactly, strings shared between files included', () => {
    const written = entries({
      'world/tiktok.txt/zoë.json': digest(),
      'world/tiktok.txt/bob.json': digest({ annotator: 'bob', note: '', date: undefined, relations: [] }),
      'empty.txt/zoë.json': digest({ status: 'todo', fingerprint: '', annotations: [], relations: [] }),
    });
    // A file without a date has no date field, as a file read from disk has none.
    delete written.get('world/tiktok.txt/bob.json')!.digest.date;
    const read = decodeDigests(encodeDigests(written));
    expect(read).toEqual(written);
    expect([...read!.keys()]).toEqual([...written.keys()]);
    expect('date' in read!.get('world/tiktok.txt/bob.json')!.digest).toBe(false);
    expect('note' in read!.get('world/tiktok.txt/zoë.json')!.digest.annotations[0]!).toBe(false);
  });

  it('gives back a surrogate pair cut between two strings, and leaves out a file holding half a pair', () => {
    const pair = '😀';
    const cut = digest({
      annotations: [
        {
          id: 'a1',
          code: 'privacy',
          author: 'zoë',
          target: { start: 0, end: 1, quote: pair[0]! + pair[1]! },
        },
        { id: 'a2', code: 'privacy', author: 'zoë', target: { start: 3, end: 5, quote: `x${pair}` } },
      ],
      relations: [],
    });
    const lone = digest({
      annotations: [
        { id: 'b1', code: 'privacy', author: 'zoë', target: { start: 0, end: 1, quote: '\uD83D' } },
      ],
      relations: [],
    });
    const read = decodeDigests(encodeDigests(entries({ 'a.txt/zoë.json': cut, 'b.txt/zoë.json': lone })));
    expect([...read!.keys()]).toEqual(['a.txt/zoë.json']);
    expect(read!.get('a.txt/zoë.json')!.digest).toEqual(cut);
  });

  it('is not read when damaged, cut short, empty or of another version', () => {
    const bytes = encodeDigests(entries({ 'a.txt/zoë.json': digest() }));
    expect(decodeDigests(bytes)).toBeDefined();
    for (let at = 9; at < bytes.length; at += 7) {
      const damaged = bytes.slice();
      damaged[at]! ^= 0x20;
      expect(decodeDigests(damaged), `byte ${at} changed`).toBeUndefined();
    }
    for (const length of [0, 4, 9, 40, bytes.length - 1]) {
      expect(decodeDigests(bytes.subarray(0, length)), `cut at ${length}`).toBeUndefined();
    }
    const other = bytes.slice();
    other[4] = 99;
    expect(decodeDigests(other)).toBeUndefined();
  });
});
