import type { ExportFormat } from '../../dataset';
import { codesElement, roleSetsElement } from './codebook-writer';
import { el, renderXml } from './xml-writer';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The codebook alone as a REFI-QDA codebook (.qdc), with the roles of its codes as Sets. */
export const qdcExport: ExportFormat = {
  id: 'refi-qda-codebook',
  description: 'REFI-QDA codebook (.qdc): the codes alone, for other QDA tools',
  offsets: 'none',
  singleFile: true,
  write(dataset) {
    const codes = codesElement(dataset.codebook);
    // The codebook schema requires at least one code.
    if (!codes) throw new Error('the codebook has no codes to export');
    const book = el('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: 'Gloss' }, [
      codes,
      roleSetsElement(dataset.codebook, 'guid'),
    ]);
    return [{ path: 'codebook.qdc', content: renderXml(book) }];
  },
};
