import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../../../shared/model/vocabulary';
import { oneLine } from './escapes';

/**
 * The stakeholder register beside the .ann files, in the source format of brat's normalisation
 * databases (tools/norm_db_init.py): one entry a line, `id`, then tab-separated `kind:Label:value`
 * fields. Names and aliases are `name` fields (what brat searches); kind and country are `info`.
 * Descriptions are left out: they are free text over many lines.
 */
export const STAKEHOLDER_FILE = 'gloss-stakeholders.tsv';

export function writeStakeholderRegister(stakeholders: readonly Stakeholder[]): string {
  const lines = stakeholders.map((s) =>
    [
      s.id,
      `name:Name:${oneLine(s.name)}`,
      ...s.aliases.map((alias) => `name:Alias:${oneLine(alias)}`),
      `info:Kind:${s.kind}`,
      ...(s.country ? [`info:Country:${oneLine(s.country)}`] : []),
    ].join('\t'),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export interface RegisterEntry {
  name?: string;
  aliases: string[];
  kind?: StakeholderKind;
  country?: string;
}

/** Reads the register file back by id; fields it does not know are passed over. */
export function readStakeholderRegister(content: string): Map<string, RegisterEntry> {
  const entries = new Map<string, RegisterEntry>();
  for (const line of content.split(/\r?\n/)) {
    const [id, ...fields] = line.split('\t');
    if (!id || fields.length === 0) continue;
    const entry: RegisterEntry = { aliases: [] };
    for (const field of fields) {
      const match = /^(\w+):([^:]*):(.*)$/s.exec(field);
      if (!match) continue;
      const [, , label, value] = match as unknown as [string, string, string, string];
      if (label === 'Name') entry.name = value;
      else if (label === 'Alias') entry.aliases.push(value);
      else if (label === 'Kind' && (STAKEHOLDER_KINDS as readonly string[]).includes(value))
        entry.kind = value as StakeholderKind;
      else if (label === 'Country') entry.country = value;
    }
    entries.set(id, entry);
  }
  return entries;
}
