/**
 * Grupo: a name, as free text. Contact exports put several labels in one cell — Google Contacts writes
 * "Group Membership" as `* myContacts ::: Clientes ::: VIP`, where the `* ` ones are the system's own
 * (every contact is in "* myContacts"). The system labels are dropped and the first label of the user is
 * the group; the others are named in a warning.
 *
 * Problem codes:
 *   group.extra_ignored  warning  The cell named more than one group; only the first was used.
 */
import { ruleProblem, type RuleResult } from '../problems';
import { parseText } from './name';

/** Google Contacts' separator between labels. */
const LABEL_SEPARATOR = /\s*:::\s*/;
/** Google's system labels: "* myContacts", "* starred", "* friends"... */
const SYSTEM_LABEL = /^\*\s/;

export function parseGroup(raw: string): RuleResult<string> {
  if (!LABEL_SEPARATOR.test(raw) && !SYSTEM_LABEL.test(raw.trim())) return parseText(raw);
  const labels = raw
    .split(LABEL_SEPARATOR)
    .map((label) => label.trim())
    .filter((label) => label !== '' && !SYSTEM_LABEL.test(label))
    .map((label) => parseText(label).data)
    .filter((label): label is string => label !== null);
  const [first = null, ...rest] = labels;
  if (first === null || rest.length === 0) return { data: first, problems: [] };
  return {
    data: first,
    problems: [ruleProblem('group.extra_ignored', 'warning', raw,
      `A célula tinha mais de um grupo; o cliente ficou no primeiro, "${first}". Ficou de fora: ${rest.join(', ')}.`)],
  };
}
