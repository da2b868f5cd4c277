import type { Dataset, ExportFile, ExportFormat } from '../../dataset';
import { nameTypes } from './brat-types';
import { STAKEHOLDER_FILE, writeStakeholderRegister } from './stakeholder-register';
import { writeAnn } from './write-ann';
import { writeAnnotationConf, writeVisualConf } from './write-conf';

/**
 * brat standoff: a folder brat opens as a collection. Each document is `<key without its
 * extension>.txt` (the exact text) with its `.ann` beside it; annotation.conf and visual.conf
 * describe the codebook, gloss-stakeholders.tsv the register.
 */
export const bratExport: ExportFormat = {
  id: 'brat',
  description:
    'brat standoff annotation: .txt and .ann per document, annotation.conf (offsets in code points)',
  offsets: 'code points',
  singleFile: false,
  write(dataset: Dataset): ExportFile[] {
    const types = nameTypes(dataset);
    const stakeholderNames = new Map(dataset.stakeholders.map((s) => [s.id, s.name]));
    const files: ExportFile[] = [];
    const stems = documentStems(dataset.documents.map((d) => d.key));
    dataset.documents.forEach((document, i) => {
      files.push({ path: `${stems[i]}.txt`, content: document.text });
      files.push({ path: `${stems[i]}.ann`, content: writeAnn(document, types, stakeholderNames) });
    });
    files.push({ path: 'annotation.conf', content: writeAnnotationConf(dataset, types) });
    files.push({ path: 'visual.conf', content: writeVisualConf(dataset, types) });
    files.push({ path: STAKEHOLDER_FILE, content: writeStakeholderRegister(dataset.stakeholders) });
    return files;
  },
};

/**
 * `world/café.txt` → `world/café`. Two keys with one stem (`a.md`, `a.txt`) would share a .ann,
 * so a later one keeps its whole key as the stem (`a.md` → `a.md.txt`).
 */
function documentStems(keys: readonly string[]): string[] {
  const taken = new Set<string>();
  return keys.map((key) => {
    const stem = key.replace(/\.[^./]*$/, '');
    let chosen = taken.has(stem.toLowerCase()) ? key : stem;
    for (let n = 2; taken.has(chosen.toLowerCase()); n++) chosen = `${key}-${n}`;
    taken.add(chosen.toLowerCase());
    return chosen;
  });
}
