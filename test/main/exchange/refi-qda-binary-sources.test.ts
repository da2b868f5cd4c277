// A REFI-QDA project from NVivo or MAXQDA carrying PDF and Word sources, imported as the screens
// import it: the PDF and Word files read as Gloss reads them in a folder, and whatever of them
// Gloss cannot take named in the summary rather than passed over in silence.
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService } from '../../../main/api/gloss-service';
import { qdpxImport } from '../../../main/exchange/formats/refi-qda';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient } from '../../../shared/api-client';
import { mappingLines } from '../../../shared/import-mapping';
import {
  type Article,
  articlePage,
  makeDocx,
  printPdf,
  readCorpusArticle,
} from '../../support/article-files';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const CODE = 'C0DE0000-0000-4000-8000-000000000001';
const coding = (n: number) =>
  `<Coding guid="C0D10000-0000-4000-8000-00000000000${n}"><CodeRef targetGUID="${CODE}"/></Coding>`;

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Reports" origin="SomeQDA 12">
  <CodeBook><Codes><Code guid="${CODE}" name="Economy" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <PDFSource guid="50000000-0000-4000-8000-000000000001" name="Time Warner.pdf" path="internal://tw.pdf">
      <PDFSelection guid="5E100000-0000-4000-8000-000000000001" name="chart" page="1" firstX="10" firstY="10" secondX="90" secondY="90">${coding(1)}</PDFSelection>
    </PDFSource>
    <PDFSource guid="50000000-0000-4000-8000-000000000002" name="Memo.pdf" path="internal://memo.pdf">
      <Representation guid="50000000-0000-4000-8000-000000000003" name="Memo">
        <PlainTextContent>Café 😀 budget memo</PlainTextContent>
        <PlainTextSelection guid="5E100000-0000-4000-8000-000000000002" startPosition="7" endPosition="13">${coding(2)}</PlainTextSelection>
      </Representation>
    </PDFSource>
    <TextSource guid="50000000-0000-4000-8000-000000000004" name="Interview.docx" richTextPath="internal://interview.docx">
      <PlainTextSelection guid="5E100000-0000-4000-8000-000000000003" startPosition="0" endPosition="5">${coding(3)}</PlainTextSelection>
    </TextSource>
    <PDFSource guid="50000000-0000-4000-8000-000000000005" name="Scan" path="internal://scan.pdf"/>
    <PDFSource guid="50000000-0000-4000-8000-000000000006" name="Lost" path="internal://lost.pdf"/>
    <PictureSource guid="50000000-0000-4000-8000-000000000007" name="Photo" path="internal://photo.png"/>
  </Sources>
</Project>`;

let article: Article;
let qdpx: Uint8Array;
let project: TempProject;

beforeAll(async () => {
  article = await readCorpusArticle('business/001.txt');
  const [pdf, docx, scan] = await Promise.all([
    printPdf(articlePage(article)),
    makeDocx('# Interview\n\nQ: Do you trust the app?\n\nA: Not with my data.\n', 'markdown'),
    printPdf('<!doctype html><html><body><canvas width="300" height="100"></canvas></body></html>'),
  ]);
  qdpx = zipSync({
    'project.qde': strToU8(QDE),
    'sources/tw.pdf': pdf,
    'sources/memo.pdf': pdf,
    'sources/interview.docx': docx,
    'sources/scan.pdf': scan,
    'sources/photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
  project = await makeTempProject({});
}, 60_000);
afterAll(async () => {
  await project?.cleanup();
});

describe('REFI-QDA import of PDF and Word sources', () => {
  it('reads them as Gloss reads the files, and says what it left out and why', async () => {
    const service = createGlossService({ watchFolder: false, allowOpenProject: true, annotator: 'alice' });
    try {
      const api = createApiClient(
        inProcessTransport(
          createDispatch(service, () => {}),
          service,
        ),
      );
      await api.openProject({ path: project.path });
      const outcome = await api.importFiles({
        format: 'refi-qda',
        into: 'imported',
        files: [{ path: 'reports.qdpx', data: Buffer.from(qdpx).toString('base64') }],
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      expect(outcome.documents).toEqual([
        'imported/Time Warner.txt',
        'imported/Memo.txt',
        'imported/Interview.txt',
      ]);
      expect(mappingLines(outcome)).toEqual([
        '1 <PDFSelection> line → left out: an area of a PDF page, which Gloss cannot place in the text',
        "1 <PlainTextSelection> line → left out: a passage by position in the tool's own text of a Word file, which the project does not include, so Gloss cannot be sure its positions match the text it reads from the file",
        '1 <PDFSource> "Scan" line → left out: its file "internal://scan.pdf" could not be read: the PDF has no text layer, only images of its pages (a scan?): make it searchable with OCR (e.g. ocrmypdf) to annotate it',
        '1 <PDFSource> "Lost" line → left out: its file "internal://lost.pdf" is not in the archive',
        '1 <PictureSource> line → left out: Gloss annotates text, and this source is a picture, a recording or a video',
      ]);

      const pdf = await api.getDocument({ key: 'imported/Time Warner.txt' });
      expect(pdf.text.split('\n\n')).toEqual([article.title, ...article.paragraphs]);
      const docx = await api.getDocument({ key: 'imported/Interview.txt' });
      expect(docx.text).toBe('Interview\n\nQ: Do you trust the app?\n\nA: Not with my data.');
      // The Representation is the tool's own text of the PDF: its selection lands where the tool put it.
      const memo = await api.listAnnotations({ key: 'imported/Memo.txt' });
      const memoText = (await api.getDocument({ key: 'imported/Memo.txt' })).text;
      expect(memo.map((a) => memoText.slice(a.target.start, a.target.end))).toEqual(['budget']);
      expect(outcome.annotations).toBe(1);
    } finally {
      await service.close();
    }
  });

  it('without the extraction step, names the PDF and Word files it did not read', () => {
    const result = qdpxImport.read(new Map([['reports.qdpx', qdpx]]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        file: 'reports.qdpx:project.qde',
        line: QDE.split('\n').findIndex((line) => line.includes('<TextSource')) + 1,
        message:
          '<TextSource> "Interview.docx" has no plain text, and its file "internal://interview.docx" was not extracted (the project was read without its PDF and Word files)',
      },
    ]);
  });
});
