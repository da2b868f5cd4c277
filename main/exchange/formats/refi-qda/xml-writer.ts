/**
 * A small XML writer: elements are plain objects, rendered with two-space indentation. Elements
 * either hold text or other elements, never both (REFI-QDA has no mixed content), so the
 * indentation never changes a value.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | boolean | undefined>;
  children: XmlElement[];
  text?: string;
}

type Attrs = XmlElement['attrs'];

/** An element with child elements (absent ones, `undefined` or `false`, are skipped). */
export function el(
  name: string,
  attrs: Attrs = {},
  children: (XmlElement | undefined | false)[] = [],
): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlElement => !!c) };
}

/** An element holding only text. */
export function textEl(name: string, text: string, attrs: Attrs = {}): XmlElement {
  return { name, attrs, children: [], text };
}

export function renderXml(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, '', lines);
  return `${lines.join('\n')}\n`;
}

function render(node: XmlElement, indent: string, lines: string[]): void {
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  if (node.text !== undefined) {
    lines.push(`${indent}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    lines.push(`${indent}<${node.name}${attrs}/>`);
  } else {
    lines.push(`${indent}<${node.name}${attrs}>`);
    for (const child of node.children) render(child, `${indent}  `, lines);
    lines.push(`${indent}</${node.name}>`);
  }
}

/**
 * Characters XML 1.0 cannot carry at all, not even as references (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF). They become U+FFFD; offsets are unaffected, since the text itself
 * travels in the source files, not in the XML.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeText(value: string): string {
  // A raw CR would be read back as LF, so it is written as a reference.
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escapeAttribute(value: string): string {
  // Attribute values are normalised on reading (tab and line breaks become spaces) unless
  // written as references; quotes of passages often span a line break.
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
