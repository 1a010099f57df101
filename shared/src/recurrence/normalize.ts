/**
 * Normalize stage: loose RuleOptions → RecurrenceRule. Checks every range and combination RFC 5545 / RFC 7529
 * impose, reporting each as a Problem naming the offending part ("BYMONTHDAY=32: out of range -31..31"), and
 * sorts/deduplicates lists so that equal rules are equal objects (parse∘format is the identity).
 */
import { problem } from "../problem.js";
import type { Outcome, Problem } from "../problem.js";
import { FREQUENCIES, WEEKDAYS } from "./rule.js";
import type {
  Frequency,
  RecurrenceOptions,
  RecurrenceParts,
  RecurrenceRule,
  RuleDateValue,
  RuleOptions,
  Skip,
  WeekdayNum,
} from "./rule.js";
import { formatLocalIso } from "./local-date-time.js";

/** Where problems are reported: the source label and, when known, the line each field came from. */
export interface ProblemContext {
  readonly file: string;
  readonly lineOf?: (field: string) => number | undefined;
}

const DEFAULT_CONTEXT: ProblemContext = { file: "rule" };

function sortedUnique(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function compareValues(a: RuleDateValue, b: RuleDateValue): number {
  const left = `${a.basis.kind}${a.basis.kind === "zoned" ? a.basis.zone : ""}${formatLocalIso(a.local)}${a.dateOnly ? "D" : "T"}`;
  const right = `${b.basis.kind}${b.basis.kind === "zoned" ? b.basis.zone : ""}${formatLocalIso(b.local)}${b.dateOnly ? "D" : "T"}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

function sortedValues(values: readonly RuleDateValue[]): RuleDateValue[] {
  const sorted = [...values].sort(compareValues);
  return sorted.filter((value, index) => index === 0 || compareValues(sorted[index - 1] as RuleDateValue, value) !== 0);
}

/**
 * Checks and normalizes loose options.
 * @example
 * normalizeRule({ start, recur: { freq: "MONTHLY", byMonthDay: [32] } })
 * // { ok: false, problems: [{ code: "recurrence.range", message: "BYMONTHDAY=32: out of range -31..31", … }] }
 */
export function normalizeRule(
  options: RuleOptions,
  context: ProblemContext = DEFAULT_CONTEXT,
): Outcome<RecurrenceRule> {
  const problems: Problem[] = [];
  const report = (severity: "error" | "warning", code: string, field: string, message: string): void => {
    const line = context.lineOf?.(field);
    problems.push(
      problem(
        severity,
        code,
        message,
        line === undefined ? { file: context.file, field } : { file: context.file, line, field },
      ),
    );
  };
  const recur = options.recur === undefined ? undefined : normalizeParts(options.recur, options.start, report);
  for (const [field, values] of [
    ["EXDATE", options.exdates ?? []],
    ["RDATE", options.rdates ?? []],
  ] as const) {
    for (const value of values) {
      if (value.basis.kind !== "floating" && options.start.basis.kind === "floating")
        report("error", "recurrence.basis", field, `${field}: a floating DTSTART takes floating ${field} values`);
    }
  }
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  const rule: RecurrenceRule = {
    start: options.start,
    ...(recur === undefined ? {} : { recur }),
    exdates: sortedValues(options.exdates ?? []),
    rdates: sortedValues(options.rdates ?? []),
  };
  return { ok: true, value: rule, problems };
}

type Report = (severity: "error" | "warning", code: string, field: string, message: string) => void;

function checkRange(
  report: Report,
  field: string,
  values: readonly number[],
  min: number,
  max: number,
  zeroAllowed: boolean,
): void {
  for (const value of values) {
    if (!Number.isInteger(value) || value < min || value > max || (!zeroAllowed && value === 0)) {
      const range = zeroAllowed ? `${min}..${max}` : `${min}..${max}, not 0`;
      report(
        "error",
        "recurrence.range",
        field,
        `${field}=${value}: out of range ${min < 0 ? `${min}..${max}` : range}`,
      );
    }
  }
}

function normalizeParts(options: RecurrenceOptions, start: RuleDateValue, report: Report): RecurrenceParts | undefined {
  const before = { errors: 0 };
  const counting: Report = (severity, code, field, message) => {
    if (severity === "error") before.errors += 1;
    report(severity, code, field, message);
  };
  const freq = options.freq.toUpperCase();
  if (!(FREQUENCIES as readonly string[]).includes(freq))
    counting("error", "recurrence.freq", "FREQ", `FREQ=${options.freq}: unknown FREQ`);
  const interval = options.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1)
    counting("error", "recurrence.range", "INTERVAL", `INTERVAL=${interval}: must be a positive integer`);
  if (options.count !== undefined && (!Number.isInteger(options.count) || options.count < 1))
    counting("error", "recurrence.range", "COUNT", `COUNT=${options.count}: must be a positive integer`);
  if (options.count !== undefined && options.until !== undefined)
    counting("error", "recurrence.until-count", "UNTIL", "UNTIL and COUNT together: a rule may have one or the other");
  if (options.until !== undefined) {
    if (start.dateOnly && !options.until.dateOnly)
      counting("error", "recurrence.until", "UNTIL", "UNTIL: must be a DATE when DTSTART is a DATE");
    if (start.basis.kind === "floating" && options.until.basis.kind === "utc" && !start.dateOnly)
      counting(
        "warning",
        "recurrence.until",
        "UNTIL",
        "UNTIL: a UTC value with a floating DTSTART is compared as wall-clock",
      );
  }
  checkRange(counting, "BYSECOND", options.bySecond ?? [], 0, 60, true);
  checkRange(counting, "BYMINUTE", options.byMinute ?? [], 0, 59, true);
  checkRange(counting, "BYHOUR", options.byHour ?? [], 0, 23, true);
  checkRange(counting, "BYMONTHDAY", options.byMonthDay ?? [], -31, 31, false);
  checkRange(counting, "BYYEARDAY", options.byYearDay ?? [], -366, 366, false);
  checkRange(counting, "BYWEEKNO", options.byWeekNo ?? [], -53, 53, false);
  checkRange(counting, "BYMONTH", options.byMonth ?? [], 1, 12, true);
  checkRange(counting, "BYSETPOS", options.bySetPos ?? [], -366, 366, false);
  for (const entry of options.byDay ?? []) {
    if (!Number.isInteger(entry.ordinal) || entry.ordinal < -53 || entry.ordinal > 53)
      counting(
        "error",
        "recurrence.range",
        "BYDAY",
        `BYDAY=${entry.ordinal}${entry.weekday}: ordinal out of range -53..53`,
      );
    if (!(WEEKDAYS as readonly string[]).includes(entry.weekday))
      counting("error", "recurrence.weekday", "BYDAY", `BYDAY=${entry.weekday}: unknown weekday`);
  }
  if (
    start.dateOnly &&
    ((options.byHour?.length ?? 0) > 0 || (options.byMinute?.length ?? 0) > 0 || (options.bySecond?.length ?? 0) > 0)
  )
    counting("error", "recurrence.date-only", "BYHOUR", "BYHOUR/BYMINUTE/BYSECOND: DTSTART is a DATE (no time of day)");
  if (start.dateOnly && ["HOURLY", "MINUTELY", "SECONDLY"].includes(freq))
    counting("error", "recurrence.date-only", "FREQ", `FREQ=${freq}: DTSTART is a DATE (no time of day)`);
  const hasOtherBy = [
    options.bySecond,
    options.byMinute,
    options.byHour,
    options.byDay,
    options.byMonthDay,
    options.byYearDay,
    options.byWeekNo,
    options.byMonth,
  ].some((list) => (list?.length ?? 0) > 0);
  if ((options.bySetPos?.length ?? 0) > 0 && !hasOtherBy)
    counting("error", "recurrence.setpos", "BYSETPOS", "BYSETPOS: needs another BYxxx part to select from");
  let rscale: "GREGORIAN" | undefined;
  if (options.rscale !== undefined) {
    if (options.rscale.toUpperCase() === "GREGORIAN") rscale = "GREGORIAN";
    else
      counting(
        "error",
        "recurrence.rscale",
        "RSCALE",
        `RSCALE=${options.rscale}: unsupported calendar (only GREGORIAN)`,
      );
  }
  let skip: Skip = "OMIT";
  if (options.skip !== undefined) {
    const upper = options.skip.toUpperCase();
    if (upper === "OMIT" || upper === "BACKWARD" || upper === "FORWARD") skip = upper;
    else counting("error", "recurrence.skip", "SKIP", `SKIP=${options.skip}: unknown SKIP (OMIT, BACKWARD or FORWARD)`);
    if (options.rscale === undefined) counting("error", "recurrence.skip", "SKIP", "SKIP: only allowed with RSCALE");
  }
  if (freq !== "YEARLY" && (options.byWeekNo?.length ?? 0) > 0)
    counting(
      "warning",
      "recurrence.weekno",
      "BYWEEKNO",
      "BYWEEKNO: only meaningful with FREQ=YEARLY; used as a filter",
    );
  if (before.errors > 0) return undefined;
  const byDay = [
    ...new Map((options.byDay ?? []).map((entry) => [`${entry.ordinal}${entry.weekday}`, entry])).values(),
  ].sort((a, b) => a.ordinal - b.ordinal || WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday));
  return {
    freq: freq as Frequency,
    interval,
    ...(options.count === undefined ? {} : { count: options.count }),
    ...(options.until === undefined ? {} : { until: options.until }),
    bySecond: sortedUnique(options.bySecond ?? []),
    byMinute: sortedUnique(options.byMinute ?? []),
    byHour: sortedUnique(options.byHour ?? []),
    byDay: byDay.map((entry): WeekdayNum => ({ weekday: entry.weekday, ordinal: entry.ordinal })),
    byMonthDay: sortedUnique(options.byMonthDay ?? []),
    byYearDay: sortedUnique(options.byYearDay ?? []),
    byWeekNo: sortedUnique(options.byWeekNo ?? []),
    byMonth: sortedUnique(options.byMonth ?? []),
    bySetPos: sortedUnique(options.bySetPos ?? []),
    weekStart: options.weekStart ?? "MO",
    ...(rscale === undefined ? {} : { rscale }),
    skip,
  };
}
