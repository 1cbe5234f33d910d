import { describe, expect, it } from 'vitest';
import { checkMapping, headerSignature, suggestMapping, type Mapping } from '../../../src/domain/mapping';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import { requiredLabel } from '../../../src/domain/entities/field';

/** Columns with headers only (no sample values), so only the header text decides. */
function headersOnly(headers: readonly string[]): { header: string; values: string[] }[] {
  return headers.map((header) => ({ header, values: [] }));
}

function suggest(headers: readonly string[]): Mapping {
  return suggestMapping(headersOnly(headers), CLIENT_FIELDS);
}

function labels(keys: readonly string[]): string[] {
  return keys.map((key) => CLIENT_FIELDS.find((f) => f.key === key)?.label ?? `?${key}`);
}

/** Header → the field it must map to. */
const HEADER_CASES: (readonly [string, string])[] = [
  // The template's own headers (required ones marked *).
  ...CLIENT_FIELDS.map((field) => [requiredLabel(field), field.key] as const),
  // Other systems' exports and hand-made sheets.
  ['CNPJ / CPF', 'document'],
  ['cpf/cnpj', 'document'],
  ['CPF', 'document'],
  ['C.N.P.J.', 'document'],
  ['Fone', 'phone'],
  ['Telefone fixo', 'phone'],
  ['Tel. Comercial', 'phone'],
  ['Telefone residencial', 'phone'],
  ['Telefoen', 'phone'],
  ['Fantasia', 'tradeName'],
  ['Nome Fantasia', 'tradeName'],
  ['Estado', 'uf'],
  ['Razão social', 'name'],
  ['RAZAO SOCIAL', 'name'],
  ['Nome completo', 'name'],
  ['Nome do cliente', 'name'],
  ['Nome/Razão Social', 'name'],
  ['E-mail 1 - Value', 'email'],
  ['E-mail', 'email'],
  ['EMAIL', 'email'],
  ['E-mail 2 - Value', 'secondaryEmail'],
  ['WhatsApp', 'mobile'],
  ['Celular*', 'mobile'],
  ['Celular / WhatsApp', 'mobile'],
  ['Phone 1 - Value', 'mobile'],
  ['Tel. Celular', 'mobile'],
  ['Bairro', 'district'],
  ['Município', 'city'],
  ['Cidade/UF', 'city'],
  ['CEP', 'cep'],
  ['C.E.P.', 'cep'],
  ['Data de nascimento', 'birthDate'],
  ['Dt. Nasc.', 'birthDate'],
  ['Aniversário', 'birthDate'],
  ['Observações', 'notes'],
  ['OBS', 'notes'],
  ['Logradouro', 'street'],
  ['Endereço', 'street'],
  ['Nº', 'number'],
  ['Compl.', 'complement'],
  ['Inscrição Estadual', 'rgIe'],
  ['RG/IE', 'rgIe'],
  ['Tipo de Pessoa', 'kind'],
  ['Grupo', 'group'],
  ['Categoria', 'group'],
  ['  grupo  *', 'group'],
  // Google Contacts.
  ['Address 1 - Street', 'street'],
  ['Address 1 - City', 'city'],
  ['Address 1 - Region', 'uf'],
  ['Address 1 - Postal Code', 'cep'],
  ['Group Membership', 'group'],
];

describe('suggestMapping by header text', () => {
  it.each(HEADER_CASES)('"%s" → %s', (header, key) => {
    expect(suggest([header])).toEqual([key]);
  });

  it.each([
    'Código', 'ID', 'Sexo', 'Estado civil', 'Profissão', 'Data de cadastro', 'Situação', 'Status', 'Limite de crédito',
    'Nome da mãe', 'E-mail 1 - Type', 'Phone 1 - Type', 'Coluna1', '', '   ', '***',
  ])('"%s" is left as Ignorar coluna (null)', (header) => {
    expect(suggest([header])).toEqual([null]);
  });

  it('is insensitive to accents, case, punctuation and a trailing *', () => {
    const variants = ['Razão Social', 'RAZÃO SOCIAL', 'razao social', 'Razao_Social', 'Razão-Social*', ' razão   social '];
    for (const header of variants) expect(suggest([header]), header).toEqual(['name']);
  });

  it('maps a typical ERP export column by column', () => {
    const headers = ['Código', 'Razão Social', 'Fantasia', 'CNPJ / CPF', 'Insc. Estadual', 'Endereço', 'Número', 'Complemento', 'Bairro', 'Município', 'Estado', 'CEP', 'Fone', 'Celular', 'E-mail', 'Data de cadastro', 'Observações'];
    expect(suggest(headers)).toEqual([null, 'name', 'tradeName', 'document', 'rgIe', 'street', 'number', 'complement', 'district', 'city', 'uf', 'cep', 'phone', 'mobile', 'email', null, 'notes']);
  });

  it('maps a Google Contacts export', () => {
    const headers = ['Name', 'Given Name', 'Family Name', 'Birthday', 'Notes', 'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value', 'E-mail 2 - Type', 'E-mail 2 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Phone 2 - Type', 'Phone 2 - Value', 'Address 1 - Street', 'Address 1 - City', 'Address 1 - Region', 'Address 1 - Postal Code'];
    expect(suggest(headers)).toEqual(['name', null, null, 'birthDate', 'notes', 'group', null, 'email', null, 'secondaryEmail', null, 'mobile', null, 'phone', 'street', 'city', 'uf', 'cep']);
  });

  it('never reads a contact export\'s "- Type" label column as data, even when its values look like some', () => {
    const columns = [
      { header: 'Name', values: ['Ana', 'Bia', 'Caio'] },
      { header: 'Custom Field 1 - Type', values: ['CPF', 'CPF', 'CNPJ'] },
      { header: 'Custom Field 1 - Value', values: ['529.982.247-25', '111.444.777-35', '11.222.333/0001-81'] },
    ];
    expect(suggestMapping(columns, CLIENT_FIELDS)).toEqual(['name', null, 'document']);
  });

  it.each<[string, string[], (string | null)[]]>([
    ['Portuguese first and last name', ['Nome', 'Sobrenome', 'CPF'], ['name', 'name', 'document']],
    ['Google Contacts (new)', ['First Name', 'Middle Name', 'Last Name', 'E-mail 1 - Value'], ['name', 'name', 'name', 'email']],
    ['Outlook, the pieces apart', ['First Name', 'E-mail Address', 'Last Name'], ['name', 'email', 'name']],
    ['Google Contacts (old): the whole name wins, the pieces are not needed', ['Name', 'Given Name', 'Family Name'], ['name', null, null]],
    ['a full-name column is never joined with a surname', ['Nome completo', 'Sobrenome'], ['name', null]],
    ['a company name is never joined with a surname', ['Razão Social', 'Sobrenome'], ['name', null]],
    ['"Nome" alone is the whole name', ['Nome', 'CPF'], ['name', 'document']],
  ])('joins a name given in pieces: %s', (_, headers, expected) => {
    expect(suggest(headers)).toEqual(expected);
  });

  it.each<[string, string[], (string | null)[]]>([
    ['a CPF column and a CNPJ column', ['Razão Social', 'CPF', 'CNPJ'], ['name', 'document', 'document']],
    ['"DDD" before each phone', ['Nome', 'DDD', 'Telefone', 'DDD', 'Celular'], ['name', 'phone.ddd', 'phone', 'mobile.ddd', 'mobile']],
    ['"DDD Celular" anywhere', ['DDD Celular', 'Nome', 'Celular'], ['mobile.ddd', 'name', 'mobile']],
    ['a bare "DDD" not before a phone is left alone', ['DDD', 'Nome'], [null, 'name']],
    ['clinic headers', ['Paciente', 'Tel. Cel.', 'Área'], ['name', 'mobile', 'group']],
  ])('maps ERP and clinic layouts: %s', (_, headers, expected) => {
    expect(suggest(headers)).toEqual(expected);
  });

  it('a "Telefone" column of nearly only mobiles, with no Celular column, goes to Celular (with its DDD); a mixed one stays', () => {
    const columns = [
      { header: 'Nome', values: ['Ana', 'Bia', 'Caio'] },
      { header: 'DDD', values: ['11', '21', '31'] },
      { header: 'Telefone', values: ['98765-4321', '99876-5432', '91234-5678'] },
    ];
    expect(suggestMapping(columns, CLIENT_FIELDS)).toEqual(['name', 'mobile.ddd', 'mobile']);
    const mixed = columns.map((c) => (c.header === 'Telefone' ? { ...c, values: ['98765-4321', '99876-5432', '3333-4444'] } : c));
    expect(suggestMapping(mixed, CLIENT_FIELDS)).toEqual(['name', 'phone.ddd', 'phone']);
    const landlines = columns.map((c) => (c.header === 'Telefone' ? { ...c, values: ['(11) 3456-7890', '(21) 2345-6789', '(31) 3333-4444'] } : c));
    expect(suggestMapping(landlines, CLIENT_FIELDS)).toEqual(['name', 'phone.ddd', 'phone']);
  });

  it.each<[string, string[], string | null]>([
    ['an empty header', [''], 'document'],
    ['"Coluna 3"', ['Coluna 3'], 'document'],
    ['"Custom Field 1 - Value"', ['Custom Field 1 - Value'], 'document'],
    ['"CPF do responsável" (someone else\'s CPF)', ['CPF do responsável'], null],
    ['"Situação" (names something else)', ['Situação'], null],
  ])('content decides for a column of CPFs under %s', (_, [header = ''], expected) => {
    const columns = [{ header: 'Nome', values: ['Ana', 'Bia', 'Caio'] }, { header, values: ['529.982.247-25', '111.444.777-35', '123.456.789-09'] }];
    expect(suggestMapping(columns, CLIENT_FIELDS)[1]).toBe(expected);
  });

  it('a date column named for something else is never the birth date', () => {
    const columns = [{ header: 'Data de cadastro', values: ['01/02/2020', '15/03/2021', '30/12/2022'] }, { header: 'Dt. Nasc.', values: ['25/12/1980', '05/03/1975', '01/01/1990'] }];
    expect(suggestMapping(columns, CLIENT_FIELDS)).toEqual([null, 'birthDate']);
  });

  it('a name in pieces is not "chosen in more than one column"; the check says which columns are joined', () => {
    const check = checkMapping(['name', 'document', 'name', 'mobile', 'email', 'group'], CLIENT_FIELDS);
    expect(check.repeated).toEqual([]);
    expect(check.joined.map((j) => [j.field.key, j.columns])).toEqual([['name', [0, 2]]]);
    expect(checkMapping(['email', 'email'], CLIENT_FIELDS).repeated.map((f) => f.key)).toEqual(['email']);
  });

  it('maps an Outlook export (English and Portuguese)', () => {
    const english = ['First Name', 'Last Name', 'E-mail Address', 'E-mail 2 Address', 'Business Phone', 'Mobile Phone', 'Business Street', 'Business City', 'Business State', 'Business Postal Code', 'Birthday', 'Categories', 'Notes'];
    expect(suggest(english)).toEqual(['name', 'name', 'email', 'secondaryEmail', 'phone', 'mobile', 'street', 'city', 'uf', 'cep', 'birthDate', 'group', 'notes']);
    const portuguese = ['Nome', 'Sobrenome', 'Endereço de email', 'Telefone comercial', 'Celular', 'Rua comercial', 'Cidade comercial', 'Estado comercial', 'CEP comercial', 'Aniversário', 'Categorias', 'Anotações'];
    expect(suggest(portuguese)).toEqual(['name', 'name', 'email', 'phone', 'mobile', 'street', 'city', 'uf', 'cep', 'birthDate', 'group', 'notes']);
  });

  it('chooses each field at most once: the exact header beats the typo, then the first column', () => {
    expect(suggest(['Telefoen', 'Telefone'])).toEqual([null, 'phone']);
    expect(suggest(['Celular', 'WhatsApp'])).toEqual(['mobile', null]);
    expect(suggest(['Celular', 'Celular'])).toEqual(['mobile', null]);
  });

  it('a company name column wins the name over a contact person column before it', () => {
    expect(suggest(['Contato', 'Razão Social', 'E-mail'])).toEqual([null, 'name', 'email']);
  });

  it('never gives one field to two columns, whatever the headers (but a document in a CPF and a CNPJ column)', () => {
    const headers = [...CLIENT_FIELDS.map((f) => f.label), ...CLIENT_FIELDS.flatMap((f) => f.synonyms)];
    const mapping = suggest(headers).filter((key) => key !== null && key !== 'document');
    expect(new Set(mapping).size).toBe(mapping.length);
    expect(new Set(mapping)).toEqual(new Set(CLIENT_FIELDS.map((f) => f.key).filter((key) => key !== 'document')));
  });

  it('falls back on the content for a header that says nothing', () => {
    const columns = [
      { header: 'Nome', values: ['Ana', 'Bruno', 'Carla'] },
      { header: 'Coluna 2', values: ['529.982.247-25', '111.444.777-35', '123.456.789-09'] },
    ];
    expect(suggestMapping(columns, CLIENT_FIELDS)).toEqual(['name', 'document']);
  });
});

describe('checkMapping', () => {
  it('a complete mapping has nothing missing nor repeated', () => {
    expect(checkMapping(['name', 'document', 'mobile', 'email', 'group', null], CLIENT_FIELDS)).toEqual({ missing: [], repeated: [], joined: [] });
  });

  it.each([
    [[], ['name', 'document', 'mobile', 'email', 'group']],
    [['name', 'document', 'email', 'group'], ['mobile']],
    [['name', 'document', 'phone', 'email', 'group'], []],
    [['document', 'mobile', 'phone', null, 'group'], ['name', 'email']],
  ] satisfies [Mapping, string[]][])('%j misses %j (the phone group by Celular)', (mapping, missing) => {
    expect(checkMapping(mapping, CLIENT_FIELDS).missing.map((f) => f.key)).toEqual(missing);
  });

  it('reports each field chosen for more than one column once', () => {
    const mapping: Mapping = ['name', 'document', 'phone', 'phone', 'email', 'group', 'phone', 'email', 'notes', 'notes'];
    const { missing, repeated } = checkMapping(mapping, CLIENT_FIELDS);
    expect(missing).toEqual([]);
    expect(labels(repeated.map((f) => f.key))).toEqual(['Telefone', 'E-mail principal']);
  });
});

describe('headerSignature', () => {
  it('is the same for the same headers written differently', () => {
    expect(headerSignature(['Razão Social', 'CPF/CNPJ', 'E-mail'])).toBe(headerSignature(['RAZAO SOCIAL ', 'cpf / cnpj', 'e-mail']));
  });

  it.each([
    [['Nome', 'CPF'], ['CPF', 'Nome']],
    [['Nome', 'CPF'], ['Nome', 'CPF', 'E-mail']],
    [['Nome', 'CPF'], ['Nome', 'CNPJ']],
    [['Nome', ''], ['Nome']],
  ])('%j and %j are different layouts', (a, b) => {
    expect(headerSignature(a)).not.toBe(headerSignature(b));
  });
});

describe('checkMapping with a value for the whole file', () => {
  it('does not ask for a column of a field given one value for every row', () => {
    const mapping = ['name', 'document', 'mobile', 'email'];
    expect(checkMapping(mapping, CLIENT_FIELDS).missing.map((f) => f.key)).toEqual(['group']);
    expect(checkMapping(mapping, CLIENT_FIELDS, ['group']).missing).toEqual([]);
  });
});
