/**
 * Wall-clock date-times ("09:00 on 30 January", no zone) and the numeric calendar arithmetic the expansion loop
 * runs on: a wall clock is held as seconds since 1970-01-01T00:00 on that same wall clock, so no Date object and
 * no machine time zone is ever involved.
 */
import type { Brand } from "../brand.js";
import { daysInMonth, isLeapYear } from "../date/civil-date.js";

/** A nominal wall-clock time: what a clock on the wall shows, in no particular zone. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Seconds since 1970-01-01T00:00:00 of a wall clock (not an instant: no offset has been applied). */
export type WallSeconds = Brand<number, "WallSeconds">;

export const SECONDS_PER_DAY = 86_400;

export { daysInMonth, isLeapYear };

/**
 * Days since 1970-01-01 for a proleptic Gregorian date, on plain numbers (civil-date.ts does the same through
 * IsoDate strings; the expansion loop needs it without building strings).
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

/** The civil date of a day number, as [year, month, day]. */
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

/**
 * Day of the week of a day number, Monday = 0 … Sunday = 6 (the order of RFC 5545's MO…SU).
 * @example weekdayOfDay(0) // 3 (1970-01-01 was a Thursday)
 */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** 1-based day of the year. */
export function dayOfYear(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** True when every field names a real wall-clock time (seconds 0–59; 24:00 is not one). */
export function isValidLocalDateTime(value: LocalDateTime): boolean {
  const { year, month, day, hour, minute, second } = value;
  return (
    [year, month, day, hour, minute, second].every(Number.isInteger) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/**
 * Builds a LocalDateTime; throws on impossible values (for literals in code and tests).
 * @example localDateTime(2026, 1, 30, 9) // 2026-01-30T09:00:00
 */
export function localDateTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): LocalDateTime {
  const value = { year, month, day, hour, minute, second };
  if (!isValidLocalDateTime(value)) throw new RangeError(`not a wall-clock time: ${JSON.stringify(value)}`);
  return value;
}

/**
 * @example toWallSeconds(localDateTime(1970, 1, 2)) // 86400
 */
export function toWallSeconds(value: LocalDateTime): WallSeconds {
  return (daysFromCivil(value.year, value.month, value.day) * SECONDS_PER_DAY +
    value.hour * 3600 +
    value.minute * 60 +
    value.second) as WallSeconds;
}

/**
 * @example fromWallSeconds(86400 as WallSeconds) // 1970-01-02T00:00:00
 */
export function fromWallSeconds(seconds: number): LocalDateTime {
  const dayNumber = Math.floor(seconds / SECONDS_PER_DAY);
  const secondOfDay = seconds - dayNumber * SECONDS_PER_DAY;
  const { year, month, day } = civilFromDays(dayNumber);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  return { year, month, day, hour, minute, second: secondOfDay % 60 };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * ISO 8601 without offset.
 * @example formatLocalIso(localDateTime(2026, 1, 30, 9)) // "2026-01-30T09:00:00"
 */
export function formatLocalIso(value: LocalDateTime): string {
  return (
    `${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(value.day, 2)}` +
    `T${pad(value.hour, 2)}:${pad(value.minute, 2)}:${pad(value.second, 2)}`
  );
}

/** "YYYY-MM-DD" of a wall-clock time. */
export function formatLocalDate(value: LocalDateTime): string {
  return `${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(value.day, 2)}`;
}

/**
 * Parses "YYYY-MM-DDTHH:MM:SS" (or with a space); undefined when malformed or impossible.
 * @example parseLocalIso("2026-02-30T09:00:00") // undefined
 */
export function parseLocalIso(text: string): LocalDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const value = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? "0"),
  };
  return isValidLocalDateTime(value) ? value : undefined;
}
