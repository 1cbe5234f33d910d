/**
 * The Brazilian rules (DESIGN.md §4). Each parser takes the raw cell text and returns
 * `{ data, problems }`: data is null for an empty cell (no problem: required-ness is checked elsewhere)
 * and for an error; warnings and fixes come with usable data. Rules never throw.
 */
export { parseDocument, formatDocument, isValidCpf, isValidCnpj, type DocumentData, type PersonKind } from './document';
export { computeCpfCheckDigits, computeCnpjCheckDigits } from './checksum';
export { parseEmail, splitEmails, type EmailPair } from './email';
export { parseText, parseLongText } from './name';
export { parseGroup } from './group';
export { parsePhone, formatPhone, classifyPhone, splitPhones, withDdd, dddOf, type PhoneKind, type PhoneClass } from './phone';
export { VALID_DDDS, isValidDdd, prependDdd } from './ddd';
export { parseCep, formatCep } from './cep';
export { parseUf, findUfByName, isUfCode, splitCityUf, UF_NAMES, type UfCode } from './uf';
export { parseDate, formatDateBr, type DateOptions } from './date';
export { convertExcelSerial } from './excel-date';
export { parseKind, checkKindAgainstDocument, kindOfDocument } from './kind';
