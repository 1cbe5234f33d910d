import type { EntityDef, FieldDef } from './field';
import { MAX_GROUP_DESCRIPTION, MAX_GROUP_NAME, parseGroupDescription, parseGroupName } from '../rules/group';

/**
 * The group fields of a Grupos spreadsheet, in template order. Like CLIENT_FIELDS, this list drives the
 * template, the mapping, the validation, the review and the log: adding a group field here adds it everywhere.
 */
export const GROUP_FIELDS = [
  { key: 'name', label: 'Nome do grupo', required: true, format: 'text', example: 'Contencioso trabalhista',
    description: `Nome do grupo, com até ${MAX_GROUP_NAME} caracteres e ao menos uma letra ou um número. Um grupo que já existe (o mesmo nome, sem diferença de maiúsculas ou acentos) não é criado de novo.`,
    synonyms: ['grupo', 'nome do grupo', 'nome grupo', 'grupo de clientes', 'nome', 'categoria', 'segmento', 'carteira', 'setor', 'area', 'area de atuacao', 'classificacao', 'group', 'group name', 'name', 'category', 'segment', 'label', 'tag'],
    parse: parseGroupName },
  { key: 'description', label: 'Descrição', required: false, format: 'longtext', example: 'Clientes com ações trabalhistas em andamento',
    description: `O que o grupo reúne, em uma ou duas frases (até ${MAX_GROUP_DESCRIPTION} caracteres).`,
    synonyms: ['descricao', 'descricao do grupo', 'observacao', 'observacoes', 'obs', 'detalhes', 'sobre', 'notas', 'comentario', 'description', 'notes', 'comment'],
    joinWith: '\n', parse: parseGroupDescription },
] as const satisfies readonly FieldDef[];

export type GroupFieldKey = (typeof GROUP_FIELDS)[number]['key'];

/** A group as read from one spreadsheet row, normalized: every field as text, '' when empty. */
export type GroupDraft = Record<GroupFieldKey, string>;

export const GROUP_ENTITY: EntityDef<GroupFieldKey> = {
  name: 'groups',
  label: 'Grupos',
  fields: GROUP_FIELDS,
  requiredGroups: {},
};
