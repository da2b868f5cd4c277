import { useStore } from '../../store/context';
import { CurationPairChoice } from './CurationPairChoice';
import { CurationWalk } from './CurationWalk';
import './curation.css';

/**
 * The side panel's Curation tab: choose two annotators, then walk through where they differ,
 * deciding each disagreement into the curated layer (main/curation/) from the keyboard.
 */
export function CurationTab() {
  const pair = useStore((s) => s.curationPair);
  return <div className="curation-tab">{pair ? <CurationWalk pair={pair} /> : <CurationPairChoice />}</div>;
}
