import type { Code, Codebook } from '../../../../shared/model/codebook';
import { roleSetName } from './gloss-extensions';
import { guidFor } from './guid';
import { el, textEl, type XmlElement } from './xml-writer';

export function codeGuid(codeId: string): string {
  return guidFor(`code:${codeId}`);
}

/**
 * `<Codes>`, nested as the codebook is: a group's codes inside it. The same markup serves
 * project.qde and a .qdc (whose schema has no NoteRef on codes, so none is written).
 * Undefined for a codebook without codes, which the schema cannot express.
 */
export function codesElement(book: Codebook): XmlElement | undefined {
  const children = new Map<string | null, Code[]>();
  const ids = new Set(book.codes.map((c) => c.id));
  for (const code of book.codes) {
    // A code whose parent is missing is kept, at the top.
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const written = new Set<string>();
  const codeElement = (code: Code): XmlElement => {
    written.add(code.id);
    return el(
      'Code',
      { guid: codeGuid(code.id), name: code.name, isCodable: code.codable, color: code.color },
      [
        code.description !== '' && textEl('Description', code.description),
        ...(children.get(code.id) ?? []).filter((c) => !written.has(c.id)).map(codeElement),
      ],
    );
  };
  const top = (children.get(null) ?? []).map(codeElement);
  return top.length > 0 ? el('Codes', {}, top) : undefined;
}

/**
 * `<Sets>` naming the codes that carry a role ("Gloss role: stakeholder"…). The project schema
 * points at a member with `targetGUID`, the codebook schema with `guid`.
 */
export function roleSetsElement(
  book: Codebook,
  memberAttribute: 'targetGUID' | 'guid',
): XmlElement | undefined {
  const sets = [];
  for (const role of new Set(book.codes.flatMap((c) => (c.role ? [c.role] : [])))) {
    const members = book.codes.filter((c) => c.role === role);
    sets.push(
      el('Set', { guid: guidFor(`role-set:${role}`), name: roleSetName(role) }, [
        textEl('Description', `Codes whose passages Gloss treats as ${role} annotations.`),
        ...members.map((c) => el('MemberCode', { [memberAttribute]: codeGuid(c.id) })),
      ]),
    );
  }
  return sets.length > 0 ? el('Sets', {}, sets) : undefined;
}
