import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatChord } from '../../../renderer/src/keyboard/chords';
import { SHORTCUT_GROUPS, shortcutsIn } from '../../../renderer/src/keyboard/shortcuts';
import { REPO } from '../../support/corpus';

/** The README's table as keyboard/shortcuts.ts says it should read (paste this when they differ). */
function expectedTable(): string {
  const rows = SHORTCUT_GROUPS.flatMap((group) =>
    shortcutsIn(group).map((shortcut) => {
      const keys =
        shortcut.keyLabel ?? shortcut.keys.map((key) => `\`${formatChord(key, 'docs')}\``).join(' or ');
      return `| ${keys} | ${shortcut.description} | ${group} |`;
    }),
  );
  return ['| Keys | What they do | Where |', '| --- | --- | --- |', ...rows].join('\n');
}

/** A table row's cells, trimmed: a formatter may pad the columns; the separator row is just dashes. */
function cells(row: string): string[] {
  return row
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim().replace(/^-+$/, '---'));
}

describe("the README's keyboard shortcuts", () => {
  it('list every shortcut of keyboard/shortcuts.ts, and nothing else', async () => {
    const readme = await readFile(join(REPO, 'README.md'), 'utf8');
    const section = readme.split(/^### Keyboard shortcuts$/m)[1]?.split(/^#{1,3} /m)[0];
    expect(section, 'README.md needs a "### Keyboard shortcuts" section').toBeDefined();
    const table = section!.split('\n').filter((line) => line.startsWith('|'));
    expect(table.map(cells)).toEqual(expectedTable().split('\n').map(cells));
  });
});
