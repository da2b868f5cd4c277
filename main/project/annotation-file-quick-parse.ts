import { Annotation } from '../../shared/model/annotation';
import {
  CURATED_ORIGINS,
  CURATED_SOURCES_MAX,
  CURATION_DECISIONS,
  PassageRef,
} from '../../shared/model/curation';
import { daysInMonth, isDay } from '../../shared/model/document-date';
import { CURRENCY_PATTERN, FigureValue } from '../../shared/model/figure';
import { ID_MAX_LENGTH, ID_PATTERN } from '../../shared/model/ids';
import { Relation } from '../../shared/model/relation';
import { SUGGESTION_KINDS } from '../../shared/model/suggestion';
import { DOCUMENT_STATUSES, FIGURE_QUALIFIERS } from '../../shared/model/vocabulary';
import type { AnnotationFile } from './annotation-files-schema';

export const ANNOTATION_SCHEMA_VERSION = 1;

// Lengths come from the schemas themselves, so a changed limit cannot leave this check behind.
const AUTHOR = Annotation.shape.author;
const NOTE_MAX = Annotation.shape.note.unwrap().maxLength ?? 0;
const RELATION_NOTE_MAX = Relation.shape.note.unwrap().maxLength ?? 0;
const UNIT_MAX = FigureValue.shape.unit.unwrap().maxLength ?? 0;
const MEASURES_MAX = FigureValue.shape.measures.unwrap().maxLength ?? 0;
const STATUSES: ReadonlySet<unknown> = new Set(DOCUMENT_STATUSES);
const SUGGESTION_KIND_SET: ReadonlySet<unknown> = new Set(SUGGESTION_KINDS);
const CURATED_ANNOTATOR = PassageRef.shape.annotator;
const ORIGINS: ReadonlySet<unknown> = new Set(CURATED_ORIGINS);
const DECISIONS: ReadonlySet<unknown> = new Set(CURATION_DECISIONS);
const QUALIFIERS: ReadonlySet<unknown> = new Set(FIGURE_QUALIFIERS);

type Fields = Record<string, unknown>;

/** The file-level fields with a default in the schema, and that default (a new one every time). */
const FILE_DEFAULTS = {
  status: () => 'todo',
  note: () => '',
  relations: () => [],
  orphans: () => [],
} satisfies Partial<Record<keyof AnnotationFile, () => unknown>>;
const FILE_FIELDS = 10;

/**
 * The quick parse of an annotation file (registered beside AnnotationFileSchema, see quickParsers):
 * a document's 10,000 annotations take zod about twice as long as reading and parsing the file;
 * this, a small part of that, and no copy of the data.
 *
 * Returns what AnnotationFileSchema would, or undefined to leave the file to the schema: it takes
 * only files whose every key is known (zod drops unknown ones) and every rule of the schema met,
 * and fills in the file-level defaults of older files (`relations`, `orphans`…) as zod does.
 * Anything else (a hand edit, a broken file) goes to the schema, which names the fault. Stricter
 * than the schema is allowed, never looser: test/main/project/annotation-file-quick-parse.test.ts holds
 * the two side by side on files broken every way it knows.
 */
export function parseAnnotationFileAsWritten(raw: unknown): AnnotationFile | undefined {
  if (!isAnnotationFileAsWritten(raw)) return undefined;
  for (const [key, value] of Object.entries(FILE_DEFAULTS)) if (!(key in raw)) raw[key] = value();
  return raw as AnnotationFile;
}

function isAnnotationFileAsWritten(raw: unknown): raw is Fields {
  if (!isFields(raw)) return false;
  let seen = 0;
  let defaulted = 0;
  for (const key in raw) {
    const value = raw[key];
    switch (key) {
      case 'format':
        if (value !== 'gloss-annotations') return false;
        break;
      case 'schemaVersion':
        if (value !== ANNOTATION_SCHEMA_VERSION) return false;
        break;
      case 'document':
      case 'annotator':
      case 'fingerprint':
      case 'note':
        if (typeof value !== 'string') return false;
        break;
      case 'status':
        if (!STATUSES.has(value)) return false;
        break;
      case 'date':
        // Optional without a default: not among the fields counted below.
        if (!isDay(value)) return false;
        continue;
      case 'decisions':
        // The curated layer's (optional, no default): not counted either.
        if (!everyOne(value, isCurationDecision)) return false;
        continue;
      case 'annotations':
      case 'orphans':
        if (!everyOne(value, isAnnotation)) return false;
        break;
      case 'relations':
        if (!everyOne(value, isRelation)) return false;
        break;
      default:
        return false;
    }
    seen++;
    if (key in FILE_DEFAULTS) defaulted++;
  }
  return seen + (Object.keys(FILE_DEFAULTS).length - defaulted) === FILE_FIELDS;
}

// Each check reads the fields it knows by name (objects of one shape, fast to read), then counts
// the object's keys: one more than it knows is a key the schema would drop.

function isAnnotation(raw: unknown): boolean {
  if (!isFields(raw)) return false;
  if (
    !isId(raw.id) ||
    !isId(raw.code) ||
    !isAuthor(raw.author) ||
    !isTimestamp(raw.created) ||
    !isTimestamp(raw.modified) ||
    !isTarget(raw.target)
  ) {
    return false;
  }
  let known = 6;
  if (raw.note !== undefined) {
    if (!isStringUpTo(raw.note, NOTE_MAX)) return false;
    known++;
  }
  if (raw.value !== undefined) {
    if (!isFigureValue(raw.value)) return false;
    known++;
  }
  if (raw.stakeholderId !== undefined) {
    if (!isId(raw.stakeholderId)) return false;
    known++;
  }
  if (raw.curated !== undefined) {
    if (!isCuratedProvenance(raw.curated)) return false;
    known++;
  }
  if (raw.suggested !== undefined) {
    if (!SUGGESTION_KIND_SET.has(raw.suggested)) return false;
    known++;
  }
  return keyCount(raw) === known;
}

// The curated layer's fields (shared/model/curation.ts): where a curated annotation came from, and
// each disagreement decided or skipped.

function isCuratedProvenance(raw: unknown): boolean {
  if (!isFields(raw)) return false;
  const { from } = raw;
  return (
    Array.isArray(from) &&
    from.length <= CURATED_SOURCES_MAX &&
    everyOne(from, isPassageRef) &&
    isNameOfCurator(raw.by) &&
    isTimestamp(raw.at) &&
    ORIGINS.has(raw.decision) &&
    keyCount(raw) === 4
  );
}

function isPassageRef(raw: unknown): boolean {
  return isFields(raw) && isNameOfCurator(raw.annotator) && isId(raw.id) && keyCount(raw) === 2;
}

/** One side of a decided disagreement: an id, or null for the side that marked nothing there. */
function isDecisionSide(raw: unknown): boolean {
  return (
    isFields(raw) &&
    isNameOfCurator(raw.annotator) &&
    (raw.id === null || isId(raw.id)) &&
    keyCount(raw) === 2
  );
}

function isCurationDecision(raw: unknown): boolean {
  if (!isFields(raw)) return false;
  const { annotations } = raw;
  if (
    !isDecisionSide(raw.a) ||
    !isDecisionSide(raw.b) ||
    !DECISIONS.has(raw.decision) ||
    !isNameOfCurator(raw.by) ||
    !isTimestamp(raw.at) ||
    !Array.isArray(annotations) ||
    annotations.length > CURATED_SOURCES_MAX ||
    !everyOne(annotations, isId)
  ) {
    return false;
  }
  let known = 6;
  if (raw.edited !== undefined) {
    if (!isEditedPassage(raw.edited)) return false;
    known++;
  }
  return keyCount(raw) === known;
}

function isEditedPassage(raw: unknown): boolean {
  if (!isFields(raw)) return false;
  const { start, end } = raw;
  return (
    isId(raw.code) &&
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (start as number) >= 0 &&
    (start as number) < (end as number) &&
    keyCount(raw) === 3
  );
}

/** An annotator's or curator's name as the curated layer records it. */
function isNameOfCurator(raw: unknown): boolean {
  return (
    typeof raw === 'string' &&
    raw.length >= (CURATED_ANNOTATOR.minLength ?? 0) &&
    raw.length <= (CURATED_ANNOTATOR.maxLength ?? Number.POSITIVE_INFINITY)
  );
}

function isTarget(raw: unknown): boolean {
  if (!isFields(raw)) return false;
  const { start, end } = raw;
  return (
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (start as number) >= 0 &&
    (start as number) < (end as number) &&
    typeof raw.quote === 'string' &&
    typeof raw.prefix === 'string' &&
    typeof raw.suffix === 'string' &&
    keyCount(raw) === 5
  );
}

function isFigureValue(raw: unknown): boolean {
  if (!isFields(raw)) return false;
  const { min, max } = raw;
  // `qualifier` has a default: a value without it is the schema's to fill in.
  if (!(Number.isFinite(min) && Number.isFinite(max) && (min as number) <= (max as number))) return false;
  if (!QUALIFIERS.has(raw.qualifier)) return false;
  let known = 3;
  if (raw.unit !== undefined) {
    if (!isStringUpTo(raw.unit, UNIT_MAX)) return false;
    known++;
  }
  if (raw.measures !== undefined) {
    if (!isStringUpTo(raw.measures, MEASURES_MAX)) return false;
    known++;
  }
  if (raw.currency !== undefined) {
    if (!(typeof raw.currency === 'string' && CURRENCY_PATTERN.test(raw.currency))) return false;
    known++;
  }
  return keyCount(raw) === known;
}

function isRelation(raw: unknown): boolean {
  if (!isFields(raw)) return false;
  if (
    !isId(raw.id) ||
    !isId(raw.type) ||
    !isId(raw.from) ||
    !isId(raw.to) ||
    !isAuthor(raw.author) ||
    !isTimestamp(raw.created) ||
    !isTimestamp(raw.modified)
  ) {
    return false;
  }
  let known = 7;
  if (raw.note !== undefined) {
    if (!isStringUpTo(raw.note, RELATION_NOTE_MAX)) return false;
    known++;
  }
  return keyCount(raw) === known;
}

/** Own enumerable keys, `__proto__` among them when a file has one (JSON.parse makes it a key). */
function keyCount(raw: Fields): number {
  let count = 0;
  for (const _ in raw) count++;
  return count;
}

function isFields(raw: unknown): raw is Fields {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function everyOne(raw: unknown, check: (item: unknown) => boolean): boolean {
  if (!Array.isArray(raw)) return false;
  for (const item of raw) if (!check(item)) return false;
  return true;
}

function isId(raw: unknown): boolean {
  return typeof raw === 'string' && raw.length <= ID_MAX_LENGTH && ID_PATTERN.test(raw);
}

function isAuthor(raw: unknown): boolean {
  return (
    typeof raw === 'string' &&
    raw.length >= (AUTHOR.minLength ?? 0) &&
    raw.length <= (AUTHOR.maxLength ?? Number.POSITIVE_INFINITY)
  );
}

function isStringUpTo(raw: unknown, max: number): boolean {
  return typeof raw === 'string' && raw.length <= max;
}

/**
 * Only what Date.prototype.toISOString writes ("2026-03-01T09:05:00.000Z", years 0000–9999), on a
 * day the calendar has: the schema takes more forms (offsets, other precisions), left to it.
 */
const ISO_TIMESTAMP =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function isTimestamp(raw: unknown): boolean {
  if (typeof raw !== 'string' || !ISO_TIMESTAMP.test(raw)) return false;
  const day = Number(raw.slice(8, 10));
  return day <= 28 || day <= daysInMonth(Number(raw.slice(0, 4)), Number(raw.slice(5, 7)));
}
