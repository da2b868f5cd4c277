// Checks that a folder of TypeScript (shared/) runs anywhere Gloss runs: in Node, in the
// renderer's browser page, and in the Electron preload. It may use the language (ES2023) and a
// short list of web-platform globals that every one of those hosts has, and nothing else: no Node
// built-in modules or globals, no DOM, no Electron, no package that needs any of them.
//
// The compiler does the work, not regexes: the files are type-checked without @types/node (so
// `process`, `Buffer`, `__dirname`, `require` and `node:*` modules do not exist), and every name
// is resolved, so a name whose only declaration is in the DOM's lib files is reported while a local
// variable that happens to be called `window` is not. Imports are read from the syntax tree, and
// the packages they name are bundled for the browser by esbuild, which fails on any Node built-in
// reached through them.
import { readdir } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { basename, join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

/** One thing that keeps a file from being portable, where it is, and why it matters. */
export interface PurityProblem {
  /** Path relative to the checked folder's parent, with "/" separators (e.g. `shared/api.ts`). */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

/**
 * Web-platform globals that Node ≥ 20, Chromium and Electron's sandboxed preload all provide with
 * the same behaviour (they are in WinterCG's minimum common API). They are declared in TypeScript's
 * DOM lib only, hence the list. `fetch` is deliberately not here, though every host has it:
 * shared/ never does I/O of its own. The API client is handed a transport, and the transports
 * (HTTP in renderer/src/api/, IPC, in-process in main/) live outside shared/.
 */
export const PORTABLE_WEB_GLOBALS: readonly string[] = ['TextDecoder', 'TextEncoder'];

/**
 * Packages shared/ may import: pure JavaScript with no Node built-ins and no DOM. Before adding
 * one, read its entry points; the esbuild step below then confirms it on every run.
 */
export const PORTABLE_PACKAGES: readonly string[] = ['zod', 'approx-string-match'];

export interface PurityOptions {
  /** The folder to check; every .ts file under it is checked. */
  root: string;
  /** Where packages are resolved from (a folder with node_modules/). */
  packagesFrom: string;
  portablePackages?: readonly string[];
}

const NODE_BUILTINS = new Set(builtinModules);

/** Every problem found under `root`, in file and line order; empty when the folder is portable. */
export async function checkPurity(options: PurityOptions): Promise<PurityProblem[]> {
  const root = resolve(options.root);
  const files = await typeScriptFiles(root);
  const program = ts.createProgram(files, compilerOptions());
  const shown = (fileName: string) => relative(join(root, '..'), fileName).split(sep).join('/');
  const problems: PurityProblem[] = [];
  const packages = new Map<string, PurityProblem>();

  for (const fileName of files) {
    const source = program.getSourceFile(fileName);
    if (!source) throw new Error(`${fileName}: the compiler did not load it`);
    const at = (node: ts.Node, message: string): PurityProblem => ({
      file: shown(fileName),
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      message,
    });
    for (const { node, specifier } of importsOf(source)) {
      const verdict = judgeImport(specifier, fileName, root, options.portablePackages ?? PORTABLE_PACKAGES);
      if (verdict === 'package') packages.set(packageName(specifier), at(node, ''));
      else if (verdict) problems.push(at(node, verdict));
    }
    for (const { node, name, where } of hostOnlyNames(source, program.getTypeChecker())) {
      problems.push(at(node, `uses ${name}, which exists only in ${where}`));
    }
  }
  for (const diagnostic of program.getSemanticDiagnostics().concat(program.getSyntacticDiagnostics())) {
    if (!diagnostic.file?.fileName.startsWith(root + sep)) continue;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    problems.push({
      file: shown(diagnostic.file.fileName),
      line: line + 1,
      message: `does not compile as ES2023 without @types/node: ${text}`,
    });
  }
  problems.push(...(await packagesReachingNode(packages, options.packagesFrom)));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The language and nothing of a host: no @types/* at all, the DOM lib only for name resolution. */
function compilerOptions(): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The DOM lib is loaded so that its names resolve and can be reported by name (see
    // hostOnlyNames); without it, `document` would only be "cannot find name".
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    typeRoots: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
}

async function typeScriptFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Static imports and exports, `import()`, `require()` and `import('x').T` types. */
function importsOf(source: ts.SourceFile): { node: ts.Node; specifier: string }[] {
  const found: { node: ts.Node; specifier: string }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier))
        found.push({ node, specifier: node.moduleSpecifier.text });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push({ node, specifier: expression.text });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const [first] = node.arguments;
      if ((isImport || isRequire) && first && ts.isStringLiteralLike(first))
        found.push({ node, specifier: first.text });
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) {
        found.push({ node, specifier: argument.literal.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Why an import is not portable, 'package' for an allowed package (checked later), or undefined. */
function judgeImport(
  specifier: string,
  fileName: string,
  root: string,
  portablePackages: readonly string[],
): string | 'package' | undefined {
  if (specifier.startsWith('.')) {
    const target = resolve(fileName, '..', specifier);
    return target === root || target.startsWith(root + sep)
      ? undefined
      : `imports ${specifier}, outside ${basename(root)}/ (code there may use Node or the DOM)`;
  }
  const name = packageName(specifier);
  if (name === 'electron')
    return `imports ${specifier}: Electron exists only in the desktop shell (main/electron/)`;
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(name)) {
    return `imports ${specifier}, a Node built-in module`;
  }
  if (!portablePackages.includes(name)) {
    return `imports the package ${name}, not known to run outside Node; if it is pure JavaScript, add it to PORTABLE_PACKAGES`;
  }
  return 'package';
}

/** `@scope/name/sub` → `@scope/name`; `fs/promises` → `fs`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * Names whose every declaration is in the DOM's lib files (apart from PORTABLE_WEB_GLOBALS) or in
 * @types/node. The latter never loads with `types: []`, unless a package's types pull it in.
 */
function hostOnlyNames(source: ts.SourceFile, checker: ts.TypeChecker) {
  const found: { node: ts.Node; name: string; where: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && !PORTABLE_WEB_GLOBALS.includes(node.text)) {
      const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
      // A member (`decode` of a TextDecoder) is reached only through an object someone got from
      // a global first; that global is where the problem is reported.
      const isMember = declarations.some(
        (declaration) => ts.isTypeElement(declaration) || ts.isClassElement(declaration),
      );
      const homes = isMember ? [] : declarations.map((declaration) => declaration.getSourceFile().fileName);
      if (homes.length > 0 && homes.every((home) => /\/lib\.dom(\.[\w.]+)?\.d\.ts$/.test(home))) {
        found.push({ node, name: node.text, where: 'the browser (the DOM)' });
      } else if (homes.length > 0 && homes.every((home) => home.includes('/@types/node/'))) {
        found.push({ node, name: node.text, where: 'Node' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Bundles each allowed package the folder imports as the browser would get it; esbuild refuses
 * a Node built-in anywhere in the package or its dependencies.
 */
async function packagesReachingNode(packages: Map<string, PurityProblem>, packagesFrom: string) {
  const problems: PurityProblem[] = [];
  for (const [name, importedAt] of packages) {
    const result = await build({
      stdin: { contents: `import * as m from '${name}'; globalThis.m = m;`, resolveDir: packagesFrom },
      bundle: true,
      write: false,
      platform: 'browser',
      logLevel: 'silent',
    }).catch((error: { errors?: { text: string }[] }) => ({
      errors: error.errors ?? [{ text: String(error) }],
    }));
    for (const error of result.errors) {
      problems.push({
        ...importedAt,
        message: `imports the package ${name}, which does not build for the browser: ${error.text}`,
      });
    }
  }
  return problems;
}
