import { CsvError, parse } from 'csv-parse/sync';
import { HexColor } from '../../../shared/model/codebook';
import { foldName as folded } from '../../../shared/text/fold-name';
import { decodeText } from '../../sources/decode-text';
import type { ImportFiles, ImportProblem, ImportResult, PlannedCode } from '../import-plan';

const COLUMNS = ['name', 'group', 'description', 'color'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['name', 'group'];
const COLUMN_ALIASES: Record<string, Column> = { colour: 'color' };

interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * Reads a codebook kept in a spreadsheet: a header row naming the columns name, group,
 * description and color (any order; description and color may be left out), then a code per row.
 * A code's group becomes a group of the codebook; a row with an empty group is a top-level code,
 * or gives a group its description and colour. The files read are the .csv ones, or the only file.
 */
export function readCodebookCsv(files: ImportFiles): ImportResult {
  const inputs = [...files].filter(([path]) => files.size === 1 || /\.(csv|tsv)$/i.test(path));
  if (inputs.length === 0) return { ok: false, problems: [{ file: '', message: 'no .csv file to import' }] };
  const problems: ImportProblem[] = [];
  const codes = new Map<string, { code: PlannedCode; file: string; line: number }>();
  for (const [file, bytes] of inputs) {
    const rows = csvRows(file, bytes, problems);
    const header = rows?.[0];
    if (!rows || !header) continue;
    const columns = columnsOf(header, (message) => problems.push({ file, line: header.line, message }));
    if (!columns) continue;
    if (rows.length === 1) problems.push({ file, message: 'no codes below the header' });
    for (const row of rows.slice(1)) {
      const report = (message: string) => problems.push({ file, line: row.line, message });
      const code = codeOf(row, columns, header.fields.length, report);
      if (!code) continue;
      const other = codes.get(folded(code.name));
      if (other)
        report(
          `the code "${code.name}" is also on line ${other.line}${other.file === file ? '' : ` of ${other.file}`}`,
        );
      else codes.set(folded(code.name), { code, file, line: row.line });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    plan: {
      documents: [],
      codes: withGroups([...codes.values()].map((c) => c.code)),
      stakeholders: [],
      relationTypes: [],
    },
  };
}

/** The records with the line each starts on, or undefined after reporting why the file cannot be read. */
function csvRows(file: string, bytes: Uint8Array, problems: ImportProblem[]): CsvRow[] | undefined {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    problems.push({ file, message: (error as Error).message });
    return undefined;
  }
  // Excel writes semicolons where the comma is the decimal mark, and tabs for "Unicode text".
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? '';
  const delimiter = firstLine.includes(',')
    ? ','
    : firstLine.includes(';')
      ? ';'
      : firstLine.includes('\t')
        ? '\t'
        : ',';
  try {
    // The typings leave out what `info` and `raw` add to each record.
    const records = parse(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    return records
      .map(({ record, raw, info }) => ({
        fields: record.map((field) => field.trim()),
        // info.lines is the line the record ends on; a quoted field may span several.
        line: info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0),
      }))
      .filter((row) => row.fields.some((field) => field !== ''));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    problems.push({
      file,
      line: (error as CsvError & { lines?: number }).lines,
      message: error.message.replace(/ at line \d+/, ''),
    });
    return undefined;
  }
}

function columnsOf(header: CsvRow, report: (message: string) => void): Map<Column, number> | undefined {
  const columns = new Map<Column, number>();
  let ok = true;
  for (const [index, field] of header.fields.entries()) {
    const name = COLUMN_ALIASES[field.toLowerCase()] ?? field.toLowerCase();
    if (!(COLUMNS as readonly string[]).includes(name)) {
      report(`unknown column "${field}"; the columns are ${COLUMNS.join(', ')}`);
      ok = false;
    } else if (columns.has(name as Column)) {
      report(`the column "${field}" is there twice`);
      ok = false;
    } else columns.set(name as Column, index);
  }
  const missing = REQUIRED.filter((column) => !columns.has(column));
  if (missing.length > 0) {
    report(
      `the header has no ${missing.map((m) => `"${m}"`).join(' or ')} column (the first row names the columns)`,
    );
    ok = false;
  }
  return ok ? columns : undefined;
}

function codeOf(
  row: CsvRow,
  columns: Map<Column, number>,
  width: number,
  report: (message: string) => void,
): PlannedCode | undefined {
  if (row.fields.length !== width) {
    report(`${row.fields.length} fields where the header has ${width}; quote a value that holds a comma`);
    return undefined;
  }
  const field = (column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (row.fields[index] ?? '');
  };
  const [name, group, description, color] = [
    field('name'),
    field('group'),
    field('description'),
    field('color'),
  ];
  let ok = true;
  if (name === '') {
    report('the name is empty');
    ok = false;
  } else if (name.length > 120 || group.length > 120) {
    report('a name has more than 120 characters');
    ok = false;
  }
  if (color !== '' && !HexColor.safeParse(color).success) {
    report(`the colour "${color}" is not written #rrggbb`);
    ok = false;
  }
  if (group !== '' && folded(group) === folded(name)) {
    report(`the code "${name}" is in a group of its own name`);
    ok = false;
  }
  if (!ok) return undefined;
  return {
    name,
    ...(group ? { group } : {}),
    ...(description ? { description } : {}),
    ...(color ? { color } : {}),
  };
}

/** Groups are top-level codes that are not applied themselves; each comes before its codes. */
function withGroups(codes: PlannedCode[]): PlannedCode[] {
  const groupNames = new Map<string, string>();
  for (const code of codes)
    if (code.group && !groupNames.has(folded(code.group))) groupNames.set(folded(code.group), code.group);
  const listed = new Map(codes.map((code) => [folded(code.name), code]));
  const groups = [...groupNames].map(([key, name]) => ({ ...(listed.get(key) ?? { name }), codable: false }));
  return [...groups, ...codes.filter((code) => !groupNames.has(folded(code.name)))];
}
