import type { Dataset } from '../../dataset';
import { codesElement, roleSetsElement } from './codebook-writer';
import { exportGuids as ids } from './export-guids';
import { writeSources } from './sources-writer';
import { writeStakeholders } from './stakeholders-writer';
import { el, renderXml } from './xml-writer';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** project.qde and the source texts it points to (`internal://<guid>.txt` = `sources/<guid>.txt`). */
export function writeProject(dataset: Dataset): { qde: string; files: { path: string; text: string }[] } {
  const authors = [...new Set(dataset.documents.flatMap((d) => d.annotations.map((a) => a.author)))].sort();
  const codes = codesElement(dataset.codebook);
  const { variables, cases } = writeStakeholders(dataset);
  const written = writeSources(dataset);
  const project = el(
    'Project',
    {
      xmlns: PROJECT_NAMESPACE,
      name: dataset.project.name,
      origin: 'Gloss',
      creationDateTime: dataset.exportedAt,
    },
    [
      authors.length > 0 &&
        el(
          'Users',
          {},
          authors.map((name) => el('User', { guid: ids.user(name), name })),
        ),
      codes && el('CodeBook', {}, [codes]),
      variables,
      cases,
      written.sources.length > 0 && el('Sources', {}, written.sources),
      written.notes.length > 0 && el('Notes', {}, written.notes),
      written.links.length > 0 && el('Links', {}, written.links),
      roleSetsElement(dataset.codebook, 'targetGUID'),
    ],
  );
  return { qde: renderXml(project), files: written.files };
}
