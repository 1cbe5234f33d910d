import { describe, expect, it } from 'vitest';
import { convertExcelSerial, parseDate } from '../../../src/domain/rules';
import { expectProblem } from './helpers';

const REFERENCE = { referenceYear: 2025 };

describe('dates', () => {
  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['25/12/1980', '1980-12-25'],
    ['31/12/1999', '1999-12-31'],
    ['01/01/2000', '2000-01-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['12/05/2024', '2024-05-12'],
    ['30/04/2024', '2024-04-30'],
    ['05/03/2024 00:00:00', '2024-03-05'],
    ['05/03/2024 14:30', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024-03-05T00:00:00', '2024-03-05'],
    ['2024-03-05T10:20:30.000Z', '2024-03-05'],
    ['2024-03-05 10:20:30', '2024-03-05'],
    ['2024-03-05T23:00:00-03:00', '2024-03-05'],
    ['5 de março de 2024', '2024-03-05'],
    ['05-mar-2024', '2024-03-05'],
    ['05/Mar/2024', '2024-03-05'],
    ['5 dez 1980', '1980-12-05'],
    ['05032024', '2024-03-05'],
    ['20240305', '2024-03-05'],
    [' 05/03/2024 ', '2024-03-05'],
  ])('reads %s as %s (day first, never month first)', (raw, iso) => {
    expect(parseDate(raw, REFERENCE)).toEqual({ data: iso, problems: [] });
  });

  it.each([
    ['05/03/24', '2024-03-05'],
    ['05/03/80', '1980-03-05'],
    ['5/3/25', '2025-03-05'],
    ['5/3/26', '1926-03-05'],
    ['01-01-00', '2000-01-01'],
    ['31.12.99', '1999-12-31'],
  ])('completes the two-digit year of %s as %s, saying so', (raw, iso) => {
    const result = parseDate(raw, REFERENCE);
    expect(result.data).toBe(iso);
    expect(expectProblem(result.problems, 'date.two_digit_year', 'fix', raw).suggestion).toBe(iso);
  });

  it.each([
    ['45356', '2024-03-05'],
    ['44927', '2023-01-01'],
    ['45356.75', '2024-03-05'],
    ['45356,5', '2024-03-05'],
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['29281', '1980-03-01'],
    ['36526', '2000-01-01'],
  ])('reads the Excel serial %s (1900 system) as %s', (raw, iso) => {
    const result = parseDate(raw, REFERENCE);
    expect(result.data).toBe(iso);
    expect(expectProblem(result.problems, 'date.excel_serial', 'fix', raw).suggestion).toBe(iso);
  });

  it.each([
    ['43894', '2024-03-05'],
    ['0', '1904-01-01'],
    ['1', '1904-01-02'],
    ['34700', '1999-01-02'],
  ])('reads the Excel serial %s (1904 system) as %s', (raw, iso) => {
    expect(parseDate(raw, { ...REFERENCE, date1904: true }).data).toBe(iso);
  });

  it('keeps the two systems 1462 days apart', () => {
    for (const serial of [1462, 20000, 45356]) {
      expect(convertExcelSerial(serial, false)).toEqual(convertExcelSerial(serial - 1462, true));
    }
  });

  it.each([
    ['31/02/2024', 'date.impossible', 'fevereiro de 2024 tem 29 dias'],
    ['29/02/2023', 'date.impossible', 'fevereiro de 2023 tem 28 dias'],
    ['29/02/1900', 'date.impossible', '28 dias'],
    ['31/04/2024', 'date.impossible', 'abril de 2024 tem 30 dias'],
    ['31/06/2024', 'date.impossible', '30 dias'],
    ['32/01/2024', 'date.impossible', '31 dias'],
    ['00/01/2024', 'date.impossible', 'dia 0'],
    ['15/13/2024', 'date.impossible', 'mês 13'],
    ['15/00/2024', 'date.impossible', 'mês 0'],
    ['2024-13-01', 'date.impossible', 'mês 13'],
    ['2023-02-29', 'date.impossible', '28 dias'],
    ['60', 'date.impossible', '29/02/1900'],
    ['05/13/2024', 'date.us_format', '13/05/2024'],
    ['12/31/1999', 'date.us_format', '31/12/1999'],
    ['1980', 'date.year_only', 'ano'],
    ['2024', 'date.year_only', 'ano'],
    ['05/03/0224', 'date.out_of_range', '224'],
    ['05/03/3024', 'date.out_of_range', '3024'],
    ['ontem', 'date.format', 'dia/mês/ano'],
    ['--13-05', 'date.impossible', 'mês 13'],
    ['--00-05', 'date.impossible', 'mês 0'],
    ['--02-30', 'date.impossible', 'fevereiro tem no máximo 29 dias'],
    ['--04-31', 'date.impossible', 'abril tem no máximo 30 dias'],
    ['--03-00', 'date.impossible', 'dia 0'],
    ['31/02', 'date.impossible', 'fevereiro tem no máximo 29 dias'],
    ['12/31', 'date.impossible', 'mês 31'],
    ['--3-5', 'date.format', 'dia/mês/ano'],
    ['---03-05', 'date.format', 'dia/mês/ano'],
    ['05/03/', 'date.format', 'dia/mês/ano'],
    ['0', 'date.format', 'dia/mês/ano'],
    ['99999999', 'date.format', 'dia/mês/ano'],
    ['2958466', 'date.format', 'dia/mês/ano'],
    ['05/03-2024', 'date.format', 'dia/mês/ano'],
  ])('rejects %s with %s', (raw, code, mention) => {
    const result = parseDate(raw, REFERENCE);
    expect(result.data).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(expectProblem(result.problems, code, 'error', raw).message).toContain(mention);
  });

  // A birthday without a year (Google Contacts exports "--MM-DD"): a warning, the field left empty, so
  // the row is still imported.
  it.each([
    ['--03-05', '05/03'],
    ['--0305', '05/03'],
    ['--12-25', '25/12'],
    ['--02-29', '29/02'],
    [' --03-05 ', '05/03'],
    ['05/03', '05/03'],
    ['5/3', '05/03'],
    ['05-03', '05/03'],
    ['05.03', '05/03'],
    ['29/02', '29/02'],
    ['31/12', '31/12'],
  ])('%j has no year: date.no_year warning, no data', (raw, dayMonth) => {
    const result = parseDate(raw, REFERENCE);
    expect(result.data).toBeNull();
    expect(result.problems).toHaveLength(1);
    const { message } = expectProblem(result.problems, 'date.no_year', 'warning', raw);
    expect(message).toContain(dayMonth);
    expect(message).toContain('não tem o ano');
    expect(message).toContain('ficou vazio');
  });

  it('a dotted pair that is not a day and month is still read as an Excel serial', () => {
    const result = parseDate('45.3', REFERENCE);
    expect(result.problems.map((p) => p.code)).toEqual(['date.excel_serial']);
  });

  it('suggests the day-first date for a month-first one, without applying it', () => {
    const result = parseDate('05/13/2024', REFERENCE);
    expect(result.data).toBeNull();
    expect(result.problems[0]?.suggestion).toBe('2024-05-13');
  });

  it('defaults the pivot to the current year', () => {
    const thisYear = new Date().getFullYear();
    const short = String(thisYear % 100).padStart(2, '0');
    expect(parseDate(`01/01/${short}`).data).toBe(`${thisYear}-01-01`);
  });

  it.each(['', '  '])('treats %j as empty', (raw) => {
    expect(parseDate(raw)).toEqual({ data: null, problems: [] });
  });
});
