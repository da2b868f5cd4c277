import { describe, expect, it } from 'vitest';
import { extractDocument, formatOf, SUPPORTED_EXTENSIONS } from '../../../main/sources/extract-document';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('formatOf', () => {
  it('chooses the format by extension, in any case', () => {
    expect(formatOf('a.txt')).toBe('txt');
    expect(formatOf('dir/B.MD')).toBe('md');
    expect(formatOf('c.markdown')).toBe('md');
    expect(formatOf('d.HTM')).toBe('html');
    expect(formatOf('e.html')).toBe('html');
    expect(formatOf('f.PDF')).toBe('pdf');
    expect(formatOf('g.docx')).toBe('docx');
    expect(formatOf('h.doc')).toBeUndefined();
    expect(formatOf('README')).toBeUndefined();
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx']);
  });

  it('refuses other files with a message that names what Gloss reads', async () => {
    await expect(extractDocument('report.odt', utf8('x'))).rejects.toThrow(
      'not a document Gloss can read: it reads .txt, .md, .markdown, .html, .htm, .pdf, .docx files, and this one ends in ".odt"',
    );
    await expect(extractDocument('README', utf8('x'))).rejects.toThrow(/has no extension/);
  });
});

describe('plain text', () => {
  it('keeps the text and takes the first non-empty line as title', async () => {
    const doc = await extractDocument(
      'a.txt',
      utf8('\n\n  Budget row deepens  \r\n\r\nThe chancellor said…\r\n'),
    );
    expect(doc).toEqual({
      format: 'txt',
      text: '\n\n  Budget row deepens  \n\nThe chancellor said…\n',
      metadata: { title: 'Budget row deepens', encoding: 'UTF-8' },
    });
  });

  it('skips scraping debris before the headline', async () => {
    const text =
      'BBC logo\n\nImage copyright Getty Images\nMedia playback is not supported on your device\nReal headline\n';
    expect((await extractDocument('a.txt', utf8(text))).metadata.title).toBe('Real headline');
  });

  it('keeps a headline that merely mentions a logo or media', async () => {
    expect((await extractDocument('a.txt', utf8('Firm unveils new logo\nText'))).metadata.title).toBe(
      'Firm unveils new logo',
    );
    expect((await extractDocument('a.txt', utf8("Media seek Jackson 'juror' notes\n"))).metadata.title).toBe(
      "Media seek Jackson 'juror' notes",
    );
  });

  it('caps a very long first line at a word boundary', async () => {
    const title = (await extractDocument('a.txt', utf8(`${'word '.repeat(100)}\nbody`))).metadata.title;
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title).toMatch(/^word( word)+…$/);
  });

  it('falls back to the file name for an empty file', async () => {
    expect(await extractDocument('notes/Interview 3.txt', new Uint8Array())).toEqual({
      format: 'txt',
      text: '',
      metadata: { title: 'Interview 3', encoding: 'UTF-8' },
    });
    expect((await extractDocument('blank.md', utf8('\n  \n'))).metadata.title).toBe('blank');
  });

  it('reports binary content as an error a researcher can act on', async () => {
    await expect(
      extractDocument(
        'photo.txt',
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      ),
    ).rejects.toThrow('looks like a binary file, not text: it contains NUL bytes');
  });
});

describe('markdown', () => {
  it('takes the title from the first heading without its marker and keeps the markup in the text', async () => {
    const text = '# Why *this* matters #\n\nSome **bold** text.\n';
    expect(await extractDocument('a.md', utf8(text))).toEqual({
      format: 'md',
      text,
      metadata: { title: 'Why *this* matters', encoding: 'UTF-8' },
    });
  });

  it('prefers a front-matter title, and otherwise skips the front matter', async () => {
    expect(
      (await extractDocument('a.md', utf8('---\ntitle: "From front matter"\n---\n# Heading\n'))).metadata
        .title,
    ).toBe('From front matter');
    expect(
      (await extractDocument('a.md', utf8('---\ndate: 2020-01-01\n---\n\n## Heading two\n'))).metadata.title,
    ).toBe('Heading two');
  });

  it('uses a plain first line when there is no heading', async () => {
    expect((await extractDocument('a.markdown', utf8('Just a line\n'))).metadata.title).toBe('Just a line');
  });
});

describe('html', () => {
  const page = (body: string, head = '<title>Page title</title>'): Uint8Array =>
    utf8(
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`,
    );

  it('never runs scripts or event handlers and keeps their code out of the text', async () => {
    const g = globalThis as { glossPwned?: unknown };
    const doc = await extractDocument(
      'evil.html',
      page(
        `<article><h1>Headline</h1><p>First paragraph of a long enough article about nothing in particular.</p>
         <script>globalThis.glossPwned = 'script'; document.write('injected')</script>
         <img src="x" onerror="globalThis.glossPwned = 'onerror'">
         <p>Second <b>para</b>graph.<script>alert('inline')</script></p>
         <style>p { color: red }</style><noscript>Enable JavaScript</noscript></article>`,
      ),
    );
    expect(g.glossPwned).toBeUndefined();
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('First paragraph of a long enough article');
    expect(doc.text).toContain('Second paragraph.');
    expect(doc.text).not.toMatch(/glossPwned|alert|injected|color: red|<script/);
  });

  it('separates block elements by blank lines and collapses whitespace within them', async () => {
    const doc = await extractDocument(
      'a.html',
      page(`<div><h2>Section   one</h2><p>Alpha
        beta&nbsp;gamma</p><ul><li>one</li><li>two <i>and</i> three</li></ul>
        <p>line<br>break</p><blockquote>Quoted</blockquote>
        <table><tr><th>Year</th><td>£1.13bn</td></tr><tr><td>2005</td><td>76%</td></tr></table>
        <pre>  code()
    indented</pre><p>End.</p></div>`),
    );
    expect(doc.text).toBe(
      [
        'Section one',
        'Alpha beta\u00a0gamma',
        'one',
        'two and three',
        'line',
        'break',
        'Quoted',
        'Year\t£1.13bn',
        '2005\t76%',
        '  code()\n    indented',
        'End.',
      ].join('\n\n'),
    );
  });

  it('takes metadata from the page and omits what it does not state', async () => {
    const doc = await extractDocument(
      'a.html',
      page(
        '<article><p>Body text of the article, long enough to count as one.</p></article>',
        `<title>Interest rates rise again for a third time | Daily Planet</title>
         <meta name="author" content="Lois Lane"><meta property="og:site_name" content="Daily Planet">
         <meta property="article:published_time" content="2024-05-01T09:00:00Z">`,
      ),
    );
    expect(doc.metadata).toEqual({
      title: 'Interest rates rise again for a third time',
      byline: 'Lois Lane',
      siteName: 'Daily Planet',
      publishedTime: '2024-05-01T09:00:00Z',
      excerpt: 'Body text of the article, long enough to count as one.',
      lang: 'en',
      encoding: 'UTF-8',
    });
  });

  it('decodes a page in the legacy encoding its meta tag declares', async () => {
    const bytes = new Uint8Array([
      ...utf8(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Caf',
      ),
      0xe9,
      ...utf8('</title></head><body><p>Un caf'),
      0xe9,
      ...utf8(' cr'),
      0xe8,
      ...utf8('me.</p></body></html>'),
    ]);
    const doc = await extractDocument('a.htm', bytes);
    expect(doc.metadata.title).toBe('Café');
    expect(doc.metadata.encoding).toBe('windows-1252');
    expect(doc.text).toBe('Un café crème.');
  });

  it('takes the whole text of a page nested too deeply for Readability to clean in time', async () => {
    const nested = `${'<div>'.repeat(300)}<p>Deep text</p>${'</div>'.repeat(300)}`;
    expect(await extractDocument('deep.html', page(nested))).toEqual({
      format: 'html',
      text: 'Deep text',
      metadata: { title: 'Page title', lang: 'en', encoding: 'UTF-8' },
    });
  });

  it('falls back to the <title> and file name when the page has no text', async () => {
    expect(await extractDocument('empty.html', page(''))).toEqual({
      format: 'html',
      text: '',
      metadata: { title: 'Page title', lang: 'en', encoding: 'UTF-8' },
    });
    expect((await extractDocument('dir/untitled.html', page('', ''))).metadata.title).toBe('untitled');
  });
});
