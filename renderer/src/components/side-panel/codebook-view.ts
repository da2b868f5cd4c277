import type { Annotation } from '../../../../shared/model/annotation';
import type { Code } from '../../../../shared/model/codebook';

/**
 * The codebook as the side panel shows it. The store keeps codes as a flat list in display
 * order (a parent before its children, siblings in order); these shape it for the screens.
 */

export interface CodeNode {
  code: Code;
  children: CodeNode[];
}

/** The codes as a tree: top-level codes (the groups) with their children, in codebook order. */
export function codeTree(codes: readonly Code[]): CodeNode[] {
  const nodes = new Map(codes.map((code): [string, CodeNode] => [code.id, { code, children: [] }]));
  const roots: CodeNode[] = [];
  for (const code of codes) {
    const node = nodes.get(code.id)!;
    const parent = code.parentId === null ? undefined : nodes.get(code.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Every code with its depth (0 for a group), in display order. */
export function withDepths(codes: readonly Code[]): { code: Code; depth: number }[] {
  const out: { code: Code; depth: number }[] = [];
  const visit = (node: CodeNode, depth: number) => {
    out.push({ code: node.code, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of codeTree(codes)) visit(root, 0);
  return out;
}

/** How many of `annotations` have each code. */
export function countByCode(annotations: readonly Annotation[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) counts.set(a.code, (counts.get(a.code) ?? 0) + 1);
  return counts;
}

/** The annotations of a code and everything under it. */
export function subtreeCount(node: CodeNode, counts: ReadonlyMap<string, number>): number {
  return node.children.reduce(
    (sum, child) => sum + subtreeCount(child, counts),
    counts.get(node.code.id) ?? 0,
  );
}

export interface CodeOptionGroup {
  /** The top-level code the options sit under. */
  group: Code;
  options: { code: Code; depth: number }[];
}

/** The codes that can be applied, grouped under their top-level code, for a <select>. */
export function codableOptions(codes: readonly Code[], exclude?: ReadonlySet<string>): CodeOptionGroup[] {
  const groups: CodeOptionGroup[] = [];
  const visit = (node: CodeNode, depth: number, group: CodeOptionGroup) => {
    if (node.code.codable && !exclude?.has(node.code.id)) group.options.push({ code: node.code, depth });
    for (const child of node.children) visit(child, depth + 1, group);
  };
  for (const root of codeTree(codes)) {
    const group: CodeOptionGroup = { group: root.code, options: [] };
    visit(root, 0, group);
    if (group.options.length > 0) groups.push(group);
  }
  return groups;
}

/** The codes under the same parent as `code`, itself included, in order. */
export function siblingsOf(codes: readonly Code[], code: Code): Code[] {
  return codes.filter((c) => c.parentId === code.parentId);
}
