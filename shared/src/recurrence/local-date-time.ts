/**
 * Wall-clock date-times ("09:00 on 30 January", no zone) and the numeric calendar arithmetic the expansion loop
 * runs on: a wall clock is held as seconds since 1970-01-01T00:00 on that same wall clock, so no Date object and
 * no machine time zone is ever involved.
 */
import type { Brand } from "../brand.js";
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, type CivilParts } from "../date/civil-date.js";

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

// Day-number arithmetic is the civil-date module's; the loop uses it through here.
export { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, type CivilParts };

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
