import { SaxesParser } from 'saxes';

/** An element read back, by local name (tools differ in namespace prefixes), with its line. */
export interface XmlNode {
  name: string;
  /** Namespace URI, "" for none. */
  uri: string;
  /** Unprefixed attributes by name. */
  attrs: ReadonlyMap<string, string>;
  children: XmlNode[];
  /** The element's own text and CDATA, joined. */
  text: string;
  /** One-based line of the start tag. */
  line: number;
}

export type ParsedXml = { ok: true; root: XmlNode } | { ok: false; line: number; message: string };

/**
 * Parses a whole XML document strictly (saxes follows the XML 1.0 well-formedness rules), keeping
 * lines for the problems an import reports. No DTD is loaded, so no external entities either.
 */
export function parseXml(source: string): ParsedXml {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let failure: { line: number; message: string } | undefined;
  let tagLine = 1;

  parser.on('error', (error) => {
    // The first error is the one to report; saxes would go on and report its consequences.
    failure ??= { line: parser.line, message: error.message.replace(/^\d+:\d+: /, '') };
    throw error;
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === '' && attr.local !== 'xmlns') attrs.set(attr.local, attr.value);
    }
    const node: XmlNode = { name: tag.local, uri: tag.uri, attrs, children: [], text: '', line: tagLine };
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else root = node;
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(source.replace(/^\uFEFF/, '')).close();
  } catch (error) {
    if (!failure) throw error;
  }
  if (failure) return { ok: false, ...failure };
  if (!root) return { ok: false, line: 1, message: 'has no root element' };
  return { ok: true, root };
}

/** The child elements of `node` with the local name `name`. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

export function childNamed(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** Bytes of an XML file as text: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The `name` elements inside `node`'s `container` child (`Sources` → `TextSource`…); none without it. */
export function listed(node: XmlNode, container: string, name: string): XmlNode[] {
  const list = childNamed(node, container);
  return list ? childrenNamed(list, name) : [];
}
