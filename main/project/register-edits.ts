import type { ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Stakeholder } from '../../shared/model/stakeholder';
import { idFromName } from './new-id';

/** Stakeholder register changes as pure functions over the list of stakeholders. */

export function addStakeholder(
  register: Stakeholder[],
  request: ParsedRequest<'addStakeholder'>,
): { register: Stakeholder[]; stakeholder: Stakeholder } {
  assertNameFree(register, request.name);
  const stakeholder: Stakeholder = {
    id: idFromName(request.name, (id) => register.some((s) => s.id === id), 'stakeholder'),
    name: request.name,
    kind: request.kind,
    aliases: uniqueAliases(request.aliases ?? [], request.name),
    ...(request.description ? { description: request.description } : {}),
    ...(request.country ? { country: request.country } : {}),
  };
  return { register: [...register, stakeholder], stakeholder };
}

export function updateStakeholder(
  register: Stakeholder[],
  id: string,
  changes: ParsedRequest<'updateStakeholder'>['changes'],
): { register: Stakeholder[]; stakeholder: Stakeholder } {
  const current = findStakeholder(register, id);
  if (changes.name !== undefined) assertNameFree(register, changes.name, id);
  const next: Stakeholder = { ...current, ...changes };
  next.aliases = uniqueAliases(next.aliases, next.name);
  if (next.description === '') delete next.description;
  if (next.country === '') delete next.country;
  return { register: register.map((s) => (s.id === id ? next : s)), stakeholder: next };
}

export function findStakeholder(register: Stakeholder[], id: string): Stakeholder {
  const found = register.find((s) => s.id === id);
  if (!found) throw new ApiError('not-found', `There is no stakeholder "${id}" in the register`);
  return found;
}

function assertNameFree(register: Stakeholder[], name: string, exceptId?: string): void {
  const clash = register.find((s) => s.id !== exceptId && s.name.toLowerCase() === name.trim().toLowerCase());
  if (clash) throw new ApiError('conflict', `"${clash.name}" is already in the register`);
}

/** Aliases without repeats (ignoring case) and without the canonical name itself. */
function uniqueAliases(aliases: string[], name: string): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const out: string[] = [];
  for (const alias of aliases.map((a) => a.trim())) {
    const folded = alias.toLowerCase();
    if (!alias || seen.has(folded)) continue;
    seen.add(folded);
    out.push(alias);
  }
  return out;
}

/**
 * `from` folded into `into`: its name and aliases join `into`'s aliases, and a redirect makes
 * every mention of `from` (and of anything already merged into it) count as `into`.
 */
export function mergeStakeholders(
  register: Stakeholder[],
  redirects: Record<string, string>,
  fromId: string,
  intoId: string,
): { register: Stakeholder[]; redirects: Record<string, string>; merged: Stakeholder } {
  if (fromId === intoId) throw new ApiError('conflict', 'A stakeholder cannot be merged into itself');
  const from = findStakeholder(register, fromId);
  const into = findStakeholder(register, intoId);
  const merged: Stakeholder = {
    ...into,
    aliases: uniqueAliases([...into.aliases, from.name, ...from.aliases], into.name),
    ...(into.description || !from.description ? {} : { description: from.description }),
    ...(into.country || !from.country ? {} : { country: from.country }),
  };
  const nextRedirects: Record<string, string> = { [fromId]: intoId };
  for (const [old, target] of Object.entries(redirects))
    nextRedirects[old] = target === fromId ? intoId : target;
  return {
    register: register.filter((s) => s.id !== fromId).map((s) => (s.id === intoId ? merged : s)),
    redirects: nextRedirects,
    merged,
  };
}
