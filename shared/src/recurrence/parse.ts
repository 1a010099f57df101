/**
 * Parse stage: RFC 5545 text (DTSTART[;TZID=…][;VALUE=DATE]:…[Z], RRULE:…, EXDATE…, RDATE… lines, folded or
 * not) → RuleOptions, then normalizeRule. Every syntax error is a Problem naming the line and the part.
 */
import { problem } from "../problem.js";
import type { Outcome, Problem } from "../problem.js";
import { isValidLocalDateTime } from "./local-date-time.js";
import { normalizeRule } from "./normalize.js";
import { WEEKDAYS } from "./rule.js";
import type {
  RecurrenceOptions,
  RecurrenceRule,
  RuleDateValue,
  RuleOptions,
  RuleText,
  TimeBasis,
  Weekday,
  WeekdayNum,
} from "./rule.js";
import { parseIanaZone } from "./zone.js";

interface ContentLine {
  readonly name: string;
  readonly params: ReadonlyMap<string, string>;
  readonly value: string;
  readonly line: number;
}

function splitContentLines(text: string): ContentLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: { text: string; line: number }[] = [];
  physical.forEach((raw, index) => {
    if ((raw.startsWith(" ") || raw.startsWith("\t")) && logical.length > 0) {
      const last = logical[logical.length - 1] as { text: string; line: number };
      last.text += raw.slice(1);
    } else if (raw.trim() !== "") logical.push({ text: raw.trim(), line: index + 1 });
  });
  return logical.map(({ text: lineText, line }) => {
    // A bare "FREQ=…" line is accepted as an RRULE (as rrulestr does).
    const colon = lineText.indexOf(":");
    if (colon < 0 && /^(FREQ|RSCALE)=/i.test(lineText))
      return { name: "RRULE", params: new Map(), value: lineText, line };
    const head = colon < 0 ? lineText : lineText.slice(0, colon);
    const value = colon < 0 ? "" : lineText.slice(colon + 1);
    const [name = "", ...paramTexts] = head.split(";");
    const params = new Map<string, string>();
    for (const paramText of paramTexts) {
      const equals = paramText.indexOf("=");
      params.set(
        (equals < 0 ? paramText : paramText.slice(0, equals)).toUpperCase(),
        equals < 0 ? "" : paramText.slice(equals + 1).replace(/^"(.*)"$/, "$1"),
      );
    }
    return { name: name.toUpperCase(), params, value, line };
  });
}

type Report = (line: number, field: string, code: string, message: string) => void;

/** Parses one DATE or DATE-TIME value ("20260130", "20260130T090000", "20260130T090000Z"). */
function parseDateValue(
  text: string,
  params: ReadonlyMap<string, string>,
  field: string,
  line: number,
  report: Report,
): RuleDateValue | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/i.exec(text.trim());
  if (match === null) {
    report(
      line,
      field,
      "recurrence.syntax",
      `${field}:${text}: not a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z])`,
    );
    return undefined;
  }
  const dateOnly = match[4] === undefined;
  const valueType = params.get("VALUE")?.toUpperCase();
  if (valueType === "DATE" && !dateOnly) {
    report(line, field, "recurrence.syntax", `${field};VALUE=DATE:${text}: a DATE has no time`);
    return undefined;
  }
  if (valueType === "PERIOD") {
    report(line, field, "recurrence.unsupported", `${field};VALUE=PERIOD: periods are not supported`);
    return undefined;
  }
  if (valueType !== undefined && valueType !== "DATE" && valueType !== "DATE-TIME") {
    report(line, field, "recurrence.syntax", `${field};VALUE=${valueType}: unknown value type`);
    return undefined;
  }
  const local = {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4] ?? "0"),
    minute: Number(match[5] ?? "0"),
    second: Number(match[6] ?? "0"),
  };
  if (!isValidLocalDateTime(local)) {
    report(line, field, "recurrence.date", `${field}:${text}: no such date or time`);
    return undefined;
  }
  const utc = (match[7] ?? "") !== "";
  const tzid = params.get("TZID");
  let basis: TimeBasis = utc ? { kind: "utc" } : { kind: "floating" };
  if (tzid !== undefined) {
    const zone = parseIanaZone(tzid);
    if (zone === undefined) {
      report(line, field, "recurrence.zone", `TZID ${tzid} unknown`);
      return undefined;
    }
    if (utc) {
      report(line, field, "recurrence.zone", `${field};TZID=${tzid}:${text}: a UTC ("Z") value takes no TZID`);
      return undefined;
    }
    if (dateOnly) {
      report(line, field, "recurrence.zone", `${field};TZID=${tzid}: a DATE takes no TZID`);
      return undefined;
    }
    basis = { kind: "zoned", zone };
  }
  return { local, basis, dateOnly };
}

const INTEGER_LIST_PARTS = {
  BYSECOND: "bySecond",
  BYMINUTE: "byMinute",
  BYHOUR: "byHour",
  BYMONTHDAY: "byMonthDay",
  BYYEARDAY: "byYearDay",
  BYWEEKNO: "byWeekNo",
  BYMONTH: "byMonth",
  BYSETPOS: "bySetPos",
} as const;

function parseInteger(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text.trim()) ? Number(text) : undefined;
}

function isWeekday(text: string): text is Weekday {
  return (WEEKDAYS as readonly string[]).includes(text);
}

type MutableOptions = { -readonly [K in keyof RecurrenceOptions]: RecurrenceOptions[K] };

function parseRecur(
  line: ContentLine,
  start: RuleDateValue | undefined,
  report: Report,
): RecurrenceOptions | undefined {
  const options: Partial<MutableOptions> = {};
  const seen = new Set<string>();
  let failed = false;
  const fail = (field: string, code: string, message: string): void => {
    failed = true;
    report(line.line, field, code, message);
  };
  for (const partText of line.value.split(";")) {
    if (partText.trim() === "") continue;
    const equals = partText.indexOf("=");
    const key = (equals < 0 ? partText : partText.slice(0, equals)).trim().toUpperCase();
    const value = equals < 0 ? "" : partText.slice(equals + 1).trim();
    if (seen.has(key)) {
      fail(key, "recurrence.duplicate", `${key}: given twice`);
      continue;
    }
    seen.add(key);
    if (value === "") {
      fail(key, "recurrence.syntax", `${key}: no value`);
      continue;
    }
    if (key in INTEGER_LIST_PARTS) {
      const numbers: number[] = [];
      for (const item of value.split(",")) {
        const parsed = parseInteger(item);
        if (parsed === undefined) fail(key, "recurrence.syntax", `${key}=${item}: not an integer`);
        else numbers.push(parsed);
      }
      options[INTEGER_LIST_PARTS[key as keyof typeof INTEGER_LIST_PARTS]] = numbers;
      continue;
    }
    switch (key) {
      case "FREQ":
        options.freq = value;
        break;
      case "INTERVAL":
      case "COUNT": {
        const parsed = parseInteger(value);
        if (parsed === undefined) fail(key, "recurrence.syntax", `${key}=${value}: not an integer`);
        else if (key === "INTERVAL") options.interval = parsed;
        else options.count = parsed;
        break;
      }
      case "UNTIL": {
        const until = parseDateValue(value, new Map(), "UNTIL", line.line, report);
        if (until === undefined) failed = true;
        else options.until = until;
        break;
      }
      case "BYDAY": {
        const entries: WeekdayNum[] = [];
        for (const item of value.split(",")) {
          const match = /^([+-]?\d{1,2})?([A-Z]{2})$/i.exec(item.trim());
          const weekday = match?.[2]?.toUpperCase() ?? "";
          if (match === null || !isWeekday(weekday)) {
            fail(
              key,
              "recurrence.syntax",
              `BYDAY=${item}: not a weekday (MO…SU, optionally with an ordinal like -1FR)`,
            );
            continue;
          }
          const ordinal = match[1] === undefined ? 0 : Number(match[1]);
          if (match[1] !== undefined && ordinal === 0) fail(key, "recurrence.range", `BYDAY=${item}: ordinal 0`);
          else entries.push({ weekday, ordinal });
        }
        options.byDay = entries;
        break;
      }
      case "WKST": {
        const upper = value.toUpperCase();
        if (isWeekday(upper)) options.weekStart = upper;
        else fail(key, "recurrence.syntax", `WKST=${value}: not a weekday (MO…SU)`);
        break;
      }
      case "RSCALE":
        options.rscale = value;
        break;
      case "SKIP":
        options.skip = value;
        break;
      default:
        fail(key, "recurrence.unknown-part", `${key}: unknown rule part`);
    }
  }
  if (options.freq === undefined) {
    fail("FREQ", "recurrence.freq", "FREQ missing: every RRULE needs one");
    return undefined;
  }
  if (
    options.until !== undefined &&
    start !== undefined &&
    start.basis.kind === "zoned" &&
    options.until.basis.kind === "floating" &&
    !options.until.dateOnly
  ) {
    // RFC 5545 wants UNTIL in UTC here; a wall-clock UNTIL is read in DTSTART's zone.
    options.until = { ...options.until, basis: start.basis };
  }
  return failed ? undefined : (options as RecurrenceOptions);
}

/**
 * Parses the text form of a rule.
 * @example
 * parseRule(ruleText("DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=BACKWARD"))
 * // { ok: true, value: { start: …, recur: { freq: "MONTHLY", skip: "BACKWARD", … }, … }, problems: [] }
 * parseRule(ruleText("DTSTART;TZID=Mars/Olympus:20260130T090000")).problems[0].message // "TZID Mars/Olympus unknown"
 */
export function parseRule(text: RuleText | string, source = "rule"): Outcome<RecurrenceRule> {
  const problems: Problem[] = [];
  const report: Report = (line, field, code, message) => {
    problems.push(problem("error", code, message, { file: source, line, field }));
  };
  const lines = splitContentLines(text);
  const lineOfField = new Map<string, number>();
  let start: RuleDateValue | undefined;
  let startSeen = false;
  let recur: RecurrenceOptions | undefined;
  let recurLine: ContentLine | undefined;
  const exdates: RuleDateValue[] = [];
  const rdates: RuleDateValue[] = [];
  for (const line of lines) {
    if (line.name === "DTSTART") {
      if (startSeen) report(line.line, "DTSTART", "recurrence.duplicate", "DTSTART: given twice");
      startSeen = true;
      start = parseDateValue(line.value, line.params, "DTSTART", line.line, report);
      lineOfField.set("DTSTART", line.line);
    }
  }
  if (!startSeen)
    problems.push(
      problem("error", "recurrence.dtstart", "DTSTART missing: a rule starts somewhere", {
        file: source,
        field: "DTSTART",
      }),
    );
  for (const line of lines) {
    switch (line.name) {
      case "DTSTART":
        break;
      case "RRULE":
        if (recurLine !== undefined) {
          report(line.line, "RRULE", "recurrence.duplicate", "RRULE: only one per rule");
          break;
        }
        recurLine = line;
        recur = parseRecur(line, start, report);
        break;
      case "EXDATE":
      case "RDATE":
        for (const item of line.value.split(",")) {
          const value = parseDateValue(item, line.params, line.name, line.line, report);
          if (value !== undefined) (line.name === "EXDATE" ? exdates : rdates).push(value);
        }
        break;
      case "EXRULE":
        report(line.line, line.name, "recurrence.unsupported", "EXRULE: deprecated by RFC 5545 and not supported");
        break;
      default:
        report(
          line.line,
          line.name,
          "recurrence.unknown-line",
          `${line.name}: unknown line (DTSTART, RRULE, EXDATE or RDATE)`,
        );
    }
  }
  if (problems.length > 0 || start === undefined || (recurLine !== undefined && recur === undefined))
    return { ok: false, problems };
  const options: RuleOptions = { start, ...(recur === undefined ? {} : { recur }), exdates, rdates };
  return normalizeRule(options, {
    file: source,
    lineOf: (field) => lineOfField.get(field) ?? recurLine?.line,
  });
}
