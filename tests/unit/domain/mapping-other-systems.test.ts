import { describe, expect, it } from 'vitest';
import { suggestMapping, type ColumnSample } from '../../../src/domain/mapping';
import { CLIENT_FIELDS } from '../../../src/domain/entities/client';
import { makeCnpj, makeCpf, formatCpf } from '../../support/brazil';

const suggest = (columns: readonly ColumnSample[]) => suggestMapping(columns, CLIENT_FIELDS);
const headersOnly = (...headers: string[]) => suggest(headers.map((header) => ({ header, values: [] })));

describe('headers as other systems write them', () => {
  it.each<[string, string]>([
    // Brazilian ERPs: prefixes and abbreviations.
    ['Nm_Bairro', 'district'],
    ['Nr_Endereco', 'number'],
    ['Nm_Endereco', 'street'],
    ['Compl_Endereco', 'complement'],
    ['COMPLEM', 'complement'],
    ['IE_RG', 'rgIe'],
    ['I.E / RG', 'rgIe'],
    ['grupo_cliente', 'group'],
    ['data_nasc_fundacao', 'birthDate'],
    ['Nome da Empresa', 'name'],
    ['Nm_Cidade', 'city'],
    ['Ds_Email', 'email'],
    ['Nr_Celular', 'mobile'],
    ['Nr_Telefone', 'phone'],
    ['Nr_Cep', 'cep'],
    ['Sg_UF', 'uf'],
    // HubSpot.
    ['Phone Number', 'phone'],
    ['Mobile Phone Number', 'mobile'],
    ['Street Address', 'street'],
    ['State/Region', 'uf'],
    ['Company Name', 'name'],
    ['Postal Code', 'cep'],
    ['Date of birth', 'birthDate'],
    // Salesforce (report labels and API names).
    ['Mailing Street', 'street'],
    ['Mailing City', 'city'],
    ['Mailing State/Province', 'uf'],
    ['Mailing Zip/Postal Code', 'cep'],
    ['MailingPostalCode', 'cep'],
    ['MobilePhone', 'mobile'],
    ['Birthdate', 'birthDate'],
    ['Account Name', 'name'],
    ['Billing City', 'city'],
    ['Description', 'notes'],
    // Pipedrive.
    ['Person - Name', 'name'],
    ['Person - Phone - Mobile', 'mobile'],
    ['Person - Phone - Work', 'phone'],
    ['Person - Email - Work', 'email'],
    ['Organization - Name', 'name'],
    ['Person - Labels', 'group'],
    // Odoo res.partner (import-compatible export) and its Brazilian localization.
    ['vat', 'document'],
    ['street2', 'complement'],
    ['zip', 'cep'],
    ['state_id', 'uf'],
    ['category_id', 'group'],
    ['comment', 'notes'],
    ['cnpj_cpf', 'document'],
    ['inscr_est', 'rgIe'],
    ['district', 'district'],
    ['street_number', 'number'],
  ])('"%s" → %s', (header, key) => {
    expect(headersOnly(header)).toEqual([key]);
  });

  it('a typo never turns a header into a field of another meaning', () => {
    // "Nm" (nome) is no "N" (número): the street, not the number.
    expect(headersOnly('Nm_Endereco', 'Nr_Endereco')).toEqual(['street', 'number']);
    expect(headersOnly('Telefoen', 'Enderco')).toEqual(['phone', 'street']);
  });

  it('Salesforce API names in pieces join into the name', () => {
    expect(headersOnly('FirstName', 'LastName', 'Email')).toEqual(['name', 'name', 'email']);
    expect(headersOnly('Person - First name', 'Person - Last name')).toEqual(['name', 'name']);
  });

  it("a person's name wins over the company's, whatever the order", () => {
    expect(headersOnly('Company Name', 'First Name', 'Last Name')).toEqual([null, 'name', 'name']);
  });
});

describe('documents told apart by their content and their neighbours', () => {
  const cnpjs = [makeCnpj('112223330001'), makeCnpj('445556660001'), makeCnpj('778889990001')];

  it('a column of plain CNPJs under an English header ("register_number") is the CPF/CNPJ', () => {
    expect(suggest([{ header: 'company_name', values: ['Padaria Estrela Ltda', 'Oficina Central ME', 'Mercado Sol'] }, { header: 'register_number', values: cnpjs }]))
      .toEqual(['name', 'document']);
  });

  it('valid CPFs of someone else ("CPF do responsável") are still not the client\'s', () => {
    expect(suggest([{ header: 'CPF do responsável', values: [1, 2, 3].map((n) => formatCpf(makeCpf(n))) }])).toEqual([null]);
  });

  it.each<[string, string[], (string | null)[]]>([
    ['RG', ['RG', 'RG', 'RG'], [null, 'rgIe']],
    ['CNH', ['CNH', 'CNH', 'RG'], [null, null]],
    // "CPF" as a kind is "pessoa física": the label column agrees with the document.
    ['CPF', ['CPF', 'CPF', 'CPF'], ['kind', 'document']],
  ])('"Documento" beside a label column saying %s', (_, labels, expected) => {
    const columns = [
      { header: 'Tipo Documento', values: labels },
      { header: 'Documento', values: ['12.345.678-9', '23.456.789-0', '34.567.890-1'] },
    ];
    expect(suggest(columns)).toEqual(expected);
  });
});
