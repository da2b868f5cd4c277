import { foldName } from '../text/fold-name';
import type { Stakeholder } from './stakeholder';

/**
 * Every name and alias of the register, folded (foldName), to its entry's id: how a name found in
 * a text or a file is matched to the register. The register lets no two entries share a name.
 */
export function registerIdsByName(
  register: readonly Pick<Stakeholder, 'id' | 'name' | 'aliases'>[],
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of register)
    for (const name of [entry.name, ...entry.aliases]) ids.set(foldName(name), entry.id);
  return ids;
}
