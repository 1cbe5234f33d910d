/**
 * A short Portuguese name for each kind of problem, for the review summary and its filter ("20 × CPF com
 * dígitos verificadores errados"). The full sentence of each occurrence stays in the problem itself.
 */
const TITLES: Record<string, string> = {
  'document.leading_zero_restored': 'CPF/CNPJ com zeros à esquerda restaurados (o Excel os apagou)',
  'document.scientific_notation': 'CPF/CNPJ em notação científica (dígitos perdidos pelo Excel)',
  'document.digits_lost': 'CPF/CNPJ com dígitos perdidos pelo Excel',
  'document.invalid_chars': 'CPF/CNPJ com caracteres inválidos',
  'document.length': 'CPF/CNPJ com número de dígitos errado',
  'document.duplicate_in_file': 'CPF/CNPJ repetido na planilha',
  'document.already_registered': 'Cliente já cadastrado (mesmo CPF/CNPJ)',
  'contact.duplicate_in_file': 'Cliente sem CPF/CNPJ repetido na planilha (mesmo nome e telefone ou e-mail)',
  'contact.already_registered': 'Cliente sem CPF/CNPJ já cadastrado (mesmo nome e telefone ou e-mail)',
  'cpf.repeated_digits': 'CPF com todos os dígitos iguais',
  'cpf.check_digits': 'CPF com dígitos verificadores errados',
  'cnpj.repeated_digits': 'CNPJ com todos os dígitos iguais',
  'cnpj.check_digits': 'CNPJ com dígitos verificadores errados',
  'email.missing_at': 'E-mail sem "@"',
  'email.multiple_at': 'E-mail com mais de um "@"',
  'email.spaces': 'E-mail com espaços',
  'email.accents': 'E-mail com acentos',
  'email.domain': 'E-mail com domínio inválido',
  'email.syntax': 'E-mail inválido',
  'email.typo': 'E-mail com possível erro de digitação',
  'email.secondary_from_cell': 'Dois e-mails na mesma célula (o segundo virou secundário)',
  'email.secondary_invalid': 'Segundo e-mail da célula inválido',
  'email.extra_ignored': 'E-mails a mais na célula ignorados',
  'phone.extension_ignored': 'Telefone com ramal (ramal ignorado)',
  'phone.extra_ignored': 'Mais de um telefone na célula',
  'phone.kind_mismatch': 'Celular que é fixo (ou o contrário)',
  'phone.foreign': 'Telefone estrangeiro',
  'phone.invalid': 'Telefone inválido',
  'phone.invalid_ddd': 'Telefone com DDD inexistente',
  'phone.invalid_number': 'Telefone com número inválido',
  'phone.missing_ninth_digit': 'Celular sem o nono dígito',
  'phone.missing_ddd': 'Telefone sem DDD',
  'phone.length': 'Telefone com número de dígitos errado',
  'phone.dropped': 'Telefone inválido deixado de fora (ficou o outro telefone)',
  'phone.moved': 'Dois telefones na mesma célula (um foi para o outro campo)',
  'cep.leading_zero_restored': 'CEP com zero à esquerda restaurado',
  'cep.invalid_chars': 'CEP com caracteres inválidos',
  'cep.length': 'CEP com número de dígitos errado',
  'cep.invalid': 'CEP inexistente',
  'uf.name_converted': 'Estado por extenso convertido em sigla',
  'uf.unknown': 'UF desconhecida',
  'date.two_digit_year': 'Data com ano de dois dígitos',
  'date.excel_serial': 'Data em número de série do Excel convertida',
  'date.us_format': 'Data no formato americano (mês/dia)',
  'date.impossible': 'Data impossível',
  'date.year_only': 'Data só com o ano',
  'date.out_of_range': 'Data fora do intervalo aceito',
  'date.format': 'Data em formato não reconhecido',
  'date.no_year': 'Data sem o ano (campo deixado vazio)',
  'kind.unknown': 'Tipo de pessoa desconhecido',
  'kind.mismatch': 'Tipo de pessoa que não combina com o documento',
  'group.not_found': 'Grupo que não existe',
  'group.extra_ignored': 'Mais de um grupo na célula (ficou o primeiro)',
  'text.bidi_removed': 'Caracteres invisíveis de direção do texto removidos',
  'document.cnpj_lost_zeros': 'CNPJ que perdeu os 3 zeros do início (lido como CPF inválido)',
  'email.masked': 'E-mail mascarado com asteriscos',
  'email.too_long': 'E-mail longo demais',
  'date.future': 'Data de nascimento/fundação no futuro',
  'date.ambiguous_order': 'Data que pode ser dia/mês ou mês/dia',
};

const REQUIRED: Record<string, string> = {
  name: 'Nome/Razão Social vazio',
  document: 'CPF/CNPJ vazio',
  email: 'E-mail principal vazio',
  group: 'Grupo vazio',
  phone: 'Sem Celular nem Telefone',
};

/** The kind's short name; `fallback` (an occurrence's sentence) when the code is not catalogued. */
export function describeProblemKind(code: string, fallback: string): string {
  const declined = code.endsWith('.declined');
  const base = declined ? code.slice(0, -'.declined'.length) : code;
  const title = base.startsWith('required.') ? REQUIRED[base.slice('required.'.length)] : TITLES[base];
  if (title === undefined) return fallback;
  return declined ? `${title} — correção recusada` : title;
}
