import type { ImportProblem } from '../../import-plan';
import { canonicalGuid, GUID_PATTERN } from './guid';
import type { XmlNode } from './xml-reader';

/** Problems found in one file, each with the line of the element it is about. */
export class FileProblems {
  readonly list: ImportProblem[] = [];

  constructor(readonly file: string) {}

  add(message: string, node?: XmlNode): void {
    this.list.push(node ? { file: this.file, line: node.line, message } : { file: this.file, message });
  }

  /** A required attribute, or a problem saying it is missing. */
  required(node: XmlNode, attribute: string): string | undefined {
    const value = node.attrs.get(attribute);
    if (value === undefined) this.add(`<${node.name}> has no ${attribute} attribute`, node);
    return value;
  }

  /** A GUID attribute in its canonical form; a problem when required and missing or malformed. */
  guid(node: XmlNode, attribute: string, required: boolean): string | undefined {
    const value = node.attrs.get(attribute)?.trim();
    if (value === undefined) {
      if (required) this.add(`<${node.name}> has no ${attribute} attribute`, node);
      return undefined;
    }
    if (!GUID_PATTERN.test(value)) {
      this.add(`<${node.name}> ${attribute} "${value}" is not a GUID`, node);
      return undefined;
    }
    return canonicalGuid(value);
  }
}
