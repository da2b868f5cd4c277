/** REFI-QDA (QDA-XML 1.0): projects (.qdpx) and codebooks (.qdc), both ways. */
export { qdcExport } from './qdc-export';
export { qdcImport } from './qdc-import';
export { qdpxExport } from './qdpx-export';
export { qdpxImport } from './qdpx-import';
