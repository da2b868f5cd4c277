import type { FigureValue } from '../../../shared/model/figure';
import type { StakeholderKind } from '../../../shared/model/stakeholder';
import type { DatasetDocument } from '../dataset';

/**
 * One line of Gloss's JSON Lines export: a document with its spans and relations.
 * Offsets are Unicode code points, end exclusive, so that in Python
 * `record["text"][span["start"]:span["end"]] == span["text"]`.
 */
export interface JsonlDocument
  extends Pick<DatasetDocument, 'key' | 'title' | 'metadata' | 'status' | 'note' | 'text'> {
  spans: JsonlSpan[];
  relations: JsonlRelation[];
}

export interface JsonlSpan {
  id: string;
  start: number;
  end: number;
  /** The code's name: the field spaCy, Prodigy and doccano call the label. */
  label: string;
  /** The code's id in the exporting project. */
  code: string;
  /** The name of the code's group (its top-level ancestor); null for a top-level code. */
  group: string | null;
  text: string;
  annotator: string;
  created: string;
  modified: string;
  note?: string;
  stakeholder?: { id: string; name: string; kind: StakeholderKind };
  value?: FigureValue;
}

export interface JsonlRelation {
  id: string;
  /** The relation type's name. */
  type: string;
  /** Span ids of the same line. */
  from: string;
  to: string;
  note?: string;
  annotator: string;
}
