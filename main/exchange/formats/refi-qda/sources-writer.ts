import { utf16ToCodePoints } from '../../../../shared/text/offsets';
import type { Dataset, DatasetDocument } from '../../dataset';
import { codeGuid } from './codebook-writer';
import { exportGuids as ids } from './export-guids';
import { VALUE_NOTE_NAME, valueNoteText } from './gloss-extensions';
import { el, textEl, type XmlElement } from './xml-writer';

/** What the documents add to project.qde, and the text files beside it. */
export interface WrittenSources {
  sources: XmlElement[];
  notes: XmlElement[];
  links: XmlElement[];
  /** `sources/<guid>.txt` and the document's text (LF line endings, as Gloss keeps it). */
  files: { path: string; text: string }[];
}

/**
 * One TextSource per document with a PlainTextSelection per annotation. Positions are Unicode
 * code points, as REFI-QDA counts them (Gloss's own offsets are UTF-16). Notes, figure values
 * and the document's note are Notes the selections and sources refer to; relations are Links
 * between selections.
 */
export function writeSources(dataset: Dataset): WrittenSources {
  const out: WrittenSources = { sources: [], notes: [], links: [], files: [] };
  const relationNames = new Map(dataset.codebook.relationTypes.map((t) => [t.id, t.name]));
  for (const doc of dataset.documents) {
    const guid = ids.source(doc.key);
    out.files.push({ path: `sources/${guid}.txt`, text: doc.text });
    const sourceNote = doc.note ? note(out, `document:${doc.key}`, 'Document note', doc.note) : undefined;
    out.sources.push(
      el('TextSource', { guid, name: doc.key, plainTextPath: `internal://${guid}.txt` }, [
        ...selections(doc, out),
        sourceNote !== undefined && el('NoteRef', { targetGUID: sourceNote }),
      ]),
    );
    for (const relation of doc.relations) {
      const linkGuid = ids.link(doc.key, relation.id);
      const relationNote = relation.note
        ? note(out, `relation:${linkGuid}`, 'Relation note', relation.note)
        : undefined;
      out.links.push(
        el(
          'Link',
          {
            guid: linkGuid,
            name: relationNames.get(relation.type) ?? relation.type,
            direction: 'OneWay',
            originGUID: ids.selection(doc.key, relation.from),
            targetGUID: ids.selection(doc.key, relation.to),
          },
          [relationNote !== undefined && el('NoteRef', { targetGUID: relationNote })],
        ),
      );
    }
  }
  return out;
}

function selections(doc: DatasetDocument, out: WrittenSources): XmlElement[] {
  const points = utf16ToCodePoints(
    doc.text,
    doc.annotations.flatMap((a) => [a.target.start, a.target.end]),
  );
  return doc.annotations.map((a, i) => {
    const guid = ids.selection(doc.key, a.id);
    const user = ids.user(a.author);
    const quote = doc.text.slice(a.target.start, a.target.end);
    const noteGuid = a.note
      ? note(out, `annotation:${guid}`, noteName(quote), a.note, user, a.created)
      : undefined;
    const valueGuid = a.value
      ? note(out, `value:${guid}`, VALUE_NOTE_NAME, valueNoteText(a.value), user, a.modified)
      : undefined;
    return el(
      'PlainTextSelection',
      {
        guid,
        name: quote,
        startPosition: points[2 * i],
        endPosition: points[2 * i + 1],
        creatingUser: user,
        creationDateTime: a.created,
        modifyingUser: user,
        modifiedDateTime: a.modified,
      },
      [
        el('Coding', { guid: ids.coding(doc.key, a.id), creatingUser: user, creationDateTime: a.created }, [
          el('CodeRef', { targetGUID: codeGuid(a.code) }),
        ]),
        noteGuid !== undefined && el('NoteRef', { targetGUID: noteGuid }),
        valueGuid !== undefined && el('NoteRef', { targetGUID: valueGuid }),
      ],
    );
  });
}

/** Adds a Note (its text inline) and returns its GUID. */
function note(
  out: WrittenSources,
  owner: string,
  name: string,
  text: string,
  user?: string,
  created?: string,
): string {
  const guid = ids.note(owner);
  out.notes.push(
    el('Note', { guid, name, creatingUser: user, creationDateTime: created }, [
      textEl('PlainTextContent', text),
    ]),
  );
  return guid;
}

function noteName(quote: string): string {
  // Cut by code points, so an emoji is never halved.
  const short = [...quote.replace(/\s+/g, ' ').trim()];
  return `Note on “${short.length > 40 ? `${short.slice(0, 39).join('')}…` : short.join('')}”`;
}
