/**
 * Format stage: RecurrenceRule → canonical RFC 5545 text (fixed part order, defaults omitted), so that
 * parseRule(formatRule(rule)) gives back an equal rule.
 */
import type { LocalDateTime } from "./local-date-time.js";
import type { RecurrenceParts, RecurrenceRule, RuleDateValue, RuleText, TimeBasis } from "./rule.js";

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function compactDate(local: LocalDateTime): string {
  return `${pad(local.year, 4)}${pad(local.month)}${pad(local.day)}`;
}

/** "20260130T090000" (+ "Z" for UTC), or "20260130" for a DATE. */
function formatValue(value: RuleDateValue): string {
  const { local } = value;
  if (value.dateOnly) return compactDate(local);
  return `${compactDate(local)}T${pad(local.hour)}${pad(local.minute)}${pad(local.second)}${value.basis.kind === "utc" ? "Z" : ""}`;
}

function parameters(basis: TimeBasis, dateOnly: boolean): string {
  if (dateOnly) return ";VALUE=DATE";
  return basis.kind === "zoned" ? `;TZID=${basis.zone}` : "";
}

function formatRecur(parts: RecurrenceParts): string {
  const out: string[] = [];
  if (parts.rscale !== undefined) out.push(`RSCALE=${parts.rscale}`);
  out.push(`FREQ=${parts.freq}`);
  if (parts.interval !== 1) out.push(`INTERVAL=${parts.interval}`);
  if (parts.count !== undefined) out.push(`COUNT=${parts.count}`);
  if (parts.until !== undefined) out.push(`UNTIL=${formatValue(parts.until)}`);
  const lists: [string, readonly number[]][] = [
    ["BYSECOND", parts.bySecond],
    ["BYMINUTE", parts.byMinute],
    ["BYHOUR", parts.byHour],
  ];
  for (const [name, values] of lists) if (values.length > 0) out.push(`${name}=${values.join(",")}`);
  if (parts.byDay.length > 0)
    out.push(
      `BYDAY=${parts.byDay.map((entry) => `${entry.ordinal === 0 ? "" : entry.ordinal}${entry.weekday}`).join(",")}`,
    );
  const dayLists: [string, readonly number[]][] = [
    ["BYMONTHDAY", parts.byMonthDay],
    ["BYYEARDAY", parts.byYearDay],
    ["BYWEEKNO", parts.byWeekNo],
    ["BYMONTH", parts.byMonth],
    ["BYSETPOS", parts.bySetPos],
  ];
  for (const [name, values] of dayLists) if (values.length > 0) out.push(`${name}=${values.join(",")}`);
  if (parts.weekStart !== "MO") out.push(`WKST=${parts.weekStart}`);
  if (parts.skip !== "OMIT") out.push(`SKIP=${parts.skip}`);
  return `RRULE:${out.join(";")}`;
}

function formatDateLines(name: string, values: readonly RuleDateValue[]): string[] {
  const lines: string[] = [];
  let currentHead = "";
  let items: string[] = [];
  for (const value of values) {
    const head = `${name}${parameters(value.basis, value.dateOnly)}`;
    if (head !== currentHead && items.length > 0) {
      lines.push(`${currentHead}:${items.join(",")}`);
      items = [];
    }
    currentHead = head;
    items.push(formatValue(value));
  }
  if (items.length > 0) lines.push(`${currentHead}:${items.join(",")}`);
  return lines;
}

/**
 * Canonical text of a rule, lines separated by "\n".
 * @example
 * formatRule(parseRule("DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:FREQ=MONTHLY;SKIP=BACKWARD;RSCALE=GREGORIAN").value)
 * // "DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=BACKWARD"
 */
export function formatRule(rule: RecurrenceRule): RuleText {
  const lines = [`DTSTART${parameters(rule.start.basis, rule.start.dateOnly)}:${formatValue(rule.start)}`];
  if (rule.recur !== undefined) lines.push(formatRecur(rule.recur));
  lines.push(...formatDateLines("EXDATE", rule.exdates), ...formatDateLines("RDATE", rule.rdates));
  return lines.join("\n") as RuleText;
}
