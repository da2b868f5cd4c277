/**
 * brat type names cannot hold spaces, and its .conf syntax gives meaning to `|`, `,`, `:`, `!`,
 * `<`, `>` and `=`. Gloss names become ASCII letters, digits, `_` and `-` ("Free expression" →
 * `Free_expression`, "Zoë's" → `Zoe_s`); a name with nothing left ("北京") falls back to its id.
 * The real names travel beside the types (visual.conf labels and the `# gloss-code` comments).
 */
export function safeTypeName(name: string, fallback: string): string {
  const ascii = name.normalize('NFKD').replace(/\p{M}/gu, '');
  const safe = ascii.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '');
  if (safe !== '') return safe;
  const id = fallback.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '');
  return id === '' ? 'Code' : id;
}

/**
 * Hands out type names unique in one export. Entity, relation and attribute types share a
 * namespace here (brat keeps them apart, but a label lookup by type does not), and the names
 * differ case-insensitively because Gloss merges codes by name ignoring case.
 */
export class TypeNamer {
  private readonly used = new Set<string>();

  constructor(reserved: readonly string[]) {
    for (const name of reserved) this.used.add(name.toLowerCase());
  }

  take(name: string, fallback: string): string {
    const base = safeTypeName(name, fallback);
    let type = base;
    for (let n = 2; this.used.has(type.toLowerCase()); n++) type = `${base}_${n}`;
    this.used.add(type.toLowerCase());
    return type;
  }
}
