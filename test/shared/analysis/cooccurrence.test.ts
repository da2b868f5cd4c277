import { describe, expect, it } from 'vitest';
import { cooccurrences } from '../../../shared/analysis/cooccurrence';
import type { Annotation } from '../../../shared/model/annotation';
import type { CodeRole } from '../../../shared/model/codebook';

const TEXT =
  '😀 TikTok worries privacy groups. Microsoft says little.\n\nSecurity officials warn about TikTok. Nobody else.\n\nA last paragraph on security.';
const roles = new Map<string, CodeRole>([
  ['stakeholder', 'stakeholder'],
  ['privacy', 'concern'],
  ['security', 'concern'],
  ['money', 'figure'],
]);
let next = 0;
function tag(quote: string, code: string, stakeholderId?: string, from = 0): Annotation {
  const start = TEXT.indexOf(quote, from);
  if (start < 0) throw new Error(`no "${quote}"`);
  return {
    id: `a${next++}`,
    code,
    author: 'alice',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    target: { start, end: start + quote.length, quote },
    ...(stakeholderId ? { stakeholderId } : {}),
  } as Annotation;
}

const tiktok = tag('TikTok', 'stakeholder', 'tiktok');
const tiktokAgain = tag('TikTok', 'stakeholder', 'tiktok', TEXT.indexOf('warn'));
const microsoft = tag('Microsoft', 'stakeholder', 'microsoft');
const unnamed = tag('Nobody', 'stakeholder');
const privacy = tag('TikTok worries privacy', 'privacy');
const security = tag('Security officials', 'security');
const lastSecurity = tag('security.', 'security');
const all = [tiktok, tiktokAgain, microsoft, unnamed, privacy, security, lastSecurity];
const pairs = (rule: 'overlap' | 'sentence' | 'paragraph') =>
  cooccurrences(TEXT, all, roles, rule)
    .map((c) => `${c.stakeholderId} ${c.concern.id}`)
    .sort();

describe('concern passages near a stakeholder’s mentions', () => {
  it('by overlap: the passages share a character', () => {
    expect(pairs('overlap')).toEqual([`tiktok ${privacy.id}`]);
  });

  it('by sentence: some sentence holds part of each; a concern near two mentions of one stakeholder counts once', () => {
    expect(pairs('sentence')).toEqual([`tiktok ${privacy.id}`, `tiktok ${security.id}`].sort());
  });

  it('by paragraph: some paragraph holds part of each; mentions naming no register entry are left out', () => {
    expect(pairs('paragraph')).toEqual(
      [`microsoft ${privacy.id}`, `tiktok ${privacy.id}`, `tiktok ${security.id}`].sort(),
    );
  });
});
