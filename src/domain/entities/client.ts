import * as v from 'valibot';
import type { EntityDef, FieldDef, ParseContext } from './field';
import { parseBirthDate } from '../rules/birthDate';
import { parseCep, parseDocument, parseEmail, parseGroup, parseKind, parseLongText, parsePhone, parseText, parseUf, prependDdd, splitEmails, UF_NAMES } from '../rules';
import type { RuleResult } from '../problems';

function documentOnly(raw: string): RuleResult<string> {
  const { data, problems } = parseDocument(raw);
  return { data: data?.document ?? null, problems };
}

export const UFS: readonly string[] = Object.keys(UF_NAMES).sort();

/** The principal address; a second one in the same cell is handed to the secondary field by the validator. */
function firstEmail(raw: string): RuleResult<string> {
  const { data, problems } = splitEmails(raw);
  return { data: data?.email ?? null, problems };
}

/** The client fields, in template and list order. Adding a field here adds it everywhere. */
export const CLIENT_FIELDS = [
  { key: 'name', label: 'Nome/Razão Social', required: true, format: 'text', example: 'Maria da Silva',
    description: 'Nome completo da pessoa ou razão social da empresa.',
    synonyms: ['nome', 'nome completo', 'razao social', 'nome razao social', 'cliente', 'nome do cliente', 'name', 'full name', 'nome cliente', 'contato', 'first name', 'paciente', 'nome do paciente', 'nome paciente', 'cliente nome', 'nome razao', 'nome empresarial', 'nome da empresa', 'contact name', 'display name', 'razao social empresa', 'company name', 'account name', 'organization name', 'organization', 'organizacao', 'empresa'],
    parts: {
      first: ['nome', 'first name', 'given name', 'primeiro nome', 'prenome'],
      rest: ['middle name', 'additional name', 'nome do meio', 'segundo nome', 'last name', 'family name', 'surname', 'sobrenome', 'ultimo nome'],
    },
    joinWith: ' ', parse: parseText },
  { key: 'tradeName', label: 'Nome fantasia', required: false, format: 'text', example: 'Padaria Estrela',
    description: 'Nome comercial da empresa (só para pessoa jurídica).',
    synonyms: ['fantasia', 'nome fantasia', 'apelido', 'nome comercial', 'trade name', 'nome de fantasia', 'doing business as', 'dba'], parse: parseText },
  { key: 'document', label: 'CPF/CNPJ', required: true, format: 'document', example: '123.456.789-09',
    description: 'CPF (11 dígitos) ou CNPJ (14 caracteres, também o novo CNPJ com letras). Pontos, traços e barras são aceitos.',
    synonyms: ['cpf', 'cnpj', 'cpf cnpj', 'cnpj cpf', 'documento', 'cpf ou cnpj', 'cnpj ou cpf', 'n documento', 'numero documento', 'inscricao federal', 'cpf cnpj cliente', 'cpf do cliente', 'cpf do paciente', 'cnpj do cliente', 'cnpj cpf cliente', 'nr cpf cnpj', 'num cpf cnpj', 'tax id', 'vat', 'taxpayer id', 'cpf cnpj cliente fornecedor'],
    firstOfSeveral: true,
    parse: documentOnly },
  { key: 'kind', label: 'Tipo de pessoa', required: false, format: 'kind', example: 'PF', options: ['PF', 'PJ'],
    description: 'PF (pessoa física) ou PJ (pessoa jurídica). Se ficar vazio, é deduzido do CPF/CNPJ.',
    synonyms: ['tipo', 'tipo de pessoa', 'tipo pessoa', 'pessoa', 'pf pj', 'fisica juridica', 'natureza', 'tp pessoa', 'company type', 'person type'],
    parse: parseKind },
  { key: 'mobile', label: 'Celular', required: 'phone', format: 'phone', example: '(11) 98765-4321',
    description: 'Celular com DDD. Informe Celular e/ou Telefone.',
    synonyms: ['celular', 'cel', 'whatsapp', 'whats', 'zap', 'mobile', 'telefone celular', 'fone celular', 'tel celular', 'mobile phone', 'phone 1 value', 'celular whatsapp', 'celular 1', 'tel cel', 'fone cel', 'telefone cel', 'cel whatsapp', 'mobile phone number', 'mobile number', 'cell phone', 'cellphone', 'phone mobile', 'nr celular', 'num celular', 'fone celular 1'],
    prefixColumn: { key: 'mobile.ddd', label: 'DDD do Celular', synonyms: ['ddd celular', 'ddd cel', 'ddd do celular', 'ddd whatsapp', 'ddd cel whatsapp'], prepend: prependDdd },
    parse: (raw: string) => parsePhone(raw, 'mobile') },
  { key: 'phone', label: 'Telefone', required: 'phone', format: 'phone', example: '(11) 3456-7890',
    description: 'Telefone fixo com DDD. Informe Celular e/ou Telefone.',
    synonyms: ['telefone', 'fone', 'tel', 'telefone fixo', 'fone fixo', 'telefone comercial', 'fone comercial', 'phone', 'telefone 1', 'fone 1', 'phone 2 value', 'tel comercial', 'tel fixo', 'telefone residencial', 'fone residencial', 'tel residencial', 'business phone', 'home phone', 'primary phone', 'telefone principal', 'tel res', 'tel com', 'fone res', 'fone com', 'phone number', 'work phone', 'phone work', 'phone home', 'office phone', 'nr telefone', 'num telefone', 'nr fone'],
    prefixColumn: { key: 'phone.ddd', label: 'DDD do Telefone', synonyms: ['ddd telefone', 'ddd fone', 'ddd tel', 'ddd do telefone', 'ddd fixo', 'ddd comercial', 'ddd residencial', 'ddd tel res', 'ddd tel com'], prepend: prependDdd },
    parse: (raw: string) => parsePhone(raw, 'landline') },
  { key: 'email', label: 'E-mail principal', required: true, format: 'email', example: 'maria@exemplo.com.br',
    description: 'Endereço de e-mail principal. Se a célula tiver dois e-mails, o segundo vira o e-mail secundário.',
    synonyms: ['email', 'e mail', 'e mail principal', 'email principal', 'correio eletronico', 'e mail 1 value', 'email 1', 'e mail 1', 'email address', 'endereco de email', 'endereco de e mail', 'endereco eletronico', 'email work', 'work email', 'e mail address', 'email 1 address', 'endereco email'],
    parse: firstEmail },
  { key: 'secondaryEmail', label: 'E-mail secundário', required: false, format: 'email', example: 'financeiro@exemplo.com.br',
    description: 'Outro e-mail de contato.',
    synonyms: ['email secundario', 'e mail secundario', 'outro email', 'email 2', 'e mail 2', 'e mail 2 value', 'email alternativo', 'email 2 address', 'email home', 'email other', 'other email', 'personal email'],
    parse: parseEmail },
  { key: 'group', label: 'Grupo', required: true, format: 'group', example: 'Clientes ativos',
    description: 'Grupo do cliente (por exemplo, uma área de atuação ou carteira). Um grupo que ainda não existe é criado na importação.',
    synonyms: ['grupo', 'categoria', 'segmento', 'group', 'carteira', 'grupo de clientes', 'classificacao', 'group membership', 'labels', 'categories', 'categorias', 'area', 'area de atuacao', 'setor', 'grupo cliente', 'grupo de cliente', 'tags', 'tag', 'category', 'category id', 'label', 'segment'], parse: parseGroup },
  { key: 'birthDate', label: 'Data de nascimento/fundação', required: false, format: 'date', example: '25/12/1980',
    description: 'Data no formato dd/mm/aaaa.',
    synonyms: ['data de nascimento', 'nascimento', 'data nascimento', 'dt nasc', 'dt nascimento', 'aniversario', 'fundacao', 'data de fundacao', 'data de abertura', 'birthday', 'data nasc', 'data nasc fundacao', 'dt nasc fundacao', 'data nascimento fundacao', 'nascimento fundacao', 'data de nascimento fundacao', 'birthdate', 'birth date', 'date of birth', 'dob', 'data nascimento abertura'],
    parse: (raw: string, context: ParseContext) => parseBirthDate(raw, { date1904: context.date1904, monthFirst: context.monthFirstDates === true }) },
  { key: 'rgIe', label: 'RG/Inscrição estadual', required: false, format: 'text', example: '12.345.678-9',
    description: 'RG da pessoa física ou inscrição estadual da empresa.',
    synonyms: ['rg', 'ie', 'rg ie', 'inscricao estadual', 'insc estadual', 'identidade', 'rg inscricao estadual', 'ie rg', 'insc est', 'inscr est', 'inscricao estadual rg', 'nr rg', 'num rg', 'rg numero'], parse: parseText },
  { key: 'cep', label: 'CEP', required: false, format: 'cep', example: '01310-100',
    description: 'CEP com 8 dígitos.', synonyms: ['cep', 'codigo postal', 'zip', 'zip code', 'postal code', 'address 1 postal code', 'business postal code', 'home postal code', 'cep comercial', 'cep residencial', 'zip postal code', 'zipcode', 'nr cep', 'cep endereco'], parse: parseCep },
  { key: 'street', label: 'Logradouro', required: false, format: 'text', example: 'Avenida Paulista',
    description: 'Rua, avenida, praça etc.', synonyms: ['logradouro', 'endereco', 'rua', 'address', 'street', 'end', 'address 1 street', 'business street', 'home street', 'rua comercial', 'rua residencial', 'endereco comercial', 'endereco residencial', 'street address', 'address 1', 'address line 1', 'street 1', 'street name', 'ds endereco', 'endereco logradouro'], parse: parseText },
  { key: 'number', label: 'Número', required: false, format: 'text', example: '1000',
    description: 'Número do endereço (ou S/N).', synonyms: ['numero', 'n', 'no', 'num', 'nro', 'n endereco', 'nr endereco', 'numero endereco', 'num endereco', 'nro endereco', 'numero do endereco', 'nr', 'nr logradouro', 'numero logradouro', 'street number', 'house number', 'number'], parse: parseText },
  { key: 'complement', label: 'Complemento', required: false, format: 'text', example: 'Sala 12',
    description: 'Apartamento, sala, bloco.', synonyms: ['complemento', 'compl', 'apto', 'compl endereco', 'complemento endereco', 'complem', 'compl end', 'complemento do endereco', 'street 2', 'street2', 'address line 2', 'street address line 2', 'address 2'], parse: parseText },
  { key: 'district', label: 'Bairro', required: false, format: 'text', example: 'Bela Vista',
    description: 'Bairro.', synonyms: ['bairro', 'distrito', 'district', 'neighborhood', 'neighbourhood', 'bairro endereco'], parse: parseText },
  { key: 'city', label: 'Cidade', required: false, format: 'text', example: 'São Paulo',
    description: 'Cidade.', synonyms: ['cidade', 'municipio', 'city', 'localidade', 'address 1 city', 'cidade uf', 'municipio uf', 'cidade estado', 'business city', 'home city', 'cidade comercial', 'cidade residencial', 'city id', 'town', 'cidade endereco'], parse: parseText },
  { key: 'uf', label: 'UF', required: false, format: 'uf', example: 'SP', options: UFS,
    description: 'Sigla do estado (o nome por extenso também é aceito).', synonyms: ['uf', 'estado', 'sigla uf', 'state', 'address 1 region', 'business state', 'home state', 'estado comercial', 'estado residencial', 'state region', 'state province', 'state id', 'province', 'region', 'uf endereco', 'sg uf'], parse: parseUf },
  { key: 'notes', label: 'Observações', required: false, format: 'longtext', example: 'Prefere contato por e-mail',
    description: 'Anotações livres.', synonyms: ['observacoes', 'observacao', 'obs', 'notas', 'anotacoes', 'comentarios', 'notes', 'description', 'comment', 'comments', 'note', 'observacoes gerais'],
    joinWith: '\n', parse: parseLongText },
] as const satisfies readonly FieldDef[];

export type ClientFieldKey = (typeof CLIENT_FIELDS)[number]['key'];

/** A client as read from one spreadsheet row, normalized: every field as text, '' when empty. */
export type ClientDraft = Record<ClientFieldKey, string>;

export const CLIENT_ENTITY: EntityDef<ClientFieldKey> = {
  name: 'clients',
  label: 'Clientes',
  fields: CLIENT_FIELDS,
  requiredGroups: { phone: 'Informe pelo menos um telefone: Celular ou Telefone.' },
};

const EMPTY_DRAFT: Readonly<ClientDraft> = Object.freeze(Object.fromEntries(CLIENT_FIELDS.map((field) => [field.key, ''])) satisfies Partial<ClientDraft> as ClientDraft);

/** Every field empty. A copy of one template: each row's draft gets the same shape, which keeps the hot loops fast. */
export function emptyClientDraft(): ClientDraft {
  return { ...EMPTY_DRAFT };
}

const text = v.string();
const draftEntries = Object.fromEntries(CLIENT_FIELDS.filter((f) => f.key !== 'group').map((f) => [f.key, text])) as Record<
  Exclude<ClientFieldKey, 'group'>,
  typeof text
>;

/** A stored client. `group` (a name in the spreadsheet) is stored as `groupId`. */
export const ClientSchema = v.object({
  id: v.string(),
  ...draftEntries,
  kind: v.picklist(['PF', 'PJ']),
  groupId: v.string(),
  createdAt: v.number(),
  updatedAt: v.number(),
  runId: v.optional(v.string()),
  row: v.optional(v.number()),
});

export type ClientRecord = v.InferOutput<typeof ClientSchema>;

export const GroupSchema = v.object({
  id: v.string(),
  name: v.string(),
  /** The name without case and accents: what makes two groups the same. */
  nameKey: v.string(),
  description: v.string(),
  createdAt: v.number(),
  runId: v.optional(v.string()),
});

export type GroupRecord = v.InferOutput<typeof GroupSchema>;
