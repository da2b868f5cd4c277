import type { Codebook } from '../../../../shared/model/codebook';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { useStore } from '../../store/context';

// Shared empties, so a component without a project gets the same value each render.
const EMPTY_CODEBOOK: Codebook = { codes: [], relationTypes: [] };
const NO_STAKEHOLDERS: Stakeholder[] = [];

/** The open project's codebook (empty when none is open). */
export function useCodebook(): Codebook {
  return useStore((s) => s.project?.codebook) ?? EMPTY_CODEBOOK;
}

/** The open project's stakeholder register, in register order. */
export function useStakeholders(): Stakeholder[] {
  return useStore((s) => s.project?.stakeholders) ?? NO_STAKEHOLDERS;
}
