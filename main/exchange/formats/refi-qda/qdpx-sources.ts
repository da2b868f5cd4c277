import { extractDocument, formatOf } from '../../../sources/extract-document';
import type { ExtractedSources, ImportFiles } from '../../import-plan';
import { findProjectEntry, openQdpx } from './archive';
import { entryForPath } from './archive-text';
import { childNamed, decodeXml, listed, parseXml, type XmlNode } from './xml-reader';

/**
 * The text of the PDF and Word files a .qdpx's sources need, extracted as Gloss reads the same
 * files in a folder: a PDFSource without a Representation (the tool's plain text of it), and a
 * TextSource that came with only its Word file. Whatever is wrong with the input is left for
 * the reader to find and report; this only extracts what it can.
 */
export async function extractQdpxSources(files: ImportFiles): Promise<ExtractedSources> {
  const extracted = new Map<string, { ok: true; text: string } | { ok: false; message: string }>();
  const opened = openQdpx(files);
  if (!opened.ok) return extracted;
  const { archive } = opened;
  const entry = findProjectEntry(archive);
  const parsed = entry === undefined ? undefined : parseXml(decodeXml(archive.entries.get(entry)!));
  if (!parsed?.ok) return extracted;
  for (const path of binarySourcePaths(parsed.root)) {
    const found = entryForPath(archive, path);
    const format = found && formatOf(found);
    if (!found || extracted.has(found) || (format !== 'pdf' && format !== 'docx')) continue;
    try {
      extracted.set(found, {
        ok: true,
        text: (await extractDocument(found, archive.entries.get(found)!)).text,
      });
    } catch (error) {
      extracted.set(found, { ok: false, message: (error as Error).message });
    }
  }
  return extracted;
}

/** Paths of files whose text a source needs because the project gives none of its own. */
function binarySourcePaths(project: XmlNode): string[] {
  const paths: string[] = [];
  for (const source of listed(project, 'Sources', 'TextSource')) {
    const rich = source.attrs.get('richTextPath');
    if (rich && !source.attrs.has('plainTextPath') && !childNamed(source, 'PlainTextContent'))
      paths.push(rich);
  }
  for (const source of listed(project, 'Sources', 'PDFSource')) {
    const path = source.attrs.get('path') ?? source.attrs.get('currentPath');
    if (path && !childNamed(source, 'Representation')) paths.push(path);
  }
  return paths;
}
