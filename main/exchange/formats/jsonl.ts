import type { ExportFormat } from '../dataset';
import type { ImportFormat } from '../import-plan';
import { readJsonl } from './jsonl-read';
import { writeJsonl } from './jsonl-write';

/** One document per line with its spans and relations; fields in jsonl-record.ts, README-jsonl.md. */
export const jsonlExport: ExportFormat = {
  id: 'jsonl',
  description:
    'JSON Lines, a document per line with its spans and relations (spaCy, Prodigy, doccano, pandas)',
  offsets: 'code points',
  singleFile: true,
  write: (dataset) => [{ path: 'documents.jsonl', content: writeJsonl(dataset) }],
};

export const jsonlImport: ImportFormat = {
  id: 'jsonl',
  description: 'JSON Lines from Gloss, spaCy or Prodigy ("spans"), or doccano ("label" or "entities")',
  read: readJsonl,
};
