import type { ImportFormat } from '../../import-plan';
import { findProjectEntry, openQdpx } from './archive';
import { readProject } from './project-reader';
import { extractQdpxSources } from './qdpx-sources';
import { decodeXml } from './xml-reader';

/**
 * A REFI-QDA project (.qdpx) from any QDA tool: its text sources, codes, codings, notes, Links
 * between selections, and what Gloss itself wrote there (gloss-extensions.ts). Positions are
 * code points of the source as stored; CR LF sources are brought to LF and positions moved with them.
 * PDF and Word sources without a plain text of their own are read from their files, extracted first.
 */
export const qdpxImport: ImportFormat = {
  id: 'refi-qda',
  description: 'REFI-QDA project (.qdpx) from ATLAS.ti, MAXQDA, NVivo, QualCoder or another QDA tool',
  extractSources: extractQdpxSources,
  read(files, sources = new Map()) {
    const opened = openQdpx(files);
    if (!opened.ok) return opened;
    const { archive } = opened;
    const entry = findProjectEntry(archive);
    if (entry === undefined) {
      return {
        ok: false,
        problems: [
          { file: archive.label || 'the files', message: 'has no project.qde, the project file of a .qdpx' },
        ],
      };
    }
    return readProject(archive, entry, decodeXml(archive.entries.get(entry)!), sources);
  },
};
