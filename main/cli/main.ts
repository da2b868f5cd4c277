import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ApiError } from '../../shared/api-error';
import { USAGE, UsageError } from './usage';

/** `out` and `err` print a line; `write` prints text as it is (CSV ends its own lines with CRLF). */
type Output = { out: (text: string) => void; err: (text: string) => void; write: (text: string) => void };
const console_: Output = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  write: (t) => process.stdout.write(t),
};

/**
 * `gloss` commands. Returns the exit code; errors are reported in one line, never as a stack trace.
 * `serve` keeps running until the process is stopped.
 */
export async function main(argv: string[], io: Output = console_): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`gloss: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    io.err(`gloss: ${message}`);
    return 1;
  }
}

/** Each command's module is loaded when it runs, so that one command never pays for another's. */
async function run(argv: string[], io: Output): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'info') {
    const { values, positionals } = parse(rest, { json: { type: 'boolean' }, annotator: { type: 'string' } });
    const { formatReport, projectReport } = await import('./info-command');
    const report = await projectReport(folderOf(positionals), values.annotator as string | undefined);
    print(io, outputOf(values), report, formatReport);
    return 0;
  }
  if (command === 'suggest') {
    const { values, positionals } = parse(rest, {
      json: { type: 'boolean' },
      doc: { type: 'string' },
      stats: { type: 'boolean' },
      annotator: { type: 'string' },
    });
    if (values.stats) {
      const { formatSuggestStats, suggestStats } = await import('./suggest-stats-command');
      const stats = await suggestStats(folderOf(positionals), values.annotator as string | undefined);
      print(io, outputOf(values), stats, formatSuggestStats);
      return 0;
    }
    const { formatSuggestReport, suggestReport } = await import('./suggest-command');
    const report = await suggestReport(folderOf(positionals), {
      doc: values.doc as string | undefined,
      annotator: values.annotator as string | undefined,
    });
    print(io, outputOf(values), report, formatSuggestReport);
    return 0;
  }
  if (command === 'search') {
    const { values, positionals } = parse(rest, {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      limit: { type: 'string' },
      within: { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError('give a folder of articles and what to search for');
    const output = outputOf(values);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
      throw new UsageError(`--limit takes a whole number, not "${values.limit}"`);
    }
    const { formatSearchReport, searchCsv, searchReport } = await import('./search-command');
    const report = await searchReport(positionals[0]!, positionals[1]!, {
      limit,
      within: values.within as string | undefined,
    });
    print(io, output, report, formatSearchReport, searchCsv);
    return 0;
  }
  if (command === 'query') {
    const { values, positionals } = parse(rest, {
      code: { type: 'string', multiple: true },
      with: { type: 'string', multiple: true },
      without: { type: 'string', multiple: true },
      stakeholder: { type: 'string' },
      by: { type: 'string' },
      annotator: { type: 'string' },
      status: { type: 'string', multiple: true },
      within: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      markdown: { type: 'boolean' },
      html: { type: 'boolean' },
    });
    const codes = (values.code ?? []) as string[];
    if (codes.length === 0) throw new UsageError('name the code to retrieve: --code C');
    if ([values.json, values.csv, values.markdown, values.html].filter(Boolean).length > 1)
      throw new UsageError('choose one of --json, --csv, --markdown, --html');
    const output = outputOf(values);
    const by = await nearnessRule(values.by as string | undefined);
    const statuses = (values.status ?? []) as string[];
    for (const status of statuses) {
      if (!['todo', 'in-progress', 'done'].includes(status)) {
        throw new UsageError(`--status takes todo, in-progress or done, not "${status}"`);
      }
    }
    const command = await import('./query-command');
    const { report, query } = await command.queryReport(folderOf(positionals), {
      codes,
      with: values.with as string[] | undefined,
      without: values.without as string[] | undefined,
      stakeholder: values.stakeholder as string | undefined,
      by,
      annotator: values.annotator as string | undefined,
      statuses: statuses.length ? (statuses as ('todo' | 'in-progress' | 'done')[]) : undefined,
      within: values.within as string | undefined,
      from: values.from as string | undefined,
      to: values.to as string | undefined,
    });
    if (values.markdown || values.html) {
      // The day in UTC, as the screens' reports give it.
      const made = new Date().toISOString().slice(0, 10);
      io.write((values.html ? command.queryHtml : command.queryMarkdown)(report, query, made));
    } else print(io, output, report, command.formatQuery, command.queryCsv);
    return 0;
  }
  if (command === 'analyse' || command === 'analyze') {
    const { values, positionals } = parse(rest, {
      cooccurrence: { type: 'boolean' },
      frequencies: { type: 'boolean' },
      figures: { type: 'boolean' },
      timeline: { type: 'boolean' },
      by: { type: 'string' },
      annotator: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    });
    const asked = [values.cooccurrence, values.frequencies, values.figures, values.timeline].filter(Boolean);
    if (asked.length !== 1)
      throw new UsageError(
        'say what to analyse: one of --cooccurrence, --frequencies, --figures, --timeline',
      );
    const annotator = values.annotator as string | undefined;
    if (values.timeline) {
      const command = await import('./analyse-command');
      const output = outputOf(values);
      const interval = await timelineInterval(values.by as string | undefined);
      const report = await command.timelineReport(folderOf(positionals), interval, annotator);
      print(io, output, report, command.formatTimeline, command.timelineCsv);
      return 0;
    }
    if (values.frequencies || values.figures) {
      const command = await import('./analyse-command');
      const folder = folderOf(positionals);
      const output = outputOf(values);
      if (values.frequencies) {
        const report = await command.frequenciesReport(folder, annotator);
        print(io, output, report, command.formatFrequencies, command.frequenciesCsv);
      } else {
        const report = await command.figuresReport(folder, annotator);
        print(io, output, report, command.formatFigures, command.figuresCsv);
      }
      return 0;
    }
    const by = await nearnessRule(values.by as string | undefined);
    const output = outputOf(values);
    const { cooccurrenceCsv, cooccurrenceReport, formatCooccurrence } = await import('./analyse-command');
    const report = await cooccurrenceReport(
      folderOf(positionals),
      by,
      values.annotator as string | undefined,
    );
    print(io, output, report, formatCooccurrence, cooccurrenceCsv);
    return 0;
  }
  if (command === 'agreement') {
    const { values, positionals } = parse(rest, {
      annotators: { type: 'string' },
      codes: { type: 'string' },
      'done-only': { type: 'boolean' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
    });
    const list = (given: unknown) =>
      typeof given === 'string'
        ? given
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : undefined;
    const annotators = list(values.annotators);
    if (annotators && annotators.length < 2)
      throw new UsageError('--annotators names two annotators or more: A,B');
    const { agreementCsv, agreementReport, formatAgreement } = await import('./agreement-command');
    const report = await agreementReport(folderOf(positionals), {
      annotators,
      codes: list(values.codes),
      doneOnly: values['done-only'] === true,
    });
    print(io, outputOf(values), report, formatAgreement, agreementCsv);
    return 0;
  }
  if (command === 'export') {
    const { values, positionals } = parse(rest, {
      format: { type: 'string' },
      out: { type: 'string' },
      documents: { type: 'string' },
      codes: { type: 'string' },
      annotators: { type: 'string' },
      bom: { type: 'boolean' },
      group: { type: 'string' },
      annotator: { type: 'string' },
    });
    if (!values.format) throw new UsageError('say which format with --format');
    if (!values.out) throw new UsageError('say where to write with --out');
    const documents = values.documents as string | undefined;
    const { exportProject, formatExportSummary } = await import('./exchange-commands');
    const summary = await exportProject(
      {
        folder: folderOf(positionals),
        format: values.format as string,
        out: values.out as string,
        filters: {
          ...(documents
            ? { documents: documents === 'all' || documents === 'done' ? documents : list(documents) }
            : {}),
          ...(values.codes ? { codes: list(values.codes as string) } : {}),
          ...(values.annotators ? { annotators: list(values.annotators as string) } : {}),
        },
        bom: values.bom as boolean | undefined,
        group: values.group as string | undefined,
        annotator: values.annotator as string | undefined,
      },
      progressLine(io),
    );
    io.out(formatExportSummary(summary));
    return 0;
  }
  if (command === 'import') {
    const { values, positionals } = parse(rest, {
      format: { type: 'string' },
      into: { type: 'string' },
      annotator: { type: 'string' },
    });
    if (!values.format) throw new UsageError('say which format with --format');
    if (positionals.length !== 2)
      throw new UsageError('give the project folder, then the file or folder to import');
    const { formatImportSummary, importIntoProject } = await import('./exchange-commands');
    const summary = await importIntoProject({
      folder: positionals[0]!,
      format: values.format as string,
      path: positionals[1]!,
      into: (values.into as string | undefined) ?? 'imported',
      annotator: values.annotator as string | undefined,
    });
    io.out(formatImportSummary(summary));
    return 0;
  }
  if (command === 'serve') {
    const { values, positionals } = parse(rest, {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      annotator: { type: 'string' },
    });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port takes a number from 0 to 65535, not "${values.port}"`);
    const { serveProject } = await import('./serve-command');
    const { openInBrowser } = await import('./open-browser');
    const host = await serveProject({
      folder: folderOf(positionals),
      port,
      annotator: values.annotator as string | undefined,
    });
    io.out(`Gloss is serving ${positionals[0]} at ${host.url}`);
    io.out('Open that link in your browser (it carries the access token). Press Ctrl+C to stop.');
    if (!values['no-open']) openInBrowser(host.url);
    const stop = () => {
      host.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {});
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** How a report is to be printed: --json, --csv (for the commands that have it), or text for a person. */
function outputOf(values: { json?: unknown; csv?: unknown }): 'json' | 'csv' | 'text' {
  if (values.json && values.csv) throw new UsageError('choose --json or --csv, not both');
  return values.csv ? 'csv' : values.json ? 'json' : 'text';
}

/** Prints a report as asked; CSV goes out as written, since it ends its own records with CRLF. */
function print<R>(
  io: Output,
  output: 'json' | 'csv' | 'text',
  report: R,
  text: (report: R) => string,
  csv?: (report: R) => string,
): void {
  if (output === 'csv' && csv) io.write(csv(report));
  else io.out(output === 'json' ? JSON.stringify(report, null, 2) : text(report));
}

/** The rule of --by (how near two passages must be), the same paragraph unless given. */
async function nearnessRule(given: string | undefined) {
  const { COOCCURRENCE_RULES } = await import('../../shared/analysis/cooccurrence');
  const rule = COOCCURRENCE_RULES.find((r) => r === (given ?? 'paragraph'));
  if (!rule) throw new UsageError(`--by takes ${COOCCURRENCE_RULES.join(', ')}, not "${given}"`);
  return rule;
}

/** The period of --by for --timeline: a month unless given. */
async function timelineInterval(given: string | undefined) {
  const { TIMELINE_INTERVALS } = await import('../../shared/analysis/timeline-periods');
  const interval = TIMELINE_INTERVALS.find((i) => i === (given ?? 'month'));
  if (!interval)
    throw new UsageError(`--by with --timeline takes ${TIMELINE_INTERVALS.join(', ')}, not "${given}"`);
  return interval;
}

function folderOf(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give one folder of articles');
  return positionals[0]!;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Progress on the terminal while reading a large project: one line, rewritten, only on a TTY. */
function progressLine(io: Output): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || io !== console_) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    process.stderr.write(`\rReading documents: ${done} of ${total}${done === total ? '\n' : ''}`);
  };
}
