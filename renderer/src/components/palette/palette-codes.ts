import type { Code, Codebook } from '../../../../shared/model/codebook';

/** A top-level code with the codes under it that can be applied, in codebook order. */
export interface PaletteGroup {
  group: Code;
  codes: PaletteCode[];
}

export interface PaletteCode {
  code: Code;
  /** 0 for a group applied itself, 1 for its children, 2 for theirs… */
  depth: number;
}

/** The codes the palette offers, under their groups; groups with nothing to apply are left out. */
export function paletteGroups(book: Codebook): PaletteGroup[] {
  const byId = new Map(book.codes.map((code) => [code.id, code]));
  const groups = new Map<string, PaletteGroup>();
  for (const code of book.codes) {
    const chain = ancestry(code, byId);
    const top = chain.at(-1) ?? code;
    let group = groups.get(top.id);
    if (!group) {
      group = { group: top, codes: [] };
      groups.set(top.id, group);
    }
    if (code.codable) group.codes.push({ code, depth: chain.length - 1 });
  }
  return [...groups.values()].filter((group) => group.codes.length > 0);
}

/** Groups narrowed to codes whose name contains `query` (case- and accent-insensitive). */
export function filterGroups(groups: readonly PaletteGroup[], query: string): PaletteGroup[] {
  const wanted = fold(query);
  if (wanted === '') return [...groups];
  return groups
    .map((group) => ({ ...group, codes: group.codes.filter(({ code }) => fold(code.name).includes(wanted)) }))
    .filter((group) => group.codes.length > 0);
}

/** The codable code a key applies, if any. Shortcuts are one lower-case letter or digit. */
export function codeForShortcut(book: Codebook, key: string): Code | undefined {
  if (!/^[a-z0-9]$/.test(key)) return undefined;
  return book.codes.find((code) => code.codable && code.shortcut === key);
}

/** The code and its ancestors, nearest first; a cycle in a damaged codebook stops the walk. */
function ancestry(code: Code, byId: ReadonlyMap<string, Code>): Code[] {
  const chain = [code];
  const seen = new Set([code.id]);
  let parent = code.parentId ? byId.get(code.parentId) : undefined;
  while (parent && !seen.has(parent.id)) {
    chain.push(parent);
    seen.add(parent.id);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return chain;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}
