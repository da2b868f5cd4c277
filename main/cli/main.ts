import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ApiError } from '../../shared/api-error';
import { formatReport, projectReport } from './info-command';
import { openInBrowser } from './open-browser';
import { serveProject } from './serve-command';
import { formatSuggestReport, suggestReport } from './suggest-command';
import { USAGE, UsageError } from './usage';

type Output = { out: (text: string) => void; err: (text: string) => void };
const console_: Output = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
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

async function run(argv: string[], io: Output): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'info') {
    const { values, positionals } = parse(rest, { json: { type: 'boolean' }, annotator: { type: 'string' } });
    const report = await projectReport(folderOf(positionals), values.annotator as string | undefined);
    io.out(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  }
  if (command === 'suggest') {
    const { values, positionals } = parse(rest, {
      json: { type: 'boolean' },
      doc: { type: 'string' },
      annotator: { type: 'string' },
    });
    const report = await suggestReport(folderOf(positionals), {
      doc: values.doc as string | undefined,
      annotator: values.annotator as string | undefined,
    });
    io.out(values.json ? JSON.stringify(report, null, 2) : formatSuggestReport(report));
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

function folderOf(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('give one folder of articles');
  return positionals[0]!;
}
