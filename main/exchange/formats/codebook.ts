import type { ExportFormat } from '../dataset';
import type { ImportFormat } from '../import-plan';
import { readCodebookCsv } from './codebook-csv';
import { codebookMarkdown } from './codebook-markdown';

/** The codebook alone: as Gloss reads it (JSON) and as a method appendix (Markdown). */
export const codebookExport: ExportFormat = {
  id: 'codebook',
  description: 'The codebook: codebook.json (codes and relation types) and codebook.md for a method appendix',
  offsets: 'none',
  singleFile: false,
  write: (dataset) => [
    { path: 'codebook.json', content: `${JSON.stringify(dataset.codebook, null, 2)}\n` },
    {
      path: 'codebook.md',
      content: codebookMarkdown(dataset.codebook, dataset.project.name, dataset.exportedAt),
    },
  ],
};

export const codebookCsvImport: ImportFormat = {
  id: 'codebook-csv',
  description: 'Codes from a spreadsheet: CSV with the columns name, group, description and color',
  read: readCodebookCsv,
};
