import { strToU8, zipSync } from 'fflate';

/**
 * One small article of each kind Gloss reads, each saying "packaged" once, so that a search
 * proves its text was extracted: together they make the installed app load every library it
 * reads articles with (chardet and iconv-lite for the Windows-1252 text, jsdom and Readability
 * for the page, pdf.js with its worker and standard fonts for the PDF, mammoth for the Word file).
 */
export function sampleArticles(): Record<string, string | Uint8Array> {
  return {
    'legacy.txt': windows1252('Café owners were packaged together in the survey of 2019.\n'),
    'page.html': page(),
    'report.pdf': pdf('Hello from a packaged PDF report'),
    'memo.docx': docx('Hello from a packaged Word memo'),
  };
}

/** Latin-1 text as Windows-1252 bytes (every character here is below U+0100). */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function page(): string {
  const paragraph =
    'The regulator published its annual review of online platforms on Monday, and the ministry said it would answer in the spring. ';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Platforms reviewed</title></head><body>
<article><h1>Platforms reviewed</h1><p>${paragraph.repeat(3)}</p><p>The findings were packaged as a short report.</p>
<p>${paragraph.repeat(3)}</p></article></body></html>`;
}

/** A one-page PDF in Helvetica (one of the standard 14 fonts, whose metrics pdf.js reads from its folder). */
function pdf(line: string): Uint8Array {
  const content = `BT /F1 18 Tf 72 700 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Title (A packaged PDF) >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(body);
}

/** The three parts a Word file needs: content types, the package's relationship, the document. */
function docx(paragraph: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}
