/** The HTML standard's prescan reads this far for a `<meta charset>`; a later one does not count. */
const PRESCAN_BYTES = 1024;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([^\s"'/>;]+)/i;

/**
 * The encoding label an HTML page declares in a `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` near its start, if any.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  return META_CHARSET.exec(head.replace(/<!--[\s\S]*?-->/g, ''))?.[1];
}
