/**
 * A name as Gloss compares names (codes, stakeholders and aliases, relation types): spacing
 * collapsed and case folded, so "Donald  Trump" and "donald trump" are one name.
 */
export function foldName(name: string): string {
  return name.trim().split(/\s+/).join(' ').toLocaleLowerCase('en');
}
