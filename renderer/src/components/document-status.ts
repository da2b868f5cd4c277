import type { DocumentStatus } from '../../../shared/model/document';

/** A document's status as the screens name it. */
export const STATUS_LABELS: Record<DocumentStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
};
