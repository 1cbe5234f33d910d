/**
 * Content-based mapping: recognises a column from its values when its header says nothing (for example
 * a column of valid CPFs under "Coluna 3"). It runs the same rules as the import, so "recognised" means
 * "would import cleanly", and it prefers returning null to guessing: a wrong pre-filled mapping is worse
 * than an empty one the user fills.
 */
import type { FieldDef, FieldFormat } from '../entities/field';
import { classifyPhone, parseCep, parseDate, parseDocument, parseKind, parsePhone, parseUf, splitEmails } from '../rules';

/** Fewer non-empty values than this say too little. */
const MIN_VALUES = 3;
/** Share of the non-empty values that must fit a kind of data. */
const THRESHOLD = 0.8;
/** Enough to decide; keeps the cost flat when a caller passes a whole column. */
const MAX_VALUES = 500;
/** Excel serials taken as dates only between 1930-01-01 and 2100-12-31: smaller numbers are more likely
 * house numbers or codes than birth dates. */
const MIN_DATE_SERIAL = 10_959;
const MAX_DATE_SERIAL = 73_415;

/**
 * A detector looks at the sample: `undefined` when the values are not its kind of data; otherwise the
 * field to use, or null when the values are its kind but no suitable field is still free.
 */
type Detector = (values: readonly string[], fields: readonly FieldDef[]) => string | null | undefined;

function shareOf(values: readonly string[], test: (value: string) => boolean): number {
  return values.filter(test).length / values.length;
}

function findByFormat(fields: readonly FieldDef[], format: FieldFormat): string | null {
  return fields.find((field) => field.format === format)?.key ?? null;
}

function detectByRule(format: FieldFormat, isValid: (value: string) => boolean): Detector {
  return (values, fields) => (shareOf(values, isValid) >= THRESHOLD ? findByFormat(fields, format) : undefined);
}

const detectDocument = detectByRule('document', (v) => parseDocument(v).data !== null);
const detectEmail = detectByRule('email', (v) => splitEmails(v).data !== null);

/** Nearly all the values that are phones are mobiles (a mixed column stays where its header put it). */
export function isMostlyMobiles(values: readonly string[]): boolean {
  // The number without its DDD is enough (the DDD may be in a column of its own): 9 digits starting with 9.
  const kinds = values.map((v) => {
    const parsed = parsePhone(v, 'mobile').data;
    if (parsed !== null) return classifyPhone(parsed);
    const digits = v.replace(/\D/g, '');
    return /^9\d{8}$/.test(digits) ? 'mobile' : /^[2-5]\d{7}$/.test(digits) ? 'landline' : null;
  });
  const phones = kinds.filter((k) => k !== null);
  return phones.length > 0 && phones.filter((k) => k === 'mobile').length >= phones.length * THRESHOLD;
}

/** Mostly mobiles → "mobile" (else any phone field); mostly landlines → "phone" (never "mobile"). */
const detectPhone: Detector = (values, fields) => {
  const phones = values.map((v) => parsePhone(v, 'mobile').data).filter((p): p is string => p !== null);
  if (phones.length / values.length < THRESHOLD) return undefined;
  const mobiles = phones.filter((p) => classifyPhone(p) === 'mobile').length;
  const phoneFields = fields.filter((field) => field.format === 'phone');
  if (mobiles * 2 >= phones.length) return (phoneFields.find((f) => f.key === 'mobile') ?? phoneFields[0])?.key ?? null;
  return phoneFields.find((f) => f.key === 'phone')?.key ?? null;
};

/**
 * "01310-100" is unmistakable. Bare 7-8 digit numbers may be phones without DDD, so with them every value
 * must be a CEP, and at least one must be written with the hyphen or be impossible as a phone (7 digits:
 * a CEP that lost its 0; or a first digit 0 or 1, which no phone number has).
 */
const detectCep: Detector = (values, fields) => {
  const isCep = (v: string): boolean => parseCep(v).problems.every((p) => p.level !== 'error');
  const written = values.filter((v) => /^\d{2}\.?\d{3}-\d{3}$/.test(v) && isCep(v));
  if (written.length / values.length >= THRESHOLD) return findByFormat(fields, 'cep');
  const bare = values.filter((v) => /^\d{7,8}$/.test(v) && isCep(v));
  const allCeps = written.length + bare.length === values.length;
  const telling = written.length > 0 || bare.some((v) => v.length === 7 || /^[01]/.test(v));
  return allCeps && telling ? findByFormat(fields, 'cep') : undefined;
};

function isDateLike(value: string): boolean {
  if (/^\d+(?:[.,]\d+)?$/.test(value)) {
    const serial = Number(value.replace(',', '.'));
    return serial >= MIN_DATE_SERIAL && serial <= MAX_DATE_SERIAL && parseDate(value).data !== null;
  }
  return parseDate(value).data !== null;
}

const detectDate = detectByRule('date', isDateLike);

/** State names are also city names ("São Paulo"): a column of them counts only with some variety. */
const detectUf: Detector = (values, fields) => {
  const ufs = values.map((v) => parseUf(v).data).filter((uf): uf is string => uf !== null);
  if (ufs.length / values.length < THRESHOLD) return undefined;
  const codes = shareOf(values, (v) => /^[a-z]{2}$/i.test(v) && parseUf(v).data !== null);
  if (codes >= 0.5 || new Set(ufs).size >= 3) return findByFormat(fields, 'uf');
  return undefined;
};

/** A column of only "F" is more likely "Sexo" than "Tipo de pessoa". */
const detectKind: Detector = (values, fields) => {
  const kinds = values.map((v) => parseKind(v).data).filter((k) => k !== null);
  if (kinds.length / values.length < THRESHOLD) return undefined;
  const onlyLetterF = values.every((v) => v.toUpperCase() === 'F' || parseKind(v).data === null);
  return onlyLetterF ? undefined : findByFormat(fields, 'kind');
};

/** Addresses start with the kind of street; names never do. */
const STREET_START = /^(?:r|rua|av|avenida|al|alameda|tv|trav|travessa|pc|praca|praça|estr|estrada|rod|rodovia|largo|lgo|vila|beco|servidao)\b\.?/i;

/** Two or more words of letters ("Ana Paula Souza", "PADARIA ESTRELA LTDA"), nothing a code or an address has. */
function isPersonOrCompanyName(value: string): boolean {
  return /^[\p{L}][\p{L}'’.&-]*(?:\s+[\p{L}'’.&-]+)+$/u.test(value) && value.length <= 120 && !STREET_START.test(value);
}

/**
 * A column of different names, of people or companies, is the client's name (a headerless list, a
 * "Coluna 1"). The field is the entity's own name field (`name`); columns are looked at from the left,
 * so the first such column takes it, as names come first in nearly every list. Repeated values (a city,
 * a group) are not names.
 */
const detectName: Detector = (values, fields) => {
  if (shareOf(values, isPersonOrCompanyName) < THRESHOLD) return undefined;
  const distinct = new Set(values.map((v) => v.toLowerCase())).size;
  if (distinct < values.length * 0.9) return undefined;
  return fields.find((field) => field.key === 'name')?.key ?? null;
};

/** In order: earlier kinds of data are the more specific (a valid CPF is never a phone by chance). */
const DETECTORS: readonly Detector[] = [detectDocument, detectEmail, detectPhone, detectCep, detectDate, detectUf, detectKind, detectName];

/** A value no column name ever is and no other kind of data looks like: a valid CPF/CNPJ, an e-mail, a phone with its DDD. */
export function unmistakableKind(value: string): 'document' | 'email' | 'phone' | null {
  if (value === '') return null;
  if (parseDocument(value).data !== null) return 'document';
  if (value.includes('@') && splitEmails(value).data !== null) return 'email';
  if (value.replace(/\D/g, '').length >= 10 && parsePhone(value, 'mobile').data !== null) return 'phone';
  return null;
}

/** Only when every value fits: a whole column of them is no coincidence, however short. */
function everyValue(detect: Detector, fits: (value: string) => boolean): Detector {
  return (values, fields) => (values.every(fits) ? detect(values, fields) : undefined);
}

/** For one or two values: kinds that cannot be anything else. */
const UNMISTAKABLE: readonly Detector[] = [
  everyValue(detectDocument, (v) => unmistakableKind(v) === 'document'),
  everyValue(detectEmail, (v) => unmistakableKind(v) === 'email'),
  everyValue(detectPhone, (v) => unmistakableKind(v) === 'phone'),
  everyValue(detectName, isPersonOrCompanyName),
];

/**
 * The key of the field (among `fields`, the ones still unmapped) the values fit, or null when unsure.
 * Needs at least 3 non-empty values of which 80% fit.
 */
export function detectFieldFromValues(values: readonly string[], fields: readonly FieldDef[]): string | null {
  const sample = values.map((v) => v.trim()).filter((v) => v !== '').slice(0, MAX_VALUES);
  if (sample.length === 0 || fields.length === 0) return null;
  // A list of one or two clients (typed by hand, often without a header) still says something when
  // every value is unmistakable: a valid CPF/CNPJ, an e-mail, a phone with its DDD, a name beside them.
  const detectors = sample.length < MIN_VALUES ? UNMISTAKABLE : DETECTORS;
  for (const detect of detectors) {
    const key = detect(sample, fields);
    if (key !== undefined) return key;
  }
  return null;
}
