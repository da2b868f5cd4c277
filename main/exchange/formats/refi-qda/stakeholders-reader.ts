import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../../../shared/model/stakeholder';
import type { PlannedStakeholder } from '../../import-plan';
import { STAKEHOLDER_VARIABLES } from './gloss-extensions';
import type { FileProblems } from './problems';
import { childNamed, childrenNamed, listed, type XmlNode } from './xml-reader';

/**
 * The stakeholders of a project: its Cases that have a "Stakeholder kind" Gloss knows (other
 * tools' cases, such as interviewees, are left alone), and the selections each one is linked to.
 */
export function readStakeholders(project: XmlNode, problems: FileProblems) {
  const variableNames = new Map<string, string>();
  for (const variable of listed(project, 'Variables', 'Variable')) {
    const guid = problems.guid(variable, 'guid', true);
    if (guid) variableNames.set(guid, variable.attrs.get('name') ?? '');
  }
  const stakeholders: PlannedStakeholder[] = [];
  const bySelection = new Map<string, string>();
  for (const node of listed(project, 'Cases', 'Case')) {
    problems.guid(node, 'guid', true);
    const values = new Map<string, string[]>();
    for (const value of childrenNamed(node, 'VariableValue')) {
      const ref = childNamed(value, 'VariableRef');
      const guid = ref && problems.guid(ref, 'targetGUID', true);
      const name = guid && variableNames.get(guid);
      const text = childNamed(value, 'TextValue')?.text;
      if (name && text !== undefined) values.set(name, [...(values.get(name) ?? []), text]);
    }
    const kind = values.get(STAKEHOLDER_VARIABLES.kind.name)?.[0]?.trim();
    const name = node.attrs.get('name')?.trim();
    if (!kind || !(STAKEHOLDER_KINDS as readonly string[]).includes(kind) || !name) continue;
    const description = childNamed(node, 'Description')?.text;
    const country = values.get(STAKEHOLDER_VARIABLES.country.name)?.[0];
    stakeholders.push({
      name,
      kind: kind as StakeholderKind,
      aliases: values.get(STAKEHOLDER_VARIABLES.alias.name) ?? [],
      ...(description !== undefined && { description }),
      ...(country !== undefined && { country }),
    });
    for (const ref of childrenNamed(node, 'SelectionRef')) {
      const guid = problems.guid(ref, 'targetGUID', true);
      // A passage names one stakeholder; the first Case that claims it wins.
      if (guid && !bySelection.has(guid)) bySelection.set(guid, name);
    }
  }
  return { stakeholders, bySelection };
}
