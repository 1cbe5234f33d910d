import * as XLSX from '@e965/xlsx';
/**
 * A legacy ERP's client export (the kind issue 8 describes): 46 columns, most of them the ERP's own
 * codes; most rows without e-mail, phones typed without DDD, the GRUPO column empty, two thirds of the
 * rows without CPF/CNPJ. Half the clients live in Joinville/SC (the city tells the DDD: 47), half in a
 * town the DDD table does not know (the user types the DDD once).
 */
import { buildWorkbook } from './build';
import type { BookType } from '@e965/xlsx';
import { formatCpf, makeCpf } from '../brazil';

/** The columns a client field comes from, by header, with the field each must map to. */
export const ERP_NAMED_COLUMNS = {
  NOME: 'name', FANTASIA: 'tradeName', TIPO: 'kind', CPF_CNPJ: 'document', RG_IE: 'rgIe', FONE: 'phone', CELULAR: 'mobile', EMAIL: 'email',
  GRUPO: 'group', DT_NASC: 'birthDate', CEP: 'cep', ENDERECO: 'street', NUMERO: 'number', COMPLEMENTO: 'complement', BAIRRO: 'district',
  CIDADE: 'city', UF: 'uf', OBS: 'notes',
} as const;

/** The ERP's own columns, which no client field takes. */
const ERP_CODES = [
  'CODIGO', 'COD_VENDEDOR', 'LIMITE_CREDITO', 'SITUACAO', 'COD_REGIAO', 'PRAZO_PAGTO', 'COD_BANCO', 'AGENCIA_BANCO', 'CONTA_BANCO', 'COD_TABELA',
  'DESC_MAXIMO', 'COD_TRANSP', 'VLR_ULT_COMPRA', 'QTD_COMPRAS', 'COD_CONDICAO', 'BLOQUEADO', 'COD_ATIVIDADE', 'COD_ROTA', 'SEQ_ROTA', 'PERC_COMISSAO',
  'COD_PORTADOR', 'COD_COBRANCA', 'COD_FILIAL', 'USUARIO_INC', 'HORA_INC', 'VLR_CREDITO', 'COD_MOEDA', 'FLAG_EXPORTA',
] as const;

export const ERP_HEADER: readonly string[] = [ERP_CODES[0], ...Object.keys(ERP_NAMED_COLUMNS), ...ERP_CODES.slice(1)];

export interface ErpRowFacts {
  /** Rows (spreadsheet data rows) with a CPF: one in three. */
  withDocument: (i: number) => boolean;
  withEmail: (i: number) => boolean;
  inJoinville: (i: number) => boolean;
  name: (i: number) => string;
  cpf: (i: number) => string;
}

export const ERP_FACTS: ErpRowFacts = {
  withDocument: (i) => i % 3 === 0,
  withEmail: (i) => i % 10 === 0,
  inJoinville: (i) => i % 2 === 0,
  name: (i) => `CLIENTE ${String(i).padStart(5, '0')} DA SILVA`,
  cpf: (i) => makeCpf(50_000 + i),
};

function erpCell(header: string, i: number): string {
  const joinville = ERP_FACTS.inJoinville(i);
  const digits = String(i).padStart(7, '0');
  switch (header) {
    case 'CODIGO': return String(100_000 + i);
    case 'NOME': return ERP_FACTS.name(i);
    case 'FANTASIA': return '';
    case 'TIPO': return 'F';
    case 'CPF_CNPJ': return ERP_FACTS.withDocument(i) ? formatCpf(ERP_FACTS.cpf(i)) : '';
    case 'RG_IE': return i % 4 === 0 ? `${1_000_000 + i}` : '';
    // A landline and a mobile, both typed without DDD, as an old ERP kept them.
    case 'FONE': return `3${digits.slice(0, 3)}-${digits.slice(3)}`;
    case 'CELULAR': return i % 5 === 0 ? '' : `9${digits.slice(0, 4)}-${digits.slice(4)}0`;
    case 'EMAIL': return ERP_FACTS.withEmail(i) ? `cliente${i}@exemplo.com.br` : '';
    case 'GRUPO': return '';
    case 'DT_NASC': return i % 7 === 0 ? '15/03/1970' : '';
    case 'CEP': return joinville ? '89201-000' : '';
    case 'ENDERECO': return `RUA ${i % 50} DE MAIO`;
    case 'NUMERO': return String(i % 900);
    case 'COMPLEMENTO': return i % 6 === 0 ? 'FUNDOS' : '';
    case 'BAIRRO': return 'CENTRO';
    case 'CIDADE': return joinville ? 'JOINVILLE' : 'VILA SEM NOME';
    case 'UF': return joinville ? 'SC' : 'SP';
    case 'OBS': return i % 9 === 0 ? 'CLIENTE ANTIGO' : '';
    case 'LIMITE_CREDITO': case 'VLR_ULT_COMPRA': case 'VLR_CREDITO': return `${(i % 40) * 125},00`;
    case 'SITUACAO': case 'BLOQUEADO': case 'FLAG_EXPORTA': return i % 11 === 0 ? 'N' : 'S';
    case 'HORA_INC': return '08:30';
    case 'USUARIO_INC': return 'ADMIN';
    default: return String((i * header.length) % 97);
  }
}

/** The export: header row, then `rows` clients numbered 1..rows. `bookType` 'biff5' is an old Excel 5/95 file (SheetJS writes it in a CFB container), 'xls' is BIFF8. */
export function buildLegacyErpExport(rows: number, bookType: BookType = 'xls'): Uint8Array {
  const data = Array.from({ length: rows }, (_, n) => ERP_HEADER.map((h) => erpCell(h, n + 1)));
  return buildWorkbook([{ name: 'CLIENTES', rows: [ERP_HEADER, ...data] }], { bookType });
}

/** The same export as the bare BIFF5 stream old ERPs write as ".xls" (no OLE container around it). */
export function buildBareBiffErpExport(rows: number): Uint8Array {
  const container = XLSX.CFB.read(buildLegacyErpExport(rows, 'biff5'), { type: 'array' });
  const stream = XLSX.CFB.find(container, 'Book');
  if (!stream?.content) throw new Error('no workbook stream');
  return Uint8Array.from(stream.content);
}
