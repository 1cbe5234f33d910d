// Seeded spreadsheets of realistic Brazilian clients for the benchmark: 16 columns, people and
// companies, scattered documents, about 2% of the rows invalid (as a real office list has).
import * as XLSX from '@e965/xlsx';

export const HEADER = ['Nome/Razão Social', 'Nome fantasia', 'CPF/CNPJ', 'Tipo de pessoa', 'Celular', 'Telefone', 'E-mail principal', 'E-mail secundário', 'Grupo', 'Data de nascimento/fundação', 'CEP', 'Logradouro', 'Número', 'Bairro', 'Cidade', 'UF'];

const FIRST = ['Maria', 'José', 'Ana', 'João', 'Antônio', 'Francisca', 'Carlos', 'Paulo', 'Adriana', 'Lucas', 'Juliana', 'Márcia', 'Luís', 'Gabriel', 'Fernanda', 'Patrícia', 'Rafael', 'Aline', 'Sebastião', 'Conceição', 'Érica', 'Thiago', 'Beatriz', 'Raimundo', 'Letícia'];
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Ribeiro', 'Carvalho', 'Araújo', 'Melo', 'Barbosa', 'Conceição', 'Assunção', 'Nascimento', 'Gonçalves', 'Simões'];
const TRADE = ['Comércio', 'Serviços', 'Distribuidora', 'Consultoria', 'Indústria', 'Transportes', 'Construtora', 'Padaria'];
const PLACES = [['São Paulo', 'SP', '11'], ['Rio de Janeiro', 'RJ', '21'], ['Belo Horizonte', 'MG', '31'], ['Curitiba', 'PR', '41'], ['Porto Alegre', 'RS', '51'], ['Brasília', 'DF', '61'], ['Salvador', 'BA', '71'], ['Recife', 'PE', '81'], ['Fortaleza', 'CE', '85'], ['Goiânia', 'GO', '62'], ['Florianópolis', 'SC', '48'], ['Vitória', 'ES', '27'], ['Campinas', 'SP', '19'], ['Belém', 'PA', '91']];
const STREETS = ['Rua das Flores', 'Avenida Brasil', 'Rua XV de Novembro', 'Avenida Paulista', 'Rua São João', 'Travessa da Paz', 'Rua Sete de Setembro'];
const DISTRICTS = ['Centro', 'Jardim América', 'Vila Nova', 'Boa Vista', 'Santa Cecília', 'Bela Vista'];
const PROVIDERS = ['gmail.com', 'hotmail.com', 'yahoo.com.br', 'uol.com.br', 'outlook.com', 'terra.com.br'];
export const GROUP_COUNT = 30;

/** mulberry32: the same seed gives the same file on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkDigit(body, weights) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(i) - 48) * weights[i];
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}
function cpf(i) {
  // Scattered like real documents (a sorted file is the best case for the index); unique per row.
  const body = String(100_000_000 + ((i * 2_654_435_761) % 899_999_999)).slice(0, 9);
  const d1 = checkDigit(body, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${body}${d1}${checkDigit(body + d1, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2])}`;
}
function cnpj(i) {
  const base = `${String(10_000_000 + ((i * 40_503) % 89_999_999))}0001`;
  const d1 = checkDigit(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base}${d1}${checkDigit(base + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])}`;
}
const pick = (next, list) => list[Math.floor(next() * list.length)];
const pad = (n, width) => String(n).padStart(width, '0');
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Row i (1-based) of the seeded list; every 50th row is broken in one of three ways. */
function client(i, next) {
  const company = next() < 0.15;
  const [city, uf, ddd] = pick(next, PLACES);
  const first = pick(next, FIRST);
  const last = `${pick(next, LAST)} ${pick(next, LAST)}`;
  let name = company ? `${last.split(' ')[0]} & ${pick(next, LAST)} ${pick(next, TRADE)} Ltda` : `${first} ${last}`;
  let doc = company ? cnpj(i) : cpf(i);
  const typed = company ? doc.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5') : doc.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  let email = `${fold(first)}.${fold(last.split(' ')[0])}${i}@${pick(next, PROVIDERS)}`;
  if (i % 50 === 0) {
    const broken = (i / 50) % 3;
    if (broken === 0) doc = doc.slice(0, -1) + String((Number(doc.at(-1)) + 1) % 10);
    else if (broken === 1) email = email.replace('@', ' arroba ');
    else name = '';
  }
  const mobile = `(${ddd}) 9${pad(Math.floor(next() * 1e4), 4)}-${pad(Math.floor(next() * 1e4), 4)}`;
  const phone = next() < 0.3 ? `(${ddd}) ${2 + Math.floor(next() * 4)}${pad(Math.floor(next() * 1e3), 3)}-${pad(Math.floor(next() * 1e4), 4)}` : '';
  const born = `${pad(1 + Math.floor(next() * 28), 2)}/${pad(1 + Math.floor(next() * 12), 2)}/${1940 + Math.floor(next() * 65)}`;
  return [
    name,
    company ? `${pick(next, TRADE)} ${last.split(' ')[1]}` : '',
    i % 50 === 0 && (i / 50) % 3 === 0 ? doc : typed,
    company ? 'PJ' : 'PF',
    mobile,
    phone,
    email,
    next() < 0.1 ? `financeiro${i}@${pick(next, PROVIDERS)}` : '',
    `Grupo ${pad(1 + Math.floor(next() * GROUP_COUNT), 2)}`,
    born,
    `${pad(Math.floor(next() * 99_999), 5)}-${pad(Math.floor(next() * 999), 3)}`,
    pick(next, STREETS),
    String(1 + Math.floor(next() * 3000)),
    pick(next, DISTRICTS),
    city,
    uf,
  ];
}

export function buildRows(count, seed = 2026) {
  const next = random(seed);
  const rows = [HEADER];
  for (let i = 1; i <= count; i++) rows.push(client(i, next));
  return rows;
}

export function toXlsx(rows) {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Clientes');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true });
}

/** CSV as Brazilian Excel saves it: UTF-8 with BOM, ';', CRLF (no cell here needs quoting). */
export function toCsv(rows) {
  return Buffer.from('\ufeff' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');
}
