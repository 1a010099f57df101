/**
 * Civil dates ("2026-11-30"): a day on the calendar, with no time and no zone. All arithmetic is on day numbers,
 * so no Date object (and no machine time zone) ever touches a statement.
 */
import type { Brand } from "../brand.js";

/** "YYYY-MM-DD", validated. */
export type IsoDate = Brand<string, "IsoDate">;
/** Days since 1970-01-01 (day 0). */
export type DayNumber = Brand<number, "DayNumber">;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Builds an IsoDate; `undefined` for impossible dates such as 31/02. */
export function civilDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!isValidCivil(year, month, day)) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
}

/**
 * Parses "YYYY-MM-DD" (or compact "YYYYMMDD", CII format 102).
 * @example parseIsoDate("2026-02-31") // undefined
 */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
  if (match === null) return undefined;
  return civilDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Same as parseIsoDate but throws: for literals in code and tests. */
export function isoDate(text: string): IsoDate {
  const parsed = parseIsoDate(text);
  if (parsed === undefined) throw new RangeError(`not a civil date: ${text}`);
  return parsed;
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil; exact, no Date object).
 * The recurrence loop calls it with numbers, statements through toDayNumber.
 * @example daysFromCivil(1970, 1, 2) // 1
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Inverse of daysFromCivil.
 * @example civilFromDays(0) // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDays(dayNumber: number): CivilParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toDayNumber(date: IsoDate): DayNumber {
  const { year, month, day } = dateParts(date);
  return daysFromCivil(year, month, day) as DayNumber;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  const result = civilDate(year, month, day);
  if (result === undefined) throw new RangeError(`day number out of range: ${dayNumber}`);
  return result;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `later − earlier` in days (negative when `later` is before). */
export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

export function lastDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return civilDate(year, month, daysInMonth(year, month)) as IsoDate;
}

export function firstDayOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return civilDate(year, month, 1) as IsoDate;
}

/** ISO dates compare correctly as strings; this names the intent. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
