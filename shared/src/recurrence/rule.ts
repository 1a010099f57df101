/**
 * The vocabulary of recurrence rules, at each stage: `RuleText` (stored text, unparsed) → `RuleOptions` (loose,
 * typed but unchecked: what parse.ts reads and presets.ts writes) → `RecurrenceRule` (normalized by normalize.ts:
 * ranges checked, lists sorted, defaults filled; what expansion, format and describe consume).
 */
import type { Brand } from "../brand.js";
import type { LocalDateTime } from "./local-date-time.js";
import type { IanaZone } from "./zone.js";

/** RFC 5545 text (DTSTART, RRULE, EXDATE, RDATE lines) as stored; not yet parsed. */
export type RuleText = Brand<string, "RuleText">;

/**
 * Brands stored text as RuleText (parseRule checks it).
 * @example ruleText("DTSTART:20260130T090000Z\nRRULE:FREQ=MONTHLY")
 */
export function ruleText(text: string): RuleText {
  return text as RuleText;
}

export const FREQUENCIES = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** RFC 5545 weekday codes in calendar order, Monday first (index = weekdayOfDay()). */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A BYDAY entry: `MO` (ordinal 0, every Monday) or `-1FR` (ordinal -1, the last Friday). */
export interface WeekdayNum {
  readonly weekday: Weekday;
  readonly ordinal: number;
}

/** RFC 7529 SKIP: what to do with an invalid date such as 30 February. */
export type Skip = "OMIT" | "BACKWARD" | "FORWARD";

/** How a date-time value is anchored: floating (no zone), UTC ("Z"), or wall-clock in a TZID. */
export type TimeBasis =
  { readonly kind: "floating" } | { readonly kind: "utc" } | { readonly kind: "zoned"; readonly zone: IanaZone };

/** A DTSTART, UNTIL, EXDATE or RDATE value. Date-only values carry 00:00:00 and `dateOnly: true`. */
export interface RuleDateValue {
  readonly local: LocalDateTime;
  readonly basis: TimeBasis;
  readonly dateOnly: boolean;
}

/** The RRULE, normalized: sorted, deduplicated lists; empty list = part absent. */
export interface RecurrenceParts {
  readonly freq: Frequency;
  readonly interval: number;
  readonly count?: number;
  readonly until?: RuleDateValue;
  readonly bySecond: readonly number[];
  readonly byMinute: readonly number[];
  readonly byHour: readonly number[];
  readonly byDay: readonly WeekdayNum[];
  readonly byMonthDay: readonly number[];
  readonly byYearDay: readonly number[];
  readonly byWeekNo: readonly number[];
  readonly byMonth: readonly number[];
  readonly bySetPos: readonly number[];
  readonly weekStart: Weekday;
  /** RFC 7529 RSCALE; only the Gregorian calendar is supported. */
  readonly rscale?: "GREGORIAN";
  /** RFC 7529 SKIP; "OMIT" (the RFC 5545 behaviour) unless RSCALE says otherwise. */
  readonly skip: Skip;
}

/** A parsed, validated recurrence: DTSTART + optional RRULE + EXDATEs + RDATEs. */
export interface RecurrenceRule {
  readonly start: RuleDateValue;
  readonly recur?: RecurrenceParts;
  readonly exdates: readonly RuleDateValue[];
  readonly rdates: readonly RuleDateValue[];
}

/** Loose RRULE options: typed, but ranges and combinations are unchecked until normalizeRule. */
export interface RecurrenceOptions {
  readonly freq: string;
  readonly interval?: number;
  readonly count?: number;
  readonly until?: RuleDateValue;
  readonly bySecond?: readonly number[];
  readonly byMinute?: readonly number[];
  readonly byHour?: readonly number[];
  readonly byDay?: readonly WeekdayNum[];
  readonly byMonthDay?: readonly number[];
  readonly byYearDay?: readonly number[];
  readonly byWeekNo?: readonly number[];
  readonly byMonth?: readonly number[];
  readonly bySetPos?: readonly number[];
  readonly weekStart?: Weekday;
  readonly rscale?: string;
  readonly skip?: string;
}

/** Loose rule options (what the parser and the presets produce), checked by normalizeRule. */
export interface RuleOptions {
  readonly start: RuleDateValue;
  readonly recur?: RecurrenceOptions;
  readonly exdates?: readonly RuleDateValue[];
  readonly rdates?: readonly RuleDateValue[];
}
