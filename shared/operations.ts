/**
 * The names of the API's operations, kept apart from their zod schemas so that the renderer's
 * client can list them without bundling the schemas: validation happens in main, not in the page.
 */
export const OPERATION_NAMES = [
  'getProject',
  'openProject',
  'listDocuments',
  'getDocument',
  'openDocument',
  'setDocumentStatus',
  'setDocumentNote',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'reattachOrphan',
  'deleteOrphan',
  'restoreOrphan',
  'addCode',
  'updateCode',
  'moveCode',
  'deleteCode',
  'addStakeholder',
  'updateStakeholder',
  'deleteStakeholder',
  'mergeStakeholders',
  'countMentions',
  'countAnnotationsByCode',
  'updateSettings',
  'listSuggestions',
  'acceptSuggestions',
  'rejectSuggestions',
  'unrejectSuggestions',
  'proposeSearchTags',
  'searchProposals',
  'startSuggestionJob',
  'cancelSuggestionJob',
  'getSuggestionJob',
  'listRelations',
  'createRelation',
  'updateRelation',
  'deleteRelation',
  'addRelationType',
  'updateRelationType',
  'deleteRelationType',
  'stakeholderProfile',
  'searchCorpus',
  'cancelSearch',
  'cooccurrenceMatrix',
  'codingQuery',
  'codeFrequencies',
  'figuresTable',
  'exportFormats',
  'importFormats',
  'importFiles',
  'exportDataset',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

export function isOperationName(name: string): name is OperationName {
  return (OPERATION_NAMES as readonly string[]).includes(name);
}
