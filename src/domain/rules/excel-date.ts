/**
 * Excel date serial numbers → calendar dates.
 *
 * 1900 system (Windows default): serial 1 = 1900-01-01. Excel copies a Lotus 1-2-3 bug and counts a
 * 29 February 1900 that never existed (serial 60), so from serial 61 on, the day count is off by one:
 * serial 61 = 1900-03-01. 1904 system (old Mac workbooks, flagged in the workbook): serial 0 = 1904-01-01.
 * The fractional part is the time of day and is dropped.
 */

const DAY_MS = 86_400_000;
/** Serial of 9999-12-31, the last date Excel knows, in each system. */
export const MAX_SERIAL_1900 = 2_958_465;
export const MAX_SERIAL_1904 = 2_957_003;
/** Excel's nonexistent 1900-02-29. */
export const FAKE_LEAP_DAY_SERIAL = 60;

export type SerialResult = { kind: 'date'; iso: string } | { kind: 'fake_leap_day' } | { kind: 'out_of_range' };

function addDays(year: number, monthIndex: number, day: number, days: number): string {
  return new Date(Date.UTC(year, monthIndex, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date of a serial (its whole part), in the 1900 or 1904 system. */
export function convertExcelSerial(serial: number, date1904: boolean): SerialResult {
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL_1904) return { kind: 'out_of_range' };
    return { kind: 'date', iso: addDays(1904, 0, 1, whole) };
  }
  if (whole < 1 || whole > MAX_SERIAL_1900) return { kind: 'out_of_range' };
  if (whole === FAKE_LEAP_DAY_SERIAL) return { kind: 'fake_leap_day' };
  // Before the fake day, serial n is n days after 1899-12-31; after it, one day less (base 1899-12-30).
  return whole < FAKE_LEAP_DAY_SERIAL
    ? { kind: 'date', iso: addDays(1899, 11, 31, whole) }
    : { kind: 'date', iso: addDays(1899, 11, 30, whole) };
}
