/**
 * The 67 Brazilian area codes (DDD) in use (Anatel). Codes like 20, 23, 25, 26, 29, 30, 36, 39, 40, 50,
 * 52, 56-60, 70, 72, 76, 78, 80 and 90 are not assigned to any area.
 */
export const VALID_DDDS: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19',
  '21', '22', '24', '27', '28',
  '31', '32', '33', '34', '35', '37', '38',
  '41', '42', '43', '44', '45', '46', '47', '48', '49',
  '51', '53', '54', '55',
  '61', '62', '63', '64', '65', '66', '67', '68', '69',
  '71', '73', '74', '75', '77', '79',
  '81', '82', '83', '84', '85', '86', '87', '88', '89',
  '91', '92', '93', '94', '95', '96', '97', '98', '99',
]);

export function isValidDdd(ddd: string): boolean {
  return VALID_DDDS.has(ddd);
}

/**
 * A phone whose DDD sits in a column of its own ("DDD" = "11", "Telefone" = "3456-7890"): the DDD is put
 * in front, "(11) 3456-7890". A number that already carries one (10 digits or more, "+55...") is left
 * as it is, and so is a DDD cell that is not two digits (a leading 0, "011", is dropped). The rule of the
 * phone then checks the whole.
 */
export function prependDdd(ddd: string, phone: string): string {
  const code = ddd.replace(/\D/g, '').replace(/^0(?=\d{2}$)/, '');
  if (code.length !== 2 || phone.trim() === '') return phone;
  const firstNumber = phone.split(/[;,/|]|\s(?:e|ou)\s/i)[0] ?? '';
  const digits = firstNumber.replace(/\D/g, '').length;
  return digits === 8 || digits === 9 ? `(${code}) ${phone.trim()}` : phone;
}
