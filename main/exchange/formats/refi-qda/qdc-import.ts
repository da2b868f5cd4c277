import type { ImportFormat } from '../../import-plan';
import { readCodebook } from './codebook-reader';
import { inputFile } from './input-file';
import { FileProblems } from './problems';
import { childNamed, decodeXml, parseXml } from './xml-reader';

/** A REFI-QDA codebook (.qdc): codes only, nested under their parents, with Gloss's roles if present. */
export const qdcImport: ImportFormat = {
  id: 'refi-qda-codebook',
  description: 'REFI-QDA codebook (.qdc) from another QDA tool',
  read(files) {
    const input = inputFile(files, '.qdc');
    if (!input.ok) return input;
    const { name } = input;
    const problems = new FileProblems(name);
    const parsed = parseXml(decodeXml(input.bytes));
    if (!parsed.ok)
      return { ok: false, problems: [{ file: name, line: parsed.line, message: parsed.message }] };
    if (parsed.root.name !== 'CodeBook') {
      problems.add(
        `the root element is <${parsed.root.name}>, not the <CodeBook> of a REFI-QDA codebook`,
        parsed.root,
      );
      return { ok: false, problems: problems.list };
    }
    if (!childNamed(parsed.root, 'Codes')) problems.add('<CodeBook> has no <Codes>', parsed.root);
    const { codes } = readCodebook(parsed.root, parsed.root, problems);
    if (problems.list.length > 0) return { ok: false, problems: problems.list };
    return { ok: true, plan: { documents: [], codes, stakeholders: [], relationTypes: [] } };
  },
};
