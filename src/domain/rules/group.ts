/**
 * Grupo: a name, as free text. Contact exports put several labels in one cell — Google Contacts writes
 * "Group Membership" as `* myContacts ::: Clientes ::: VIP`, where the `* ` ones are the system's own
 * (every contact is in "* myContacts"). The system labels are dropped and the first label of the user is
 * the group; the others are named in a warning.
 *
 * The name must follow the rules of the Grupos screen, wherever it comes from (a clients import, a
 * Grupos import, the form): at most MAX_GROUP_NAME characters, and a letter or a digit.
 *
 * Problem codes:
 *   group.extra_ignored   warning  The cell named more than one group; only the first was used.
 *   group.name_invalid    error    The name has no letter or digit (it cannot be told apart from others).
 *   group.name_too_long   error    The name is longer than MAX_GROUP_NAME characters.
 *   group.description_too_long  error  A group's description is longer than MAX_GROUP_DESCRIPTION characters.
 */
import { ruleProblem, type RuleProblem, type RuleResult } from '../problems';
import { toMatchKey } from '../text';
import { parseLongText, parseText } from './name';

/** Long enough for "Contencioso trabalhista — carteira da Dra. Silva", short enough for a list line. */
export const MAX_GROUP_NAME = 80;

/** Why a clean (trimmed, spaces collapsed), non-empty name cannot be a group's, or null when it can. */
export function checkGroupName(name: string, raw: string = name): RuleProblem | null {
  if (toMatchKey(name) === '') return ruleProblem('group.name_invalid', 'error', raw, 'O nome do grupo precisa ter ao menos uma letra ou um número.');
  if (name.length > MAX_GROUP_NAME) return ruleProblem('group.name_too_long', 'error', raw, `O nome do grupo tem ${name.length} caracteres; use no máximo ${MAX_GROUP_NAME}.`);
  return null;
}

/** Longer would not fit the Grupos screen's line; an office's note on a group is a sentence or two. */
export const MAX_GROUP_DESCRIPTION = 300;

/** Why a clean description cannot be a group's, or null when it can. */
export function checkGroupDescription(description: string, raw: string = description): RuleProblem | null {
  if (description.length <= MAX_GROUP_DESCRIPTION) return null;
  return ruleProblem('group.description_too_long', 'error', raw, `A descrição tem ${description.length} caracteres; use no máximo ${MAX_GROUP_DESCRIPTION}.`);
}

/** A parsed group name that breaks the rules becomes an error with no data. */
function checked(result: RuleResult<string>, raw: string): RuleResult<string> {
  const problem = result.data === null ? null : checkGroupName(result.data, raw);
  return problem === null ? result : { data: null, problems: [...result.problems, problem] };
}

/** Google Contacts' separator between labels. */
const LABEL_SEPARATOR = /\s*:::\s*/;
/** Google's system labels: "* myContacts", "* starred", "* friends"... */
const SYSTEM_LABEL = /^\*\s/;

export function parseGroup(raw: string): RuleResult<string> {
  return checked(readGroupLabel(raw), raw);
}

/** A group's own name (a Grupos spreadsheet): the cell as typed, under the Grupos screen's rules. */
export function parseGroupName(raw: string): RuleResult<string> {
  return checked(parseText(raw), raw);
}

/** A group's description: free text (line breaks kept), at most MAX_GROUP_DESCRIPTION characters. */
export function parseGroupDescription(raw: string): RuleResult<string> {
  const result = parseLongText(raw);
  const problem = result.data === null ? null : checkGroupDescription(result.data, raw);
  return problem === null ? result : { data: null, problems: [...result.problems, problem] };
}

function readGroupLabel(raw: string): RuleResult<string> {
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
