import { describe, expect, it } from 'vitest';
import { detectFieldFromValues } from '../../src/domain/mapping/content';
import { CLIENT_FIELDS } from '../../src/domain/entities/client';
import type { FieldDef } from '../../src/domain/entities/field';

const ALL: readonly FieldDef[] = CLIENT_FIELDS;

function without(...keys: string[]): FieldDef[] {
  return ALL.filter((field) => !keys.includes(field.key));
}

describe('detectFieldFromValues', () => {
  it.each([
    ['CPFs', ['529.982.247-25', '111.444.777-35', '123.456.789-09', ''], 'document'],
    ['CPFs and CNPJs', ['52998224725', '11.222.333/0001-81', '12.ABC.345/01DE-35'], 'document'],
    ['CPFs with lost zeros', ['1234567890', '52998224725', '11144477735'], 'document'],
    ['e-mails', ['maria@exemplo.com', 'JOAO@EMPRESA.COM.BR', 'ana@gmail.com'], 'email'],
    ['e-mails, two in a cell', ['a@x.com; b@y.com', 'c@z.com', 'd@w.com.br'], 'email'],
    ['mobiles', ['(11) 98765-4321', '21 99876-5432', '+55 31 91234-5678'], 'mobile'],
    ['landlines', ['(11) 3456-7890', '(21) 2345-6789', '(31) 3333-4444'], 'phone'],
    ['mostly mobiles', ['(11) 98765-4321', '(21) 99876-5432', '(31) 3333-4444'], 'mobile'],
    ['CEPs with hyphen', ['01310-100', '20040-020', '90010-150'], 'cep'],
    ['CEPs with dot and hyphen', ['01.310-100', '20.040-020', '90.010-150'], 'cep'],
    ['CEPs Excel turned into numbers', ['1310100', '20040020', '4538133'], 'cep'],
    ['CEPs written both ways', ['01310-100', '20040020', '90010150', '30130-010'], 'cep'],
    ['UF codes', ['SP', 'rj', 'MG', 'SP'], 'uf'],
    ['state names', ['São Paulo', 'Rio Grande do Sul', 'minas gerais', 'Bahia'], 'uf'],
    ['Brazilian dates', ['25/12/1980', '05/03/2024', '1/1/2000'], 'birthDate'],
    ['ISO dates', ['1980-12-25', '2024-03-05', '2000-01-01'], 'birthDate'],
    ['Excel serial dates', ['29281', '45356', '36526'], 'birthDate'],
    ['kinds', ['PF', 'PJ', 'Pessoa Física', 'pj'], 'kind'],
    ['kinds as F/J', ['F', 'J', 'F', 'J'], 'kind'],
    ['just two CPFs (unmistakable)', ['529.982.247-25', '111.444.777-35'], 'document'],
    ['just one e-mail, among blank cells', ['', 'ana@exemplo.com.br', '  '], 'email'],
    ['just two mobiles with DDD', ['65999887722', '(62) 99955-1155'], 'mobile'],
    ['names of people and companies', ['Maria da Silva', 'João Souza', 'PADARIA ESTRELA LTDA', "Ana D'Ávila"], 'name'],
  ])('recognises a column of %s', (_what, values, key) => {
    expect(detectFieldFromValues(values, ALL)).toBe(key);
  });

  it.each([
    ['too few values of a kind that could be a coincidence', ['SP', 'RJ']],
    ['too few values, not all of them fitting', ['529.982.247-25', '111.444.777-36']],
    ['streets (not names)', ['Rua das Flores', 'Avenida Brasil', 'Travessa do Ouvidor']],
    ['repeated districts (not names)', ['Bela Vista', 'Bela Vista', 'Centro Histórico', 'Bela Vista']],
    ['one-word values (a group, a city)', ['Varejo', 'Atacado', 'Varejo', 'Serviços']],
    ['mixed data', ['529.982.247-25', 'maria@exemplo.com', '(11) 98765-4321', 'SP']],
    ['mostly invalid documents', ['529.982.247-24', '111.444.777-35', '123.456.789-00']],
    ['phones without DDD (could be anything)', ['98765-4321', '3456-7890', '91234-5678']],
    ['8-digit numbers that may be phones', ['34567890', '23456789', '45678901']],
    ['8-digit numbers, some not CEPs', ['01310100', '23456789', '4567890123']],
    ['house numbers (not Excel dates)', ['100', '1500', '250', '3000']],
    ['only "F" (more likely sex than kind)', ['F', 'F', 'F']],
    ['a city column of São Paulo', ['São Paulo', 'São Paulo', 'sao paulo']],
    ['empty', []],
  ])('returns null for %s', (_what, values) => {
    expect(detectFieldFromValues(values, ALL)).toBeNull();
  });

  it('only chooses among the fields offered', () => {
    const cpfs = ['529.982.247-25', '111.444.777-35', '123.456.789-09'];
    expect(detectFieldFromValues(cpfs, without('document'))).toBeNull();
    expect(detectFieldFromValues(cpfs, [])).toBeNull();
  });

  it('offers e-mails to the principal first, then to the secundário', () => {
    const emails = ['maria@exemplo.com', 'joao@empresa.com.br', 'ana@gmail.com'];
    expect(detectFieldFromValues(emails, ALL)).toBe('email');
    expect(detectFieldFromValues(emails, without('email'))).toBe('secondaryEmail');
  });

  it('puts mobiles in Telefone when Celular is taken, but never landlines in Celular', () => {
    const mobiles = ['(11) 98765-4321', '21 99876-5432', '+55 31 91234-5678'];
    const landlines = ['(11) 3456-7890', '(21) 2345-6789', '(31) 3333-4444'];
    expect(detectFieldFromValues(mobiles, without('mobile'))).toBe('phone');
    expect(detectFieldFromValues(landlines, without('phone'))).toBeNull();
  });

  it('tolerates up to 20% of bad values', () => {
    const values = ['529.982.247-25', '111.444.777-35', '123.456.789-09', '52998224725', 'não informado'];
    expect(detectFieldFromValues(values, ALL)).toBe('document');
  });
});
