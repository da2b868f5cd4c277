import { createHash } from 'node:crypto';

/** Gloss's namespace for name-based UUIDs, so its GUIDs never collide with another tool's. */
const GLOSS_NAMESPACE = 'd8b2977c-4b90-4013-a4d3-ae0c749a5874';

const namespaceBytes = Buffer.from(GLOSS_NAMESPACE.replaceAll('-', ''), 'hex');

/**
 * A REFI-QDA GUID made from a name such as "code:privacy" (an RFC 9562 version 5 UUID), so the same
 * project exports the same GUIDs every time and a re-import can recognise them. Upper case, as
 * the QDA tools write them.
 */
export function guidFor(name: string): string {
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The schema's GUIDType: 8-4-4-4-12 hex digits, optionally in braces. */
export const GUID_PATTERN =
  /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

/** GUIDs compare without braces and case, as tools differ in both. */
export function canonicalGuid(guid: string): string {
  return guid.replace(/^\{|\}$/g, '').toUpperCase();
}
