/**
 * Tipo de pessoa (DESIGN.md §4): PF (pessoa física) or PJ (pessoa jurídica). Derived from the document
 * when empty; when given it must agree with the document.
 *
 * Problem codes:
 *   kind.unknown   error  Not a recognised way to say PF or PJ.
 *   kind.mismatch  error  The given kind disagrees with the document (CPF = PF, CNPJ = PJ).
 */
import { ruleProblem, type RuleProblem, type RuleResult } from '../problems';
import { collapseSpaces, toMatchKey } from '../text';
import { formatDocument, type PersonKind } from './document';

/** Compared without spaces, case, accents or punctuation: "Pessoa Física", "P.F.", "pf - física". */
const PF = /^(?:f|pf|fisica|pfisica|pessoafisica|pffisica|pfpessoafisica|pessoafisicapf|cpf|fis)$/;
const PJ = /^(?:j|pj|juridica|pjuridica|pessoajuridica|pjjuridica|pjpessoajuridica|pessoajuridicapj|cnpj|jur|empresa)$/;

export function parseKind(raw: string): RuleResult<PersonKind> {
  const shown = collapseSpaces(raw);
  if (shown === '') return { data: null, problems: [] };
  const key = toMatchKey(shown).replace(/ /g, '');
  if (PF.test(key)) return { data: 'PF', problems: [] };
  if (PJ.test(key)) return { data: 'PJ', problems: [] };
  return {
    data: null,
    problems: [ruleProblem('kind.unknown', 'error', raw,
      `"${shown}" não é um tipo de pessoa. Use PF (pessoa física) ou PJ (pessoa jurídica), ou deixe vazio para deduzir do CPF/CNPJ.`)],
  };
}

/** The kind a normalized document implies: 11 characters = CPF = PF, 14 = CNPJ = PJ, else null. */
export function kindOfDocument(document: string): PersonKind | null {
  if (document.length === 11) return 'PF';
  if (document.length === 14) return 'PJ';
  return null;
}

/** An error when the given kind disagrees with the (normalized) document; nothing when it agrees. */
export function checkKindAgainstDocument(given: PersonKind, document: string): RuleProblem[] {
  const implied = kindOfDocument(document);
  if (implied === null || implied === given) return [];
  const givenText = given === 'PF' ? 'PF (pessoa física)' : 'PJ (pessoa jurídica)';
  const documentText = implied === 'PF' ? 'um CPF, que é de pessoa física' : 'um CNPJ, que é de pessoa jurídica';
  return [ruleProblem('kind.mismatch', 'error', given,
    `O tipo de pessoa informado é ${givenText}, mas o documento ${formatDocument(document)} é ${documentText}. Corrija o tipo de pessoa ou o documento.`)];
}
