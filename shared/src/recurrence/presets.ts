/**
 * The send rules the UI offers, built as ordinary rules (plus a business-day shift where the preset implies one).
 * Each preset starts at the first matching date on or after `from`, so DTSTART is synchronized with the rule.
 */
import type { BusinessDayShift, CalendarCode } from "./business-day.js";
import { expandRule } from "./expand.js";
import { fromWallSeconds } from "./local-date-time.js";
import type { LocalDateTime } from "./local-date-time.js";
import { normalizeRule } from "./normalize.js";
import type { RecurrenceOptions, RecurrenceRule, RuleDateValue, Weekday } from "./rule.js";
import type { IanaZone } from "./zone.js";

/** A rule as the product schedules it: the RRULE plus an optional business-day shift. */
export interface SendRule {
  readonly rule: RecurrenceRule;
  readonly shift?: BusinessDayShift;
}

/** Where a preset starts: the earliest wall-clock send (its time of day is kept) in a zone. */
export interface PresetStart {
  readonly from: LocalDateTime;
  readonly zone: IanaZone;
}

function build(start: PresetStart, recur: RecurrenceOptions): RecurrenceRule {
  const provisional: RuleDateValue = { local: start.from, basis: { kind: "zoned", zone: start.zone }, dateOnly: false };
  const draft = normalizeRule({ start: provisional, recur });
  if (!draft.ok)
    throw new RangeError(`preset built an invalid rule: ${draft.problems.map((p) => p.message).join("; ")}`);
  const synchronized = synchronizeStart(draft.value);
  if (synchronized === undefined) throw new RangeError("preset rule has no occurrence");
  return synchronized;
}

/**
 * Moves DTSTART to the first date the rule itself gives on or after it (DTSTART always counts as an occurrence,
 * so a start that the rule would not give must be moved before use); `undefined` when the rule gives none.
 * @example synchronizeStart(rule) // DTSTART 2026-12-03 09:00 with BYMONTHDAY=30 → 2026-12-30 09:00
 */
export function synchronizeStart(rule: RecurrenceRule): RecurrenceRule | undefined {
  let first: LocalDateTime | undefined;
  expandRule(
    rule,
    (wall) => {
      first = fromWallSeconds(wall);
      return false;
    },
    false,
  );
  return first === undefined ? undefined : { ...rule, start: { ...rule.start, local: first } };
}

/**
 * "The Nth of every month"; with `clampToMonthEnd`, the last day of shorter months (RFC 7529 SKIP=BACKWARD).
 * @example monthlyOnDay({ from: localDateTime(2026, 1, 1, 9), zone: ianaZone("Europe/Paris") }, 30, true)
 * // DTSTART;TZID=Europe/Paris:20260130T090000 / RRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30;SKIP=BACKWARD
 */
export function monthlyOnDay(start: PresetStart, day: number, clampToMonthEnd: boolean): SendRule {
  return {
    rule: build(start, {
      freq: "MONTHLY",
      byMonthDay: [day],
      ...(clampToMonthEnd ? { rscale: "GREGORIAN", skip: "BACKWARD" } : {}),
    }),
  };
}

/**
 * "The last business day of the month": the last Monday–Friday, moved earlier over public holidays of `calendar`.
 * @example lastBusinessDayOfMonth({ from, zone: ianaZone("Europe/Paris") }, calendarCode("FR"))
 */
export function lastBusinessDayOfMonth(start: PresetStart, calendar: CalendarCode): SendRule {
  return {
    rule: build(start, {
      freq: "MONTHLY",
      byDay: ["MO", "TU", "WE", "TH", "FR"].map((weekday) => ({ weekday: weekday as Weekday, ordinal: 0 })),
      bySetPos: [-1],
    }),
    shift: { calendar, direction: "previous" },
  };
}

/**
 * "The first (second…, last = -1) <weekday> of every month".
 * @example nthWeekdayOfMonth({ from, zone }, "MO", 1) // the first Monday
 */
export function nthWeekdayOfMonth(start: PresetStart, weekday: Weekday, ordinal = 1): SendRule {
  return { rule: build(start, { freq: "MONTHLY", byDay: [{ weekday, ordinal }] }) };
}

/**
 * "Every k weeks on <weekday>".
 * @example everyWeeksOn({ from, zone }, 2, "FR") // every two weeks on Friday
 */
export function everyWeeksOn(start: PresetStart, weeks: number, weekday: Weekday): SendRule {
  return { rule: build(start, { freq: "WEEKLY", interval: weeks, byDay: [{ weekday, ordinal: 0 }] }) };
}

/**
 * "Every quarter on day N" (every 3 months from the first matching month), optionally clamped to the month's end.
 * @example quarterly({ from: localDateTime(2026, 1, 1, 9), zone }, 1, false) // 1 Jan, 1 Apr, 1 Jul, 1 Oct
 */
export function quarterly(start: PresetStart, day: number, clampToMonthEnd: boolean): SendRule {
  return {
    rule: build(start, {
      freq: "MONTHLY",
      interval: 3,
      byMonthDay: [day],
      ...(clampToMonthEnd ? { rscale: "GREGORIAN", skip: "BACKWARD" } : {}),
    }),
  };
}

/**
 * "Every year on <month> <day>".
 * @example yearlyOn({ from, zone }, 12, 31)
 */
export function yearlyOn(start: PresetStart, month: number, day: number): SendRule {
  return { rule: build(start, { freq: "YEARLY", byMonth: [month], byMonthDay: [day] }) };
}
