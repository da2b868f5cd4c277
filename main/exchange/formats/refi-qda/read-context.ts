import type { ExtractedSources, ImportProblem } from '../../import-plan';
import type { QdpxArchive } from './archive';
import { decodeUtf8, entryForPath } from './archive-text';
import type { LeftOut } from './left-out';
import type { FileProblems } from './problems';
import type { XmlNode } from './xml-reader';

/** What reading one project.qde shares between its parts; GUIDs are canonical (canonicalGuid). */
export interface ReadContext {
  archive: QdpxArchive;
  /** Problems of project.qde itself. */
  problems: FileProblems;
  /** Problems of the other entries (source texts). */
  entryProblems: ImportProblem[];
  userNames: Map<string, string>;
  codeNames: Map<string, string>;
  /** Note texts, LF line endings. */
  notes: Map<string, string>;
  stakeholderBySelection: Map<string, string>;
  /** The text of the archive's PDF and Word files, by entry (qdpx-sources.ts); empty when not extracted. */
  extracted: ExtractedSources;
  /** What is not imported, and why, for the summary. */
  leftOut: LeftOut;
}

/**
 * The text of a TextSource-typed element (a source or a Note): its PlainTextContent, else the
 * file its plainTextPath names. Undefined, with a problem, when neither can be read.
 */
export function readTextOf(node: XmlNode, context: ReadContext): string | undefined {
  const inline = node.children.find((c) => c.name === 'PlainTextContent');
  if (inline) return inline.text;
  const path = node.attrs.get('plainTextPath');
  const what = `<${node.name}> "${node.attrs.get('name') ?? node.attrs.get('guid') ?? ''}"`;
  if (path === undefined) {
    context.problems.add(`${what} has neither PlainTextContent nor a plainTextPath`, node);
    return undefined;
  }
  const entry = entryForPath(context.archive, path);
  if (entry === undefined) {
    context.problems.add(`${what}: its text "${path}" is not in the archive`, node);
    return undefined;
  }
  const decoded = decodeUtf8(context.archive.entries.get(entry)!);
  if (!decoded.ok) {
    context.entryProblems.push({ file: context.archive.fileName(entry), message: decoded.message });
    return undefined;
  }
  return decoded.text;
}
