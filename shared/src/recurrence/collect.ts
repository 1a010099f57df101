/**
 * Collectors over the one expansion loop: nextN, between, firstAfter, all. Each walks expandRule, optionally
 * through the business-day shift (deduplicating occurrences that land on the same day), and stops as soon as it
 * has what it needs.
 */
import type { BusinessDayShift } from "./business-day.js";
import { shiftToBusinessDay } from "./business-day.js";
import { expandRule, wallToUtc } from "./expand.js";
import type { Instant } from "./instant.js";
import { SECONDS_PER_DAY, fromWallSeconds } from "./local-date-time.js";
import type { LocalDateTime } from "./local-date-time.js";
import type { RecurrenceRule } from "./rule.js";

/**
 * One occurrence. `instant` is when it happens (a floating rule's wall clock is read as UTC: attach a zone to the
 * rule to get real instants); `local` is the nominal wall-clock time (02:30 even when a DST gap sends it at 03:30).
 * `nominal` is set when a business-day shift moved it: the date the rule itself gave.
 */
export interface Occurrence {
  readonly instant: Instant;
  readonly local: LocalDateTime;
  readonly nominal?: LocalDateTime;
}

export interface ExpansionOptions {
  /** Move weekend/holiday occurrences to the previous or next business day of a calendar. */
  readonly shift?: BusinessDayShift;
}

type ShiftedVisitor = (wall: number, utc: number, nominalWall: number) => boolean;

/** The business-day shift can move an occurrence by at most this much; range collectors look that far ahead. */
const SHIFT_REACH_SECONDS = 40 * SECONDS_PER_DAY;

function walk(rule: RecurrenceRule, options: ExpansionOptions | undefined, visit: ShiftedVisitor): void {
  const shift = options?.shift;
  if (shift === undefined) {
    expandRule(rule, (wall, utc) => visit(wall, utc, wall));
    return;
  }
  let lastDay = Number.NEGATIVE_INFINITY;
  expandRule(rule, (wall, utc) => {
    const day = Math.floor(wall / SECONDS_PER_DAY);
    const shiftedDay = shiftToBusinessDay(shift.calendar, day, shift.direction);
    // Never two sends on one day: an occurrence shifted onto a day already used is dropped.
    if (shiftedDay <= lastDay) return true;
    lastDay = shiftedDay;
    if (shiftedDay === day) return visit(wall, utc, wall);
    const shiftedWall = wall + (shiftedDay - day) * SECONDS_PER_DAY;
    return visit(shiftedWall, wallToUtc(rule.start.basis, shiftedWall), wall);
  });
}

function occurrence(wall: number, utc: number, nominalWall: number): Occurrence {
  const local = fromWallSeconds(wall);
  const instant = (utc * 1000) as Instant;
  return nominalWall === wall ? { instant, local } : { instant, local, nominal: fromWallSeconds(nominalWall) };
}

/**
 * The first `count` occurrences strictly after `after`.
 * @example nextN(rule, instant("2026-03-01T00:00:00Z"), 2).map((o) => formatInstant(o.instant))
 * // ["2026-03-27T08:00:00Z", "2026-04-27T07:00:00Z"]
 */
export function nextN(rule: RecurrenceRule, after: Instant, count: number, options?: ExpansionOptions): Occurrence[] {
  const out: Occurrence[] = [];
  if (count <= 0) return out;
  walk(rule, options, (wall, utc, nominalWall) => {
    if (utc * 1000 > after) out.push(occurrence(wall, utc, nominalWall));
    return out.length < count;
  });
  return out;
}

/**
 * The first occurrence strictly after `after`, or undefined when the rule has ended.
 * @example firstAfter(rule, now)
 */
export function firstAfter(rule: RecurrenceRule, after: Instant, options?: ExpansionOptions): Occurrence | undefined {
  return nextN(rule, after, 1, options)[0];
}

/**
 * Occurrences with `from <= instant < to` (half-open, so consecutive ranges never share one).
 * @example between(rule, instant("2026-01-01T00:00:00Z"), instant("2027-01-01T00:00:00Z")).length // 12
 */
export function between(rule: RecurrenceRule, from: Instant, to: Instant, options?: ExpansionOptions): Occurrence[] {
  const out: Occurrence[] = [];
  // Wall-clock order and UTC order can disagree by a few hours around a DST gap; a shift moves days: look ahead.
  const horizon = to / 1000 + SECONDS_PER_DAY + (options?.shift === undefined ? 0 : SHIFT_REACH_SECONDS);
  walk(rule, options, (wall, utc, nominalWall) => {
    const milliseconds = utc * 1000;
    if (milliseconds >= from && milliseconds < to) out.push(occurrence(wall, utc, nominalWall));
    return utc < horizon;
  });
  return out.sort((a, b) => a.instant - b.instant);
}

/**
 * Every occurrence, up to `limit` of them (infinite rules need one; finite rules stop on their own).
 * @example all(rule, { limit: 12 })
 */
export function all(rule: RecurrenceRule, options: ExpansionOptions & { readonly limit: number }): Occurrence[] {
  const out: Occurrence[] = [];
  if (options.limit <= 0) return out;
  walk(rule, options, (wall, utc, nominalWall) => {
    out.push(occurrence(wall, utc, nominalWall));
    return out.length < options.limit;
  });
  return out;
}
