import { strToU8, zipSync } from 'fflate';
import type { ExportFormat } from '../../dataset';
import { writeProject } from './project-writer';

/**
 * A REFI-QDA project (QDA-XML 1.0): a zip of project.qde and the texts under sources/, for
 * ATLAS.ti, MAXQDA, NVivo, QualCoder and the other QDA tools. Same dataset, same bytes: GUIDs
 * come from Gloss's ids and the zip's dates from the export time.
 */
export const qdpxExport: ExportFormat = {
  id: 'refi-qda',
  description: 'REFI-QDA project (.qdpx) for ATLAS.ti, MAXQDA, NVivo, QualCoder and other QDA tools',
  offsets: 'code points',
  singleFile: true,
  write(dataset) {
    const { qde, files } = writeProject(dataset);
    const entries: Record<string, Uint8Array> = { 'project.qde': strToU8(qde) };
    for (const file of files) entries[file.path] = strToU8(file.text);
    const mtime = new Date(dataset.exportedAt);
    return [{ path: 'project.qdpx', content: zipSync(entries, { level: 6, mtime }) }];
  },
};
