// Lines and paragraphs from runs placed as PDF producers place them, where a printed fixture
// cannot choose the layout: typeset hyphenation, superscripts, columns, CJK, empty pages.
import { describe, expect, it } from 'vitest';
import { layOutPdfText, type PdfTextRun } from '../../../main/sources/pdf-text-layout';

/** Lines of body text (size 10, 12 points apart) from the top of a page; '' leaves a blank line. */
function lines(texts: readonly string[], top = 700, x = 50): PdfTextRun[] {
  return texts.flatMap((text, i) =>
    text === '' ? [] : [{ text, x, y: top - 12 * i, width: text.length * 5, fontSize: 10 }],
  );
}

const page = (number: number, runs: PdfTextRun[]) => ({ number, runs });

describe('layOutPdfText', () => {
  it('joins the lines of a paragraph with spaces and separates paragraphs at a wider gap', () => {
    const { text } = layOutPdfText([
      page(1, lines(['The first paragraph runs', 'over two lines.', '', 'The second one', 'too.'])),
    ]);
    expect(text).toBe('The first paragraph runs over two lines.\n\nThe second one too.');
  });

  it('starts a paragraph at a first-line indent', () => {
    const runs = lines(['Ends here.', 'Next begins', 'and goes on.']);
    runs[1]!.x += 20;
    expect(layOutPdfText([page(1, runs)]).text).toBe('Ends here.\n\nNext begins and goes on.');
  });

  it("drops a typesetter's hyphen when the whole word is written elsewhere, and keeps a compound's", () => {
    const { text } = layOutPdfText([
      page(
        1,
        lines([
          'The government said the govern-',
          'ment would act on year-',
          'earlier figures, with a soft hyphen\u00ad',
          'ated break and U+2010 hyph\u2010',
          'enation; a hyphen before a Capital-',
          'Letter stays. An e-mail, an email',
          'and an e-',
          'mail.',
        ]),
      ),
    ]);
    expect(text).toBe(
      'The government said the government would act on year-earlier figures, with a soft hyphenated break and U+2010 hyphenation; a hyphen before a Capital-Letter stays. An e-mail, an email and an e-mail.',
    );
  });

  it('puts spaces where runs of a line leave gaps, and none inside a word drawn in pieces', () => {
    const runs: PdfTextRun[] = [
      { text: 'Wor', x: 50, y: 700, width: 15, fontSize: 10 },
      { text: 'ds', x: 65, y: 700, width: 10, fontSize: 10 },
      { text: 'apart', x: 80, y: 700, width: 25, fontSize: 10 },
      // A footnote mark, smaller and raised, stays on its line.
      { text: '1', x: 105, y: 704, width: 3, fontSize: 6 },
    ];
    expect(layOutPdfText([page(1, runs)]).text).toBe('Words apart1');
  });

  it('joins lines of Chinese or Japanese with nothing between them', () => {
    expect(layOutPdfText([page(1, lines(['東京都の', '人口は多い。']))]).text).toBe('東京都の人口は多い。');
  });

  it('makes a larger first line a heading of its own, and offers it as the title', () => {
    const runs = [
      { text: 'Budget row deepens', x: 50, y: 740, width: 200, fontSize: 20 },
      ...lines(['Body text, longer than the', 'heading, goes on.']),
    ];
    expect(layOutPdfText([page(1, runs)])).toEqual({
      text: 'Budget row deepens\n\nBody text, longer than the heading, goes on.',
      pages: [{ number: 1, start: 0 }],
      heading: 'Budget row deepens',
    });
  });

  it('continues a sentence over a page break, and starts each page where its first line lands', () => {
    const { text, pages } = layOutPdfText([
      page(1, lines(['Café 😀 and a sentence that', 'goes on'])),
      { number: 2, label: 'ii', runs: [] },
      page(3, lines(['to the next page.', '', 'New paragraph.'])),
      page(4, lines(['Ends.'])),
      page(5, lines(['Another page.'])),
    ]);
    expect(text).toBe(
      'Café 😀 and a sentence that goes on to the next page.\n\nNew paragraph.\n\nEnds.\n\nAnother page.',
    );
    const third = text.indexOf('to the next');
    // The empty page 2 starts where page 3 does.
    expect(pages).toEqual([
      { number: 1, start: 0 },
      { number: 2, label: 'ii', start: third },
      { number: 3, start: third },
      { number: 4, start: text.indexOf('Ends.') },
      { number: 5, start: text.indexOf('Another') },
    ]);
  });

  it('leaves out glyphs that map to no character, and pages with no text at the end start at its end', () => {
    const runs = lines(['A flag \u0000\u0000 here']);
    const { text, pages } = layOutPdfText([page(1, runs), page(2, [])]);
    expect(text).toBe('A flag here');
    expect(pages).toEqual([
      { number: 1, start: 0 },
      { number: 2, start: text.length },
    ]);
  });

  it('gives no text for pages without runs', () => {
    expect(layOutPdfText([page(1, [])])).toEqual({ text: '', pages: [{ number: 1, start: 0 }] });
  });

  it('leaves out running headers and footers and bare page numbers in the margins, and keeps the body', () => {
    const bounds = { bottom: 0, top: 800 };
    const margin = (text: string, y: number) => ({ text, x: 50, y, width: text.length * 4, fontSize: 8 });
    const pageOf = (number: number, body: string[]) => ({
      number,
      bounds,
      runs: [
        margin('Annual report 2024', 780),
        ...lines(body),
        margin(`Printed 12/${number}/2024`, 20),
        margin(`- ${number} -`, 10),
      ],
    });
    const { text } = layOutPdfText([
      pageOf(1, ['The report begins and its sentence', 'runs on']),
      pageOf(2, ['over the page. Annual report 2024 is', 'its name.']),
      pageOf(3, ['Last page.']),
    ]);
    expect(text).toBe(
      'The report begins and its sentence runs on over the page. Annual report 2024 is its name.\n\nLast page.',
    );
    // One page alone: nothing repeats, but its bare number in the margin still goes.
    expect(layOutPdfText([pageOf(1, ['Only page.'])]).text).toBe(
      'Annual report 2024\n\nOnly page.\n\nPrinted 12/1/2024',
    );
  });

  it("leaves out a browser's date, title, address and page count printed small at a lone page's edge, and keeps a footnote", () => {
    const bounds = { bottom: 0, top: 800 };
    const small = (text: string, y: number) => ({ text, x: 30, y, width: text.length * 4, fontSize: 8 });
    const runs = [
      small('12/7/26, 2:34 PM Budget row deepens', 790),
      ...lines(
        [
          'The chancellor spoke at length',
          'about the budget and its',
          'critics.',
          '',
          'Then she left the room',
          'without another word.',
        ],
        700,
      ),
      small('1 https://example.org/budget', 60),
      small('https://example.org/budget 1/1', 10),
    ];
    expect(layOutPdfText([{ number: 1, bounds, runs }], 'Budget row deepens').text).toBe(
      'The chancellor spoke at length about the budget and its critics.\n\nThen she left the room without another word.\n\n1 https://example.org/budget',
    );
  });
});
