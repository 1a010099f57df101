/**
 * Business-day shift, an extension outside RRULE: an occurrence on a weekend or a public holiday of a calendar
 * (date-holidays data; only holidays of type "public") moves to the previous or next business day, keeping its
 * time of day. Holiday sets are cached per calendar and year, as day numbers.
 */
import Holidays from "date-holidays";
import type { Brand } from "../brand.js";
import { problem } from "../problem.js";
import type { Outcome } from "../problem.js";
import { civilFromDays, daysFromCivil, weekdayOfDay } from "./local-date-time.js";

/** A holiday calendar code: a country ("FR") or country-region ("CA-QC"), known to date-holidays. */
export type CalendarCode = Brand<string, "CalendarCode">;

/** Calendars the product offers; any other date-holidays country/region code is accepted too. */
export const OFFERED_CALENDARS = ["FR", "BE", "CH", "CA-QC", "GB", "US", "DE"] as const;

export type ShiftDirection = "previous" | "next";

/** "Move to the previous/next business day of this calendar." */
export interface BusinessDayShift {
  readonly calendar: CalendarCode;
  readonly direction: ShiftDirection;
}

const holidayEngines = new Map<string, Holidays>();
const holidayYears = new Map<string, ReadonlySet<number>>();

function engineFor(code: string): Holidays | undefined {
  let engine = holidayEngines.get(code);
  if (engine === undefined) {
    const [country = "", region] = code.split("-");
    engine = new Holidays();
    if (engine.getCountries()[country] === undefined) return undefined;
    if (
      region !== undefined &&
      (engine.getStates(country) as Record<string, string> | undefined)?.[region] === undefined
    )
      return undefined;
    if (region === undefined) engine.init(country);
    else engine.init(country, region);
    holidayEngines.set(code, engine);
  }
  return engine;
}

/**
 * Validates a calendar code against the holiday dataset.
 * @example parseCalendarCode("CA-QC") // { ok: true, value: "CA-QC", problems: [] }
 */
export function parseCalendarCode(code: string, source = "calendar"): Outcome<CalendarCode> {
  const normalized = code.trim().toUpperCase();
  if (/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(normalized) && engineFor(normalized) !== undefined)
    return { ok: true, value: normalized as CalendarCode, problems: [] };
  return {
    ok: false,
    problems: [
      problem("error", "recurrence.calendar", `calendar ${code} unknown`, { file: source, field: "calendar" }),
    ],
  };
}

/**
 * Same as parseCalendarCode but throws: for literals in code and tests.
 * @example calendarCode("FR")
 */
export function calendarCode(code: string): CalendarCode {
  const parsed = parseCalendarCode(code);
  if (!parsed.ok) throw new RangeError(`unknown holiday calendar: ${code}`);
  return parsed.value;
}

/** Public holidays of a calendar in a year, as day numbers. */
function publicHolidays(calendar: CalendarCode, year: number): ReadonlySet<number> {
  const key = `${calendar}:${year}`;
  let days = holidayYears.get(key);
  if (days === undefined) {
    const engine = engineFor(calendar);
    const set = new Set<number>();
    for (const holiday of engine?.getHolidays(year) ?? []) {
      if (holiday.type !== "public") continue;
      // `date` is the civil date "YYYY-MM-DD hh:mm:ss" in the calendar's own terms: no host zone involved.
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(holiday.date);
      if (match === null) continue;
      const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
      set.add(daysFromCivil(y, m, d));
    }
    days = set;
    holidayYears.set(key, days);
  }
  return days;
}

/**
 * True on Monday–Friday days that are not public holidays of the calendar.
 * @example isBusinessDay(calendarCode("FR"), daysFromCivil(2026, 5, 1)) // false (Fête du Travail)
 */
export function isBusinessDay(calendar: CalendarCode, dayNumber: number): boolean {
  if (weekdayOfDay(dayNumber) >= 5) return false;
  return !publicHolidays(calendar, civilFromDays(dayNumber).year).has(dayNumber);
}

/**
 * The day itself when it is a business day, else the previous/next one.
 * @example shiftToBusinessDay(calendarCode("FR"), daysFromCivil(2026, 5, 1), "previous") // daysFromCivil(2026, 4, 30)
 */
export function shiftToBusinessDay(calendar: CalendarCode, dayNumber: number, direction: ShiftDirection): number {
  const step = direction === "previous" ? -1 : 1;
  let day = dayNumber;
  // Bounded: no calendar has a month without business days.
  for (let tries = 0; tries < 40 && !isBusinessDay(calendar, day); tries += 1) day += step;
  return day;
}
