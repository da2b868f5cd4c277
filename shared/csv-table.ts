/** A cell: numbers are written as JavaScript prints them; undefined is an empty cell. */
export type CsvCell = string | number | undefined;

/**
 * RFC 4180 text of a header and rows: CRLF between records, a field in double quotes (with its
 * quotes doubled) when it holds a comma, quote, line break or tab, or starts or ends with a space
 * that a spreadsheet might trim. Line breaks inside a quoted field stay as they are.
 * `bom` starts the text with U+FEFF, which Excel needs to read the UTF-8 as UTF-8.
 */
export function csvTable(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  bom = false,
): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
  return (bom ? '\uFEFF' : '') + lines.join('');
}

function csvField(cell: CsvCell): string {
  const text = cell === undefined ? '' : String(cell);
  return /[",\r\n\t]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
