import type { Code, Codebook } from '../../../shared/model/codebook';
import type { CodeRole } from '../../../shared/model/vocabulary';

const ROLE_MEANINGS: Record<CodeRole, string> = {
  stakeholder: 'each passage links to an entity of the stakeholder register',
  concern: 'each passage is an issue the story raises',
  figure: 'each passage carries a normalised value: a range with a unit or currency',
  other: 'qualitative codes',
};

/**
 * The codebook as Markdown for a method appendix: a heading per group with its codes (colour,
 * shortcut key, description), codes of codes nested below them, then the relation types.
 * Names and descriptions are plain text in Gloss, so Markdown's own characters in them are escaped.
 */
export function codebookMarkdown(book: Codebook, projectName: string, exportedAt: string): string {
  const children = new Map<string | null, Code[]>();
  for (const code of book.codes) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  const out = [
    `# Codebook: ${markdownText(projectName)}`,
    '',
    `Exported from Gloss on ${exportedAt.slice(0, 10)}.`,
  ];

  const listCodes = (parentId: string, depth: number, seen: Set<string>) => {
    for (const code of children.get(parentId) ?? []) {
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      const indent = '  '.repeat(depth);
      const details = [`colour \`${code.color}\``, ...(code.shortcut ? [`key \`${code.shortcut}\``] : [])];
      const description = code.description.trim()
        ? `: ${indented(markdownText(code.description.trim()), `${indent}  `)}`
        : '';
      out.push(`${indent}- **${markdownText(code.name)}** (${details.join(', ')})${description}`);
      listCodes(code.id, depth + 1, seen);
    }
  };

  for (const group of children.get(null) ?? []) {
    out.push('', `## ${markdownText(group.name)}`, '');
    if (group.description.trim()) out.push(markdownText(group.description.trim()), '');
    const role = group.role ? `Role: ${group.role} (${ROLE_MEANINGS[group.role]}). ` : '';
    const applied = group.codable ? ' Applied to passages itself too.' : '';
    out.push(
      `${role}Colour \`${group.color}\`${group.shortcut ? `, key \`${group.shortcut}\`` : ''}.${applied}`,
    );
    if (children.get(group.id)?.length) out.push('');
    listCodes(group.id, 0, new Set([group.id]));
  }

  out.push('', '## Relation types', '');
  if (book.relationTypes.length === 0) out.push('None.');
  for (const type of book.relationTypes) {
    const description = type.description.trim()
      ? `: ${indented(markdownText(type.description.trim()), '  ')}`
      : '';
    out.push(`- **${markdownText(type.name)}**${description}`);
  }
  return `${out.join('\n')}\n`;
}

/** Continuation lines of a list item keep its indent, so they stay in it. */
function indented(text: string, indent: string): string {
  return text.replace(/\n(?=[^\n])/g, `\n${indent}`);
}

/** Plain text that Markdown renders as written: inline markup escaped, and line-start markers. */
function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}
