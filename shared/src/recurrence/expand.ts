/**
 * Iterate stage: the one expansion loop. A rule is compiled once into an ExpansionPlan (effective BYxxx sets with
 * RFC 5545 defaults from DTSTART), then walked period by period (year, month, week, day, hour…), always counted from
 * DTSTART (anchored, never chained). Each period's candidates are built by expanding/limiting the BYxxx parts,
 * RFC 7529 SKIP is applied to invalid month days, BYSETPOS selects, and EXDATE/RDATE are merged. Visitors receive
 * raw seconds and return false to stop; collect.ts turns them into Occurrences.
 */
import {
  SECONDS_PER_DAY,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  daysInYear,
  toWallSeconds,
  weekdayOfDay,
} from "./local-date-time.js";
import { WEEKDAYS } from "./rule.js";
import type { RecurrenceParts, RecurrenceRule, RuleDateValue, Skip, TimeBasis } from "./rule.js";
import { utcSecondsToWallSeconds, wallSecondsToUtcSeconds } from "./zone.js";

/** Receives each occurrence as (wall-clock seconds, UTC seconds); returns false to stop the expansion. */
export type RawVisitor = (wall: number, utc: number) => boolean;

const FREQUENCY_RANK = { SECONDLY: 0, MINUTELY: 1, HOURLY: 2, DAILY: 3, WEEKLY: 4, MONTHLY: 5, YEARLY: 6 } as const;
const LAST_YEAR = 9999;
const GREGORIAN_CYCLE_SECONDS = 146_097 * 86_400;

/**
 * Wall-clock seconds → UTC seconds in a basis. Floating times are read as UTC (documented on Occurrence).
 * @example wallToUtc({ kind: "utc" }, 0) // 0
 */
export function wallToUtc(basis: TimeBasis, wall: number): number {
  return basis.kind === "zoned" ? wallSecondsToUtcSeconds(basis.zone, wall) : wall;
}

interface ExpansionPlan {
  readonly rank: number;
  readonly interval: number;
  readonly count: number;
  /** Compared with UTC seconds when `untilIsUtc`, else with wall seconds. */
  readonly until: number;
  readonly untilIsUtc: boolean;
  readonly months: readonly boolean[] | undefined;
  readonly monthDays: readonly number[] | undefined;
  readonly yearDays: readonly number[] | undefined;
  readonly weekNos: ReadonlySet<number> | undefined;
  /** Bit i set = weekday i (Monday = 0) matches on any date. */
  readonly weekdayMask: number;
  readonly nthWeekdays: readonly { readonly weekday: number; readonly ordinal: number }[];
  readonly nthInMonth: boolean;
  readonly hasDayFilter: boolean;
  readonly hours: readonly number[] | undefined;
  readonly minutes: readonly number[] | undefined;
  readonly seconds: readonly number[] | undefined;
  readonly setPos: readonly number[] | undefined;
  readonly weekStart: number;
  readonly skip: Skip;
}

function nonEmpty<T>(values: readonly T[]): readonly T[] | undefined {
  return values.length > 0 ? values : undefined;
}

function compilePlan(parts: RecurrenceParts, start: RuleDateValue): ExpansionPlan {
  const rank = FREQUENCY_RANK[parts.freq];
  const local = start.local;
  const noDaySelector =
    parts.byWeekNo.length === 0 &&
    parts.byYearDay.length === 0 &&
    parts.byMonthDay.length === 0 &&
    parts.byDay.length === 0;
  let byMonth = parts.byMonth;
  let byMonthDay = parts.byMonthDay;
  let byDay = parts.byDay;
  if (noDaySelector) {
    if (parts.freq === "YEARLY") {
      if (byMonth.length === 0) byMonth = [local.month];
      byMonthDay = [local.day];
    } else if (parts.freq === "MONTHLY") byMonthDay = [local.day];
    else if (parts.freq === "WEEKLY")
      byDay = [
        { weekday: WEEKDAYS[weekdayOfDay(daysFromCivil(local.year, local.month, local.day))] ?? "MO", ordinal: 0 },
      ];
  }
  let weekdayMask = 0;
  const nthWeekdays: { weekday: number; ordinal: number }[] = [];
  for (const entry of byDay) {
    const weekday = WEEKDAYS.indexOf(entry.weekday);
    // Ordinals only mean something within a month or a year; finer frequencies read "1MO" as "MO" (as dateutil).
    if (entry.ordinal === 0 || rank < FREQUENCY_RANK.MONTHLY) weekdayMask |= 1 << weekday;
    else nthWeekdays.push({ weekday, ordinal: entry.ordinal });
  }
  let months: boolean[] | undefined;
  if (byMonth.length > 0) {
    months = new Array<boolean>(13).fill(false);
    for (const month of byMonth) months[month] = true;
  }
  const timeList = (
    values: readonly number[],
    ownRank: number,
    fallback: number,
    max: number,
  ): number[] | undefined => {
    if (values.length > 0) return values.filter((value) => value <= max);
    return rank > ownRank ? [fallback] : undefined;
  };
  let count = parts.count ?? Number.POSITIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  let untilIsUtc = false;
  if (parts.until !== undefined) {
    const untilValue = parts.until;
    const untilWall = toWallSeconds(untilValue.local) + (untilValue.dateOnly ? SECONDS_PER_DAY - 1 : 0);
    if (start.basis.kind === "floating") until = untilWall;
    else {
      untilIsUtc = true;
      until =
        untilValue.basis.kind === "utc"
          ? untilWall
          : wallToUtc(untilValue.dateOnly ? start.basis : untilValue.basis, untilWall);
    }
  }
  if (!Number.isFinite(count)) count = Number.POSITIVE_INFINITY;
  return {
    rank,
    interval: parts.interval,
    count,
    until,
    untilIsUtc,
    months,
    monthDays: nonEmpty(byMonthDay),
    yearDays: nonEmpty(parts.byYearDay),
    weekNos: parts.byWeekNo.length > 0 ? new Set(parts.byWeekNo) : undefined,
    weekdayMask,
    nthWeekdays,
    nthInMonth: parts.freq === "MONTHLY" || (parts.freq === "YEARLY" && parts.byMonth.length > 0),
    hasDayFilter: byDay.length > 0,
    hours: timeList(parts.byHour, FREQUENCY_RANK.HOURLY, local.hour, 23),
    minutes: timeList(parts.byMinute, FREQUENCY_RANK.MINUTELY, local.minute, 59),
    seconds: timeList(parts.bySecond, FREQUENCY_RANK.SECONDLY, local.second, 59),
    setPos: nonEmpty(parts.bySetPos),
    weekStart: WEEKDAYS.indexOf(parts.weekStart),
    skip: parts.skip,
  };
}

const weekOneStarts = new Map<number, number>();

/** Day number on which week 1 of `year` starts for a week start day (the first week with ≥ 4 days in the year). */
function weekOneStart(year: number, weekStart: number): number {
  const key = year * 8 + weekStart;
  const cached = weekOneStarts.get(key);
  if (cached !== undefined) return cached;
  const janFirst = daysFromCivil(year, 1, 1);
  const back = (weekdayOfDay(janFirst) - weekStart + 7) % 7;
  const result = 7 - back >= 4 ? janFirst - back : janFirst - back + 7;
  weekOneStarts.set(key, result);
  return result;
}

function matchesWeekNo(plan: ExpansionPlan, weekNos: ReadonlySet<number>, dayNumber: number, year: number): boolean {
  let weekYear = year;
  if (dayNumber < weekOneStart(year, plan.weekStart)) weekYear = year - 1;
  else if (dayNumber >= weekOneStart(year + 1, plan.weekStart)) weekYear = year + 1;
  const first = weekOneStart(weekYear, plan.weekStart);
  const weeks = (weekOneStart(weekYear + 1, plan.weekStart) - first) / 7;
  const week = Math.floor((dayNumber - first) / 7) + 1;
  return weekNos.has(week) || weekNos.has(week - weeks - 1);
}

/** The checks that apply to a date whatever produced it: BYYEARDAY, BYWEEKNO, BYDAY. */
function passesDayFilters(plan: ExpansionPlan, dayNumber: number, year: number, month: number, day: number): boolean {
  if (plan.yearDays !== undefined) {
    const yearDay = dayNumber - daysFromCivil(year, 1, 1) + 1;
    const fromEnd = yearDay - daysInYear(year) - 1;
    if (!plan.yearDays.some((value) => value === yearDay || value === fromEnd)) return false;
  }
  if (plan.weekNos !== undefined && !matchesWeekNo(plan, plan.weekNos, dayNumber, year)) return false;
  if (plan.hasDayFilter) {
    const weekday = weekdayOfDay(dayNumber);
    if ((plan.weekdayMask & (1 << weekday)) !== 0) return true;
    if (plan.nthWeekdays.length === 0) return false;
    let position: number;
    let length: number;
    if (plan.nthInMonth) {
      position = day;
      length = daysInMonth(year, month);
    } else {
      position = dayNumber - daysFromCivil(year, 1, 1) + 1;
      length = daysInYear(year);
    }
    const fromStart = Math.floor((position - 1) / 7) + 1;
    const fromEnd = -(Math.floor((length - position) / 7) + 1);
    return plan.nthWeekdays.some(
      (entry) => entry.weekday === weekday && (entry.ordinal === fromStart || entry.ordinal === fromEnd),
    );
  }
  return true;
}

/** BYMONTHDAY as a limit on one date (weekly and finer periods), SKIP-aware. */
function matchesMonthDay(
  plan: ExpansionPlan,
  monthDays: readonly number[],
  year: number,
  month: number,
  day: number,
): boolean {
  const length = daysInMonth(year, month);
  for (const value of monthDays) {
    if (value > 0 ? value === day : length + value + 1 === day) return true;
    if (plan.skip === "OMIT") continue;
    if (value > 0) {
      const previousLength = month === 1 ? 31 : daysInMonth(year, month - 1);
      if (plan.skip === "BACKWARD" && value > length && day === length) return true;
      if (plan.skip === "FORWARD" && value > previousLength && day === 1) return true;
    } else {
      const nextLength = month === 12 ? 31 : daysInMonth(year, month + 1);
      if (plan.skip === "BACKWARD" && -value > nextLength && day === length) return true;
      if (plan.skip === "FORWARD" && -value > length && day === 1) return true;
    }
  }
  return false;
}

/** Every check on one date (the day-by-day periods: WEEKLY and finer). */
function dayMatches(plan: ExpansionPlan, dayNumber: number): boolean {
  const { year, month, day } = civilFromDays(dayNumber);
  if (plan.months !== undefined && plan.months[month] !== true) return false;
  if (plan.monthDays !== undefined && !matchesMonthDay(plan, plan.monthDays, year, month, day)) return false;
  return passesDayFilters(plan, dayNumber, year, month, day);
}

/** Adds the matching days of one month (MONTHLY/YEARLY periods), BYMONTHDAY expanded with SKIP. */
function addMonthDays(plan: ExpansionPlan, year: number, month: number, into: number[]): void {
  const first = daysFromCivil(year, month, 1);
  const length = daysInMonth(year, month);
  if (plan.monthDays === undefined) {
    for (let day = 1; day <= length; day += 1)
      if (passesDayFilters(plan, first + day - 1, year, month, day)) into.push(first + day - 1);
    return;
  }
  for (const value of plan.monthDays) {
    let dayNumber: number;
    if (value > 0 ? value <= length : -value <= length)
      dayNumber = value > 0 ? first + value - 1 : first + length + value;
    else if (plan.skip === "OMIT") continue;
    else if (value > 0) dayNumber = plan.skip === "BACKWARD" ? first + length - 1 : first + length;
    else dayNumber = plan.skip === "BACKWARD" ? first - 1 : first;
    const civil =
      dayNumber >= first && dayNumber < first + length
        ? { year, month, day: dayNumber - first + 1 }
        : civilFromDays(dayNumber);
    if (passesDayFilters(plan, dayNumber, civil.year, civil.month, civil.day)) into.push(dayNumber);
  }
}

function timesOfDay(plan: ExpansionPlan): number[] {
  const out: number[] = [];
  for (const hour of plan.hours ?? [])
    for (const minute of plan.minutes ?? [])
      for (const second of plan.seconds ?? []) out.push(hour * 3600 + minute * 60 + second);
  return out.sort((a, b) => a - b);
}

function selectSetPositions(candidates: number[], setPos: readonly number[]): number[] {
  const picked = new Set<number>();
  for (const position of setPos) {
    const index = position > 0 ? position - 1 : candidates.length + position;
    const value = candidates[index];
    if (value !== undefined) picked.add(value);
  }
  return [...picked].sort((a, b) => a - b);
}

/** Emits occurrences in order, enforcing DTSTART-first, COUNT and UNTIL. */
class Emitter {
  private emitted = 0;
  private lastWall: number;

  constructor(
    private readonly plan: ExpansionPlan,
    private readonly basis: TimeBasis,
    startWall: number,
    private readonly visit: RawVisitor,
  ) {
    this.lastWall = startWall - 1;
  }

  /**
   * True when a whole Gregorian cycle (400 years, 146097 days: every calendar pattern repeats) times the interval
   * has passed since the last occurrence: the rule can never match again, so an impossible rule ends quickly.
   */
  exhausted(periodWall: number): boolean {
    return periodWall - this.lastWall > GREGORIAN_CYCLE_SECONDS * this.plan.interval;
  }

  /** Offers one candidate; returns false once the expansion must stop. */
  offer(wall: number): boolean {
    if (wall <= this.lastWall) return true;
    const utc = wallToUtc(this.basis, wall);
    if ((this.plan.untilIsUtc ? utc : wall) > this.plan.until) return false;
    this.lastWall = wall;
    this.emitted += 1;
    return this.visit(wall, utc) && this.emitted < this.plan.count;
  }

  offerAll(candidates: readonly number[]): boolean {
    for (const wall of candidates) if (!this.offer(wall)) return false;
    return true;
  }
}

function periodCandidates(plan: ExpansionPlan, days: readonly number[], times: readonly number[]): number[] {
  const candidates: number[] = [];
  const sortedDays = days.length > 1 ? [...new Set(days)].sort((a, b) => a - b) : days;
  for (const dayNumber of sortedDays) for (const time of times) candidates.push(dayNumber * SECONDS_PER_DAY + time);
  return plan.setPos === undefined ? candidates : selectSetPositions(candidates, plan.setPos);
}

function expandCoarse(plan: ExpansionPlan, startWall: number, emitter: Emitter): void {
  const startDay = Math.floor(startWall / SECONDS_PER_DAY);
  const start = civilFromDays(startDay);
  const times = timesOfDay(plan);
  if (times.length === 0) return;
  const days: number[] = [];
  if (plan.rank === FREQUENCY_RANK.YEARLY) {
    for (let year = start.year; year <= LAST_YEAR; year += plan.interval) {
      if (emitter.exhausted(daysFromCivil(year, 1, 1) * SECONDS_PER_DAY)) return;
      days.length = 0;
      for (let month = 1; month <= 12; month += 1)
        if (plan.months === undefined || plan.months[month] === true) addMonthDays(plan, year, month, days);
      if (!emitter.offerAll(periodCandidates(plan, days, times))) return;
    }
  } else if (plan.rank === FREQUENCY_RANK.MONTHLY) {
    for (let index = start.year * 12 + start.month - 1; Math.floor(index / 12) <= LAST_YEAR; index += plan.interval) {
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      if (emitter.exhausted(daysFromCivil(year, month, 1) * SECONDS_PER_DAY)) return;
      if (plan.months !== undefined && plan.months[month] !== true) continue;
      days.length = 0;
      addMonthDays(plan, year, month, days);
      if (!emitter.offerAll(periodCandidates(plan, days, times))) return;
    }
  } else {
    const step = plan.rank === FREQUENCY_RANK.WEEKLY ? 7 : 1;
    const width = step;
    const first = step === 7 ? startDay - ((weekdayOfDay(startDay) - plan.weekStart + 7) % 7) : startDay;
    const lastDay = daysFromCivil(LAST_YEAR, 12, 31);
    for (let periodStart = first; periodStart <= lastDay; periodStart += step * plan.interval) {
      if (emitter.exhausted(periodStart * SECONDS_PER_DAY)) return;
      days.length = 0;
      for (let dayNumber = periodStart; dayNumber < periodStart + width; dayNumber += 1)
        if (dayMatches(plan, dayNumber)) days.push(dayNumber);
      if (days.length > 0 && !emitter.offerAll(periodCandidates(plan, days, times))) return;
    }
  }
}

const UNIT_SECONDS = [1, 60, 3600] as const;

function expandFine(plan: ExpansionPlan, startWall: number, emitter: Emitter): void {
  const unit = UNIT_SECONDS[plan.rank] ?? 1;
  const firstUnit = Math.floor(startWall / unit);
  const lastWall = (daysFromCivil(LAST_YEAR, 12, 31) + 1) * SECONDS_PER_DAY;
  let cachedDay = Number.NaN;
  let cachedDayMatches = false;
  const hourSet = plan.hours === undefined ? undefined : new Set(plan.hours);
  const minuteSet = plan.minutes === undefined ? undefined : new Set(plan.minutes);
  const secondSet = plan.seconds === undefined ? undefined : new Set(plan.seconds);
  // Within one period (an hour, a minute, a second) the finer parts expand.
  const inner: number[] = [];
  if (plan.rank === FREQUENCY_RANK.HOURLY)
    for (const minute of plan.minutes ?? []) for (const second of plan.seconds ?? []) inner.push(minute * 60 + second);
  else if (plan.rank === FREQUENCY_RANK.MINUTELY) for (const second of plan.seconds ?? []) inner.push(second);
  else inner.push(0);
  inner.sort((a, b) => a - b);
  let step = 0;
  const jumpTo = (boundaryWall: number): void => {
    step = Math.max(step + 1, Math.ceil((boundaryWall / unit - firstUnit) / plan.interval));
  };
  for (;;) {
    const wall = (firstUnit + step * plan.interval) * unit;
    if (wall >= lastWall || emitter.exhausted(wall)) return;
    const dayNumber = Math.floor(wall / SECONDS_PER_DAY);
    if (dayNumber !== cachedDay) {
      cachedDay = dayNumber;
      cachedDayMatches = dayMatches(plan, dayNumber);
    }
    if (!cachedDayMatches) {
      jumpTo((dayNumber + 1) * SECONDS_PER_DAY);
      continue;
    }
    const secondOfDay = wall - dayNumber * SECONDS_PER_DAY;
    const hour = Math.floor(secondOfDay / 3600);
    if (hourSet !== undefined && !hourSet.has(hour)) {
      jumpTo(dayNumber * SECONDS_PER_DAY + (hour + 1) * 3600);
      continue;
    }
    const minute = Math.floor((secondOfDay % 3600) / 60);
    if (plan.rank <= FREQUENCY_RANK.MINUTELY && minuteSet !== undefined && !minuteSet.has(minute)) {
      jumpTo(wall - (secondOfDay % 60) + 60);
      continue;
    }
    if (plan.rank === FREQUENCY_RANK.SECONDLY && secondSet !== undefined && !secondSet.has(secondOfDay % 60)) {
      step += 1;
      continue;
    }
    const candidates = inner.map((offset) => wall + offset);
    const selected = plan.setPos === undefined ? candidates : selectSetPositions(candidates, plan.setPos);
    if (!emitter.offerAll(selected)) return;
    step += 1;
  }
}

/** Runs the RRULE part only (DTSTART first, then the rule), without EXDATE/RDATE. */
function expandRecurrence(rule: RecurrenceRule, visit: RawVisitor, startCounts: boolean): void {
  const startWall = toWallSeconds(rule.start.local);
  const recur = rule.recur;
  if (recur === undefined) {
    visit(startWall, wallToUtc(rule.start.basis, startWall));
    return;
  }
  const plan = compilePlan(recur, rule.start);
  const emitter = new Emitter(plan, rule.start.basis, startWall, visit);
  // RFC 5545: DTSTART always counts as the first occurrence.
  if (startCounts && !emitter.offer(startWall)) return;
  if (plan.rank >= FREQUENCY_RANK.DAILY) expandCoarse(plan, startWall, emitter);
  else expandFine(plan, startWall, emitter);
}

function valueWall(value: RuleDateValue): number {
  return toWallSeconds(value.local);
}

/** UTC seconds of an EXDATE/RDATE value, read in the rule's basis when it is floating. */
function valueUtc(value: RuleDateValue, ruleBasis: TimeBasis): number {
  const basis = value.basis.kind === "floating" ? ruleBasis : value.basis;
  return wallToUtc(basis, valueWall(value));
}

/** Wall seconds of a value on the rule's wall clock (UTC or other-zone values are moved into the rule's zone). */
function valueWallInRule(value: RuleDateValue, ruleBasis: TimeBasis, utc: number): number {
  if (value.basis.kind === "floating" || ruleBasis.kind !== "zoned") return valueWall(value);
  if (value.basis.kind === "zoned" && value.basis.zone === ruleBasis.zone) return valueWall(value);
  return utcSecondsToWallSeconds(ruleBasis.zone, utc);
}

/**
 * The whole recurrence set in time order: RRULE (with DTSTART) ∪ RDATE, minus EXDATE. With `startCounts: false`
 * DTSTART is only the lower bound, not an occurrence by itself (the presets use it to find the first real date).
 * @example expandRule(rule, (wall, utc) => { console.log(utc); return true; })
 */
export function expandRule(rule: RecurrenceRule, visit: RawVisitor, startCounts = true): void {
  const basis = rule.start.basis;
  const excludedInstants = new Set<number>();
  const excludedDays = new Set<number>();
  for (const value of rule.exdates) {
    if (value.dateOnly) excludedDays.add(daysFromCivil(value.local.year, value.local.month, value.local.day));
    else excludedInstants.add(valueUtc(value, basis));
  }
  const extra = rule.rdates
    .map((value) => {
      const utc = valueUtc(value, basis);
      return { utc, wall: valueWallInRule(value, basis, utc) };
    })
    .sort((a, b) => a.utc - b.utc);
  let nextExtra = 0;
  let lastUtc = Number.NEGATIVE_INFINITY;
  const state = { stopped: false };
  const excluded = (wall: number, utc: number): boolean =>
    excludedInstants.has(utc) || (excludedDays.size > 0 && excludedDays.has(Math.floor(wall / SECONDS_PER_DAY)));
  const emit = (wall: number, utc: number): boolean => {
    if (excluded(wall, utc)) return true;
    if (utc === lastUtc) return true;
    lastUtc = utc;
    if (!visit(wall, utc)) state.stopped = true;
    return !state.stopped;
  };
  expandRecurrence(
    rule,
    (wall, utc) => {
      while (nextExtra < extra.length && (extra[nextExtra]?.utc ?? 0) < utc) {
        const item = extra[nextExtra] as { utc: number; wall: number };
        nextExtra += 1;
        if (!emit(item.wall, item.utc)) return false;
      }
      return emit(wall, utc);
    },
    startCounts,
  );
  while (!state.stopped && nextExtra < extra.length) {
    const item = extra[nextExtra] as { utc: number; wall: number };
    nextExtra += 1;
    emit(item.wall, item.utc);
  }
}
