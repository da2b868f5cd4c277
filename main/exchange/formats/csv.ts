import { type CsvCell, csvTable } from '../../../shared/csv-table';
import { utf16ToCodePoints } from '../../../shared/text/offsets';
import type { Dataset, ExportFormat } from '../dataset';
import { groupsByCode } from './codebook-groups';

const ANNOTATION_COLUMNS = [
  'document',
  'start',
  'end',
  'text',
  'group',
  'code',
  'stakeholder',
  'stakeholder_id',
  'figure_min',
  'figure_max',
  'figure_unit',
  'figure_qualifier',
  'note',
  'annotator',
  'created',
  'modified',
] as const;

const DOCUMENT_COLUMNS = [
  'key',
  'title',
  'status',
  'byline',
  'site',
  'published',
  'annotations',
  'note',
] as const;

/** A folder of two spreadsheets: every annotation (code-point offsets) and every document. */
export const csvExport: ExportFormat = {
  id: 'csv',
  description: 'CSV for spreadsheets, R and pandas: annotations.csv (a row per annotation) and documents.csv',
  offsets: 'code points',
  singleFile: false,
  write: (dataset, options) => [
    { path: 'annotations.csv', content: csvTable(ANNOTATION_COLUMNS, annotationRows(dataset), options.bom) },
    { path: 'documents.csv', content: csvTable(DOCUMENT_COLUMNS, documentRows(dataset), options.bom) },
  ],
};

function annotationRows(dataset: Dataset): CsvCell[][] {
  const groups = groupsByCode(dataset.codebook);
  const codes = new Map(dataset.codebook.codes.map((code) => [code.id, code]));
  const stakeholders = new Map(dataset.stakeholders.map((s) => [s.id, s]));
  return dataset.documents.flatMap((document) => {
    const offsets = utf16ToCodePoints(
      document.text,
      document.annotations.flatMap((a) => [a.target.start, a.target.end]),
    );
    return document.annotations.map((a, i) => {
      const value = a.value;
      return [
        document.key,
        offsets[2 * i],
        offsets[2 * i + 1],
        document.text.slice(a.target.start, a.target.end),
        groups.get(a.code)?.name,
        codes.get(a.code)?.name ?? a.code,
        a.stakeholderId ? (stakeholders.get(a.stakeholderId)?.name ?? a.stakeholderId) : undefined,
        a.stakeholderId,
        value?.min,
        value?.max,
        value?.currency ?? value?.unit,
        value?.qualifier,
        a.note,
        a.author,
        a.created,
        a.modified,
      ];
    });
  });
}

function documentRows(dataset: Dataset): CsvCell[][] {
  return dataset.documents.map((d) => [
    d.key,
    d.title,
    d.status,
    d.metadata.byline,
    d.metadata.siteName,
    d.metadata.publishedTime,
    d.annotations.length,
    d.note,
  ]);
}
