import type { ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import { type Code, Codebook, subtreeIds } from '../../shared/model/codebook';
import { idFromName } from './new-id';

/**
 * Codebook changes as pure functions: each takes a codebook and returns a new one, or throws
 * an ApiError saying why the change cannot be made. The result is validated as a whole
 * (unique ids and shortcuts, parents that exist) before anything is saved.
 */

const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function addCode(
  book: Codebook,
  request: ParsedRequest<'addCode'>,
): { codebook: Codebook; code: Code } {
  if (request.parentId !== null) findCode(book, request.parentId);
  const siblings = book.codes.filter((c) => c.parentId === request.parentId);
  if (siblings.some((c) => c.name.toLowerCase() === request.name.toLowerCase())) {
    throw new ApiError('conflict', `There is already a code named "${request.name}" here`);
  }
  const code: Code = {
    id: idFromName(request.name, (id) => book.codes.some((c) => c.id === id), 'code'),
    name: request.name,
    parentId: request.parentId,
    color: request.color ?? PALETTE[book.codes.length % PALETTE.length]!,
    description: request.description ?? '',
    codable: request.codable ?? true,
    ...(request.shortcut ? { shortcut: request.shortcut } : {}),
    ...(request.role ? { role: request.role } : {}),
  };
  return { codebook: checked({ ...book, codes: ordered([...book.codes, code]) }), code };
}

export function updateCode(
  book: Codebook,
  id: string,
  changes: ParsedRequest<'updateCode'>['changes'],
): Codebook {
  const code = findCode(book, id);
  const next: Code = { ...code };
  if (changes.name !== undefined) next.name = changes.name.trim();
  if (changes.color !== undefined) next.color = changes.color;
  if (changes.description !== undefined) next.description = changes.description;
  if (changes.codable !== undefined) next.codable = changes.codable;
  if (changes.shortcut === null) delete next.shortcut;
  else if (changes.shortcut !== undefined) next.shortcut = changes.shortcut;
  if (changes.role === null) delete next.role;
  else if (changes.role !== undefined) next.role = changes.role;
  return checked({ ...book, codes: book.codes.map((c) => (c.id === id ? next : c)) });
}

export function moveCode(book: Codebook, id: string, parentId: string | null, index: number): Codebook {
  const code = findCode(book, id);
  if (parentId !== null) {
    findCode(book, parentId);
    if (subtreeIds(book, id).has(parentId)) {
      throw new ApiError('conflict', `"${code.name}" cannot be moved inside itself`);
    }
  }
  const siblings = book.codes.filter((c) => c.parentId === parentId && c.id !== id);
  siblings.splice(Math.min(index, siblings.length), 0, { ...code, parentId });
  const siblingOrder = new Map(siblings.map((c, i) => [c.id, i]));
  // Rebuild the flat list so the moved code's new siblings are in their new order.
  const rest = book.codes.filter((c) => c.id !== id && !siblingOrder.has(c.id));
  return checked({ ...book, codes: ordered([...rest, ...siblings]) });
}

/** The codebook without the code and its descendants; the caller deals with their annotations. */
export function removeCode(book: Codebook, id: string): { codebook: Codebook; removed: Set<string> } {
  findCode(book, id);
  const removed = subtreeIds(book, id);
  return { codebook: checked({ ...book, codes: book.codes.filter((c) => !removed.has(c.id)) }), removed };
}

export function findCode(book: Codebook, id: string): Code {
  const code = book.codes.find((c) => c.id === id);
  if (!code) throw new ApiError('not-found', `There is no code "${id}" in the codebook`);
  return code;
}

/** Depth-first order (parent, then its children in order), the order the codebook is shown in. */
function ordered(codes: Code[]): Code[] {
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  const out: Code[] = [];
  const visit = (parentId: string | null) => {
    for (const code of children.get(parentId) ?? []) {
      out.push(code);
      visit(code.id);
    }
  };
  visit(null);
  return out;
}

/** The codebook as validated as a whole (unique ids and shortcuts, parents that exist), or a 'conflict'. */
export function checked(book: Codebook): Codebook {
  const result = Codebook.safeParse(book);
  if (!result.success) throw new ApiError('conflict', result.error.issues.map((i) => i.message).join('; '));
  return result.data;
}
