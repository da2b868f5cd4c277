/**
 * Where an imported source's text goes: its name as a relative path ("/" separators, ending in
 * .txt), with what Windows or the project layout would refuse replaced, and made unique.
 * Gloss's own export names sources by document key, so those come back to the same path.
 */
export function documentPath(name: string, taken: Set<string>): string {
  const parts = name
    .split(/[/\\]+/)
    .map((part) =>
      part
        // biome-ignore lint/suspicious/noControlCharactersInRegex: Windows refuses control characters in names
        .replace(/[<>:"|?*\u0000-\u001f]/g, '_')
        .trim()
        // A leading dot would hide the file from Gloss; a trailing one Windows drops.
        .replace(/^\.+/, '')
        .replace(/[. ]+$/, ''),
    )
    .filter((part) => part !== '');
  let path = parts.join('/') || 'source';
  if (!/\.txt$/i.test(path)) path = `${path.replace(/\.(md|html?|docx?|rtf|pdf|odt)$/i, '')}.txt`;
  let unique = path;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = path.replace(/\.txt$/i, ` (${n}).txt`);
  taken.add(unique.toLowerCase());
  return unique;
}
