/** Every problem the reader reports: stable code, level, and a Portuguese sentence saying what to do. */
import type { Problem, ProblemLevel } from '../../domain/problems';
import { columnLetter } from '../../domain/text';
import { formatBytes, formatCount, type ReadLimits } from './limits';

function problem(code: string, level: ProblemLevel, value: string, message: string): Problem {
  return { code, field: '', value, level, message };
}

const SEND_SPREADSHEET = 'Envie uma planilha do Excel (XLSX ou XLS), do LibreOffice (ODS) ou um arquivo CSV.';
const SPLIT_FILE = 'Divida a planilha em arquivos menores e importe um de cada vez.';

export const fileProblems = {
  empty: (file: string) =>
    problem('file.empty', 'error', file, `O arquivo “${file}” está vazio, sem nenhum dado. Escolha a planilha que tem os cadastros.`),

  tooBig: (file: string, bytes: number, limits: ReadLimits) =>
    problem('file.too_big', 'error', file, `O arquivo “${file}” tem ${formatBytes(bytes)} e o limite é ${formatBytes(limits.maxBytes)}. ${SPLIT_FILE}`),

  encrypted: (file: string) =>
    problem(
      'file.encrypted',
      'error',
      file,
      `O arquivo “${file}” está protegido por senha e não pode ser lido. Abra-o no Excel, vá em Arquivo > Informações > ` +
        'Proteger Pasta de Trabalho > Criptografar com Senha, apague a senha, clique em OK, salve e envie o arquivo de novo.',
    ),

  nulsDropped: (file: string, count: number) =>
    problem('file.nul_dropped', 'warning', file, `O arquivo “${file}” tinha ${count === 1 ? '1 caractere nulo (NUL)' : `${formatCount(count)} caracteres nulos (NUL)`}, sobra comum de exportações de sistemas antigos: ${count === 1 ? 'ele foi removido' : 'eles foram removidos'} e o resto do arquivo foi lido normalmente.`),

  notSpreadsheet: (file: string, looksLike: string, advice: string = SEND_SPREADSHEET) =>
    problem('file.not_spreadsheet', 'error', file, `O arquivo “${file}” não é uma planilha: parece ser ${looksLike}. ${advice}`),

  lockFile: (file: string, original: string) =>
    problem(
      'file.lock_file',
      'error',
      file,
      `O arquivo “${file}” não é a planilha: é o arquivo temporário de bloqueio que o Excel (ou o LibreOffice) cria ao lado de ` +
        `“${original}” enquanto ela está aberta, e ele não tem nenhum dado. Envie o arquivo “${original}” (se ele estiver aberto, salve e feche antes).`,
    ),

  corrupt: (file: string) =>
    problem(
      'file.corrupt',
      'error',
      file,
      `O arquivo “${file}” está danificado ou incompleto (às vezes o download ou a cópia não terminou). ` +
        'Baixe-o de novo ou abra-o no Excel e salve uma nova cópia, depois envie essa cópia.',
    ),

  unreadable: (file: string) =>
    problem(
      'file.unreadable',
      'error',
      file,
      `Não foi possível ler o arquivo “${file}”: ele pode estar danificado ou ser grande demais para a memória do navegador. ` +
        `Feche outras abas e tente de novo; se não der certo, abra-o no Excel, salve uma nova cópia ou divida a planilha em arquivos menores.`,
    ),

  zipBomb: (file: string, limits: ReadLimits) =>
    problem(
      'file.zip_bomb',
      'error',
      file,
      `O arquivo “${file}” ficaria grande demais ao ser aberto: ele se expande para mais de ${formatBytes(limits.maxUncompressedBytes)} ` +
        `(o limite) ou foi compactado de um jeito suspeito, e por segurança não foi lido. ${SPLIT_FILE}`,
    ),

  repeatedCells: (file: string, cells: number, limits: ReadLimits) =>
    problem(
      'file.zip_bomb',
      'error',
      file,
      `O arquivo “${file}” criaria ${formatCount(cells)} células repetidas ao ser aberto, acima do limite de ` +
        `${formatCount(limits.maxRepeatedCells)}, e por segurança não foi lido. Abra-o no LibreOffice, apague as linhas e colunas vazias no fim da planilha e salve de novo.`,
    ),
};

/** How a message names the table: a workbook's sheet, or a CSV file (which has no sheets). */
export interface Place {
  /** Sheet name or file name, stored as the problem's value. */
  name: string;
  /** Start of a sentence: `A aba “Clientes”` or `O arquivo “clientes.csv”`. */
  subject: string;
}

export function sheetPlace(name: string): Place {
  return { name, subject: `A aba “${name}”` };
}

export function filePlace(name: string): Place {
  return { name, subject: `O arquivo “${name}”` };
}

export const sheetProblems = {
  notFound: (index: number) =>
    problem('sheet.not_found', 'error', String(index), 'A aba escolhida não existe neste arquivo. Escolha uma das abas da lista.'),

  empty: (place: Place) => problem('sheet.empty', 'error', place.name, `${place.subject} está vazia. Escolha a aba que tem os cadastros.`),

  noData: (place: Place) =>
    problem(
      'sheet.no_data',
      'warning',
      place.name,
      `${place.subject} só tem o cabeçalho, sem linhas de dados abaixo dele. Confira se o arquivo e a aba são os certos e se a linha do cabeçalho escolhida está certa.`,
    ),

  tooManyRows: (place: Place, limits: ReadLimits) =>
    problem(
      'sheet.too_many_rows',
      'error',
      place.name,
      `${place.subject} tem mais de ${formatCount(limits.maxRows)} linhas de dados, que é o limite. ${SPLIT_FILE}`,
    ),

  tooManyColumns: (place: Place, columns: number, limits: ReadLimits) =>
    problem(
      'sheet.too_many_columns',
      'error',
      place.name,
      `${place.subject} tem dados até a coluna ${columnLetter(columns - 1)} (${formatCount(columns)} colunas) e o limite é ` +
        `${formatCount(limits.maxColumns)} colunas. Apague as colunas que não fazem parte do cadastro (confira também se há algo ` +
        'digitado bem à direita da tabela) e salve de novo.',
    ),

  formulas: (place: Place, cells: number) =>
    problem(
      'sheet.formulas',
      'warning',
      place.name,
      `${place.subject} tem ${formatCount(cells)} ${cells === 1 ? 'célula com fórmula' : 'células com fórmulas'}: foram usados os ` +
        'últimos valores calculados e salvos na planilha. Se os dados mudaram desde então, abra-a no Excel, salve de novo e envie outra vez.',
    ),

  mergedHeader: (place: Place) =>
    problem(
      'sheet.merged_cells',
      'warning',
      place.name,
      `${place.subject} tem células mescladas: o valor de cada uma foi copiado para as células que ela cobre. ` +
        'Confira os nomes das colunas e os dados no próximo passo.',
    ),

  unclosedQuote: (place: Place, row: number) =>
    problem(
      'csv.unclosed_quote',
      'warning',
      place.name,
      `Na linha ${formatCount(row)} do arquivo há aspas (") que abrem e nunca fecham, então o resto do arquivo ficou em uma única célula. ` +
        'Abra o arquivo em um editor de texto, corrija as aspas dessa linha e envie de novo.',
    ),
};
