// Parsing and formatting: errors are values naming the offending part; format∘parse round-trips.
import { formatProblem } from "../problem.js";
import { formatRule } from "./format.js";
import { parseRule } from "./parse.js";

function messages(text: string): string[] {
  const parsed = parseRule(text);
  return parsed.ok ? [] : parsed.problems.map((p) => p.message);
}

describe("parseRule", () => {
  it("names an out-of-range BYMONTHDAY", () => {
    expect(messages("DTSTART:20260101T090000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=32")).toEqual([
      "BYMONTHDAY=32: out of range -31..31",
    ]);
  });

  it("names an unknown FREQ", () => {
    expect(messages("DTSTART:20260101T090000Z\nRRULE:FREQ=FORTNIGHTLY")).toEqual(["FREQ=FORTNIGHTLY: unknown FREQ"]);
  });

  it("refuses UNTIL and COUNT together", () => {
    expect(messages("DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY;COUNT=3;UNTIL=20260201T000000Z")[0]).toMatch(
      /^UNTIL and COUNT together/,
    );
  });

  it("names an unknown TZID, with its line", () => {
    const parsed = parseRule("DTSTART;TZID=Mars/Olympus:20260101T090000\nRRULE:FREQ=DAILY", "client 42");
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map(formatProblem)).toEqual(["client 42:1: DTSTART: TZID Mars/Olympus unknown"]);
  });

  it.each([
    ["DTSTART:20260230T090000Z\nRRULE:FREQ=DAILY", "DTSTART:20260230T090000Z: no such date or time"],
    [
      "DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY;BYDAY=XX",
      "BYDAY=XX: not a weekday (MO…SU, optionally with an ordinal like -1FR)",
    ],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY;BYHOUR=24", "BYHOUR=24: out of range 0..23"],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY;INTERVAL=0", "INTERVAL=0: must be a positive integer"],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=MONTHLY;SKIP=BACKWARD", "SKIP: only allowed with RSCALE"],
    [
      "DTSTART:20260101T090000Z\nRRULE:RSCALE=HEBREW;FREQ=MONTHLY",
      "RSCALE=HEBREW: unsupported calendar (only GREGORIAN)",
    ],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS: needs another BYxxx part to select from"],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=MONTHLY;FOO=1", "FOO: unknown rule part"],
    ["RRULE:FREQ=MONTHLY", "DTSTART missing: a rule starts somewhere"],
  ])("reports %j as %j", (text, message) => {
    expect(messages(text)).toContain(message);
  });

  it("accepts folded lines, CRLF and lower-case names", () => {
    const parsed = parseRule("dtstart;tzid=Europe/Paris:20260130T090000\r\nRRULE:FREQ=MONTHLY;\r\n BYMONTHDAY=30");
    expect(parsed.ok && parsed.value.recur?.byMonthDay).toEqual([30]);
  });

  it("formats canonically (RSCALE first, defaults omitted) and round-trips", () => {
    const text =
      "DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:SKIP=BACKWARD;FREQ=MONTHLY;RSCALE=gregorian;INTERVAL=1;WKST=MO\n" +
      "EXDATE;TZID=Europe/Paris:20260330T090000,20260430T090000\nRDATE;VALUE=DATE:20261225";
    const parsed = parseRule(text);
    if (!parsed.ok) throw new Error("parse failed");
    const formatted = formatRule(parsed.value);
    expect(formatted).toBe(
      "DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=BACKWARD\n" +
        "EXDATE;TZID=Europe/Paris:20260330T090000,20260430T090000\nRDATE;VALUE=DATE:20261225",
    );
    const again = parseRule(formatted);
    expect(again.ok && again.value).toEqual(parsed.value);
  });

  it("warns (without failing) on BYWEEKNO outside FREQ=YEARLY", () => {
    const parsed = parseRule("DTSTART:20260101T090000Z\nRRULE:FREQ=MONTHLY;BYWEEKNO=3");
    expect(parsed.ok).toBe(true);
    expect(parsed.problems.map((p) => p.severity)).toEqual(["warning"]);
  });
});
