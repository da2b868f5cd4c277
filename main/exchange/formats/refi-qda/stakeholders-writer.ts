import type { Dataset } from '../../dataset';
import { exportGuids as ids } from './export-guids';
import { STAKEHOLDER_VARIABLES } from './gloss-extensions';
import { el, textEl, type XmlElement } from './xml-writer';

/**
 * The stakeholder register as Cases, the unit-of-analysis construct of QDA tools: one Case per
 * stakeholder, with its kind, country and aliases as Text Variables, and a SelectionRef to every
 * passage that mentions it (see gloss-extensions.ts).
 */
export function writeStakeholders(dataset: Dataset): { variables?: XmlElement; cases?: XmlElement } {
  if (dataset.stakeholders.length === 0) return {};
  const mentions = new Map<string, string[]>();
  for (const doc of dataset.documents) {
    for (const a of doc.annotations) {
      if (a.stakeholderId) {
        mentions.set(a.stakeholderId, [
          ...(mentions.get(a.stakeholderId) ?? []),
          ids.selection(doc.key, a.id),
        ]);
      }
    }
  }
  const value = (variable: { name: string }, text: string) =>
    el('VariableValue', {}, [
      el('VariableRef', { targetGUID: ids.variable(variable.name) }),
      textEl('TextValue', text),
    ]);
  const { kind, country, alias } = STAKEHOLDER_VARIABLES;
  const cases = dataset.stakeholders.map((s) =>
    el('Case', { guid: ids.stakeholder(s.id), name: s.name }, [
      s.description !== undefined && textEl('Description', s.description),
      value(kind, s.kind),
      s.country !== undefined && value(country, s.country),
      ...s.aliases.map((a) => value(alias, a)),
      ...(mentions.get(s.id) ?? []).map((guid) => el('SelectionRef', { targetGUID: guid })),
    ]),
  );
  const variables = [kind, country, alias].map((v) =>
    el('Variable', { guid: ids.variable(v.name), name: v.name, typeOfVariable: 'Text' }, [
      textEl('Description', v.description),
    ]),
  );
  return { variables: el('Variables', {}, variables), cases: el('Cases', {}, cases) };
}
