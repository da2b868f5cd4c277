import type { CurationItem } from '../../../../shared/api';
import type { CurationPair } from '../../store/curation-slice';

/** What was decided of a disagreement, in words: "alice’s reading, by carol". */
export function decisionWords(item: CurationItem, pair: CurationPair): string {
  const decision = item.decision;
  if (!decision) return 'Open';
  const by = ` (${decision.by})`;
  switch (decision.decision) {
    case 'a':
      return `${item.a ? `${pair.a}’s passage` : `${pair.a}’s reading: nothing here`}${by}`;
    case 'b':
      return `${item.b ? `${pair.b}’s passage` : `${pair.b}’s reading: nothing here`}${by}`;
    case 'both':
      return `Both passages${by}`;
    case 'edit':
      return `The curator’s own passage${by}`;
    case 'skip':
      return `Skipped for later${by}`;
  }
}

/** What taking a side keeps, for its button: the passage, or nothing where that side marked none. */
export function takeWords(who: string, marked: boolean): string {
  return marked ? `Take ${who}’s` : `${who}: nothing here`;
}
