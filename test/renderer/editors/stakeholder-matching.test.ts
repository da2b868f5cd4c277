import { describe, expect, it } from 'vitest';
import {
  isKnownName,
  MATCH,
  matchStakeholders,
  normalizeName,
} from '../../../renderer/src/components/editors/stakeholder-matching';
import type { Stakeholder } from '../../../shared/model/stakeholder';

const register: Stakeholder[] = [
  { id: 'bytedance', name: 'ByteDance', kind: 'company', aliases: ['Bytedance Ltd', 'TikTok owner'] },
  { id: 'tiktok', name: 'TikTok', kind: 'company', aliases: [] },
  { id: 'trump', name: 'Donald Trump', kind: 'person', aliases: ['Trump', 'the U.S. President'] },
  { id: 'sg', name: 'Société Générale', kind: 'company', aliases: [] },
  { id: 'meta', name: 'Meta', kind: 'company', aliases: ['Facebook'] },
];

const names = (query: string) => matchStakeholders(register, query).map((m) => m.stakeholder.name);

describe('matchStakeholders', () => {
  it('puts exact matches first, then prefixes, then substrings', () => {
    expect(names('tiktok')).toEqual(['TikTok', 'ByteDance']);
    expect(matchStakeholders(register, 'tiktok')[1]).toMatchObject({
      score: MATCH.prefix,
      alias: 'TikTok owner',
    });
    expect(names('dance')).toEqual(['ByteDance']);
  });

  it('matches aliases, saying which', () => {
    expect(matchStakeholders(register, 'the u.s. president')[0]).toMatchObject({
      stakeholder: { id: 'trump' },
      score: MATCH.exact,
      alias: 'the U.S. President',
    });
  });

  it('ignores case, accents and extra spaces', () => {
    expect(names('  SOCIETE   generale ')).toEqual(['Société Générale']);
    expect(normalizeName(' Société  Générale')).toBe('societe generale');
  });

  it('finds a name inside a longer selection, as a whole word only', () => {
    expect(names('Mr. Trump')).toEqual(['Donald Trump']);
    expect(names('the metadata')).toEqual([]);
  });

  it('lists the whole register A–Z for an empty query', () => {
    expect(names('')).toEqual(['ByteDance', 'Donald Trump', 'Meta', 'Société Générale', 'TikTok']);
  });

  it('prefers a name match to an alias match of the same strength', () => {
    const twins: Stakeholder[] = [
      { id: 'a', name: 'Zeta', kind: 'company', aliases: ['Oracle'] },
      { id: 'b', name: 'Oracle', kind: 'company', aliases: [] },
    ];
    expect(matchStakeholders(twins, 'oracle').map((m) => m.stakeholder.id)).toEqual(['b', 'a']);
  });
});

describe('isKnownName', () => {
  const [bytedance] = register;

  it('is true for the name or an alias, whatever the case or spacing', () => {
    expect(isKnownName(bytedance!, 'bytedance')).toBe(true);
    expect(isKnownName(bytedance!, ' TikTok  owner ')).toBe(true);
  });

  it('is false for other words, and keeps accents apart', () => {
    expect(isKnownName(bytedance!, 'the Chinese owner')).toBe(false);
    expect(isKnownName(register[3]!, 'Societe Generale')).toBe(false);
  });
});
