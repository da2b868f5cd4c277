import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeForShortcut,
  filterGroups,
  paletteGroups,
} from '../../../renderer/src/components/palette/palette-codes';
import { Codebook } from '../../../shared/model/codebook';
import { REPO } from '../../support/corpus';

const defaults = Codebook.parse(
  JSON.parse(readFileSync(join(REPO, 'assets', 'default-codebook.json'), 'utf8')),
);

const shown = (groups: ReturnType<typeof paletteGroups>) =>
  groups.map(({ group, codes }) => [group.name, codes.map(({ code }) => code.name)]);

describe('the palette’s codes', () => {
  it('are the codable codes under their group’s name, in codebook order', () => {
    expect(shown(paletteGroups(defaults))).toEqual([
      ['Stakeholders', ['Stakeholder']],
      ['Concerns', ['Security', 'Privacy', 'Free expression']],
      ['Figures', ['Valuation', 'User count', 'Money', 'Jobs', 'Other']],
    ]);
  });

  it('include a group that is codable itself, and deeper codes with their depth', () => {
    const book = Codebook.parse({
      codes: [
        { id: 'themes', name: 'Themes', parentId: null, color: '#111111' },
        { id: 'trade', name: 'Trade', parentId: 'themes', color: '#222222' },
        { id: 'tariffs', name: 'Tariffs', parentId: 'trade', color: '#333333' },
        { id: 'empty', name: 'Empty group', parentId: null, color: '#444444', codable: false },
      ],
    });
    const [themes] = paletteGroups(book);
    expect(themes?.codes.map(({ code, depth }) => [code.name, depth])).toEqual([
      ['Themes', 0],
      ['Trade', 1],
      ['Tariffs', 2],
    ]);
    expect(paletteGroups(book)).toHaveLength(1);
  });

  it('filter by part of the name, ignoring case and accents, dropping emptied groups', () => {
    const groups = paletteGroups(defaults);
    expect(shown(filterGroups(groups, 'SEC'))).toEqual([['Concerns', ['Security']]]);
    expect(shown(filterGroups(groups, 'e'))).toHaveLength(3);
    expect(shown(filterGroups(groups, 'éxpr'))).toEqual([['Concerns', ['Free expression']]]);
    expect(filterGroups(groups, 'zzz')).toEqual([]);
    expect(filterGroups(groups, '  ')).toHaveLength(3);
  });

  it('are found by their shortcut key, codable codes only', () => {
    expect(codeForShortcut(defaults, '1')?.name).toBe('Security');
    expect(codeForShortcut(defaults, 'v')?.name).toBe('Valuation');
    expect(codeForShortcut(defaults, 'x')).toBeUndefined();
    expect(codeForShortcut(defaults, 'S')).toBeUndefined();
    expect(codeForShortcut(defaults, 'Enter')).toBeUndefined();
  });
});
