import { toMatchKey } from '../text';
import type { FieldDef } from '../entities/field';

/** Edit distance, for headers with a typo ("Telefoe", "Enderco"). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/**
 * Words other systems put around a field's name that do not change it: "Nm_Bairro" (nome do bairro),
 * "Ds_Email", Pipedrive's "Person - Name", Salesforce's "Mailing Street" and "Billing City", "Grupo do
 * cliente", "Nome da Empresa". Words that do change it ("Nr_Endereco" is the number, not the street)
 * are synonyms of their own.
 */
const NEUTRAL_PREFIX = /^(?:nm|ds|desc|person|mailing|billing|primary) (?=\S)/;
const NEUTRAL_SUFFIX = /(?<=\S) (?:(?:do|da|de) )?(?:cliente|empresa)$/;

/** Matching forms of a header: CamelCase split ("MailingPostalCode"), then without its neutral words. */
export function headerKeys(header: string): string[] {
  const key = toMatchKey(header.replace(/\*/g, '').replace(/([a-z])([A-Z])/g, '$1 $2'));
  const bare = key.replace(NEUTRAL_PREFIX, '').replace(NEUTRAL_SUFFIX, '');
  return bare === key ? [key] : [key, bare];
}

/** The words of up to 3 letters ("nm", "nr", "rg", "ie"): abbreviations that carry the meaning, never typos. */
function shortWords(key: string): string {
  return key.split(' ').filter((word) => word.length <= 3).join(' ');
}

/** A close typo ("Telefoen", "Enderco") of a name, that keeps its abbreviations ("Nm_Endereco" is no "N Endereco"). */
function isTypoOf(key: string, name: string): boolean {
  if (name.length < 4 || key.length < 4 || shortWords(key) !== shortWords(name)) return false;
  return distance(name, key) <= (name.length >= 8 ? 2 : 1);
}

function namesOf(field: FieldDef): string[] {
  return [field.label, field.key, ...field.synonyms].map((n) => toMatchKey(n.replace(/\*$/, '')));
}

/** An exact name scores 1 for the label, a little less for each later synonym (the lists go from the surest). */
const RANK_STEP = 0.001;

/**
 * How well a header names a field, 0..1: about 1 for an exact name (accents, case, punctuation, spaces
 * between letters as in "C.N.P.J." and a trailing `*` ignored), 0.8 for a close typo, 0 when it says
 * nothing about the field. Among exact names the surer one scores higher, so "Razão Social" takes the
 * name before "Contato" (a contact person, in a company's export) whatever their column order.
 */
export function scoreHeader(header: string, field: FieldDef): number {
  const [key = '', bare] = headerKeys(header);
  if (key === '') return 0;
  const names = namesOf(field);
  const exact = (form: string) => {
    const compact = form.replace(/ /g, '');
    const rank = names.findIndex((name) => name === form || name.replace(/ /g, '') === compact);
    return rank < 0 ? 0 : 1 - rank * RANK_STEP;
  };
  // The header as written wins over its form without the neutral words, which wins over a typo.
  const direct = exact(key);
  if (direct > 0) return direct;
  const stripped = bare === undefined ? 0 : exact(bare);
  if (stripped > 0) return stripped - 0.05;
  return names.some((name) => isTypoOf(key, name)) ? 0.8 : 0;
}

/** Words of headers that name no data: "Coluna 3", "Campo1", "Unnamed: 4", "Custom Field 1 - Value", "doc", "F". */
const GENERIC_WORD = /^(?:coluna|col|campo|field|column|unnamed|sem|titulo|custom|valor|value|dado|dados|info|informacao|informacoes|extra|outro|outros|outra|outras|doc|docs|id|codigo|cod|item|texto|text|geral|[a-z]|[a-z]?\d+[a-z]?)$/;

/** Words saying a column is about someone or something else than the client ("CPF do responsável"). */
const FOREIGN = /\b(?:responsavel|conjuge|pai|mae|socio|contador|vendedor|representante|indicacao|indicado|dependente|filh[oa]|medico|tecnico|advogado|procurador|fiador|avalista|cadastro|inclusao|alteracao|atualizacao|emissao|vencimento|validade|ultim[oa]|compra|pagamento|contrato|admissao|referencia|entrega|cobranca)\b/;

/** Words that name each kind of data a column's values can be recognised as. */
const KIND_WORDS: Readonly<Record<string, RegExp>> = {
  // Also the words of an identifying number in English exports ("register_number", "Tax number", "company_number").
  document: /\b(?:cpf|cnpj|doc|documento|inscricao|registro|register|registration|number|numero|nr|num|tax|vat|nif|fiscal|federal|identification|identificacao)\b/,
  email: /\b(?:e ?mail|correio)\b/,
  phone: /\b(?:tel|telefone|fone|cel|celular|whats|whatsapp|contato|phone|mobile)\b/,
  cep: /\b(?:cep|zip|postal)\b/,
  uf: /\b(?:uf|estado|state)\b/,
  date: /\b(?:data|dt|nasc|nascimento|aniversario|fundacao|birthday)\b/,
  kind: /\b(?:tipo|pessoa|natureza)\b/,
};

/**
 * Whether a column may be mapped from its values to a field of `format`: when its header says nothing,
 * or names that kind of data without saying it belongs to someone else. "CPF do responsável" full of
 * valid CPFs is not the client's CPF, and "Data de cadastro" is not a birth date.
 */
export function headerAllowsContent(header: string, format: string): boolean {
  const key = toMatchKey(header);
  if (key.split(' ').every((word) => word === '' || GENERIC_WORD.test(word))) return true;
  if (FOREIGN.test(key)) return false;
  return KIND_WORDS[format]?.test(key) ?? false;
}
