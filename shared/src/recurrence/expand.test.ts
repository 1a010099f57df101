// Expansion behaviours the product depends on: anchoring, SKIP, DST, collectors, EXDATE/RDATE.
import { all, between, firstAfter, nextN } from "./collect.js";
import { formatInstant, instant } from "./instant.js";
import { formatLocalIso } from "./local-date-time.js";
import { parseRule } from "./parse.js";
import type { RecurrenceRule } from "./rule.js";

function rule(text: string): RecurrenceRule {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  return parsed.value;
}

const utcOf = (r: RecurrenceRule, limit: number): string[] => all(r, { limit }).map((o) => formatInstant(o.instant));
const localOf = (r: RecurrenceRule, limit: number): string[] => all(r, { limit }).map((o) => formatLocalIso(o.local));

describe("expansion", () => {
  it("monthly anchored on 31 January 2027 with SKIP=BACKWARD gives 28 Feb, 31 Mar, 30 Apr (anchored, not chained)", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20270131T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=BACKWARD");
    expect(localOf(r, 4)).toEqual([
      "2027-01-31T09:00:00",
      "2027-02-28T09:00:00",
      "2027-03-31T09:00:00",
      "2027-04-30T09:00:00",
    ]);
  });

  it("09:00 Europe/Paris is 08:00Z on 27 March 2026 and 07:00Z on 27 April 2026", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20260327T090000\nRRULE:FREQ=MONTHLY;COUNT=2");
    expect(utcOf(r, 2)).toEqual(["2026-03-27T08:00:00Z", "2026-04-27T07:00:00Z"]);
  });

  it("a time in the spring-forward gap takes the offset before the gap (02:30 → 03:30 CEST)", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20260328T023000\nRRULE:FREQ=DAILY;COUNT=3");
    expect(utcOf(r, 3)).toEqual(["2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z"]);
    expect(localOf(r, 3)[1]).toBe("2026-03-29T02:30:00");
  });

  it("an ambiguous fall-back time takes its first occurrence (02:30 CEST, not CET)", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20261024T023000\nRRULE:FREQ=DAILY;COUNT=2");
    expect(utcOf(r, 2)).toEqual(["2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z"]);
  });

  it("the BYSETPOS recipe BYMONTHDAY=28,29,30;BYSETPOS=-1 equals SKIP=BACKWARD on the 30th", () => {
    const recipe = rule(
      "DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1",
    );
    const skip = rule(
      "DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30;SKIP=BACKWARD",
    );
    expect(utcOf(recipe, 120)).toEqual(utcOf(skip, 120));
    expect(localOf(skip, 2)[1]).toBe("2026-02-28T09:00:00");
    expect(localOf(skip, 26)[25]).toBe("2028-02-29T09:00:00");
  });

  it("SKIP=FORWARD moves 31 April to 1 May; SKIP applies with an explicit BYMONTHDAY", () => {
    const r = rule("DTSTART:20260331T090000Z\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=31;SKIP=FORWARD;COUNT=3");
    expect(utcOf(r, 3)).toEqual(["2026-03-31T09:00:00Z", "2026-05-01T09:00:00Z", "2026-05-31T09:00:00Z"]);
  });

  it("SKIP=BACKWARD on a yearly 29 February gives 28 February in common years", () => {
    const r = rule("DTSTART:20240229T090000Z\nRRULE:RSCALE=GREGORIAN;FREQ=YEARLY;SKIP=BACKWARD;COUNT=3");
    expect(utcOf(r, 3)).toEqual(["2024-02-29T09:00:00Z", "2025-02-28T09:00:00Z", "2026-02-28T09:00:00Z"]);
  });

  it("nextN and firstAfter return occurrences strictly after the given instant", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20260127T090000\nRRULE:FREQ=MONTHLY");
    expect(nextN(r, instant("2026-03-27T08:00:00Z"), 2).map((o) => formatInstant(o.instant))).toEqual([
      "2026-04-27T07:00:00Z",
      "2026-05-27T07:00:00Z",
    ]);
    expect(firstAfter(r, instant("2026-03-01T00:00:00Z"))?.instant).toBe(instant("2026-03-27T08:00:00Z"));
  });

  it("between is half-open: it includes `from` and excludes `to`", () => {
    const r = rule("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY");
    const got = between(r, instant("2026-01-02T00:00:00Z"), instant("2026-01-04T00:00:00Z"));
    expect(got.map((o) => formatInstant(o.instant))).toEqual(["2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"]);
  });

  it("firstAfter is undefined once a finite rule has ended", () => {
    const r = rule("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY;COUNT=2");
    expect(firstAfter(r, instant("2026-01-05T00:00:00Z"))).toBeUndefined();
  });

  it("all stops at the limit for infinite rules and at COUNT for finite ones", () => {
    expect(all(rule("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY"), { limit: 7 })).toHaveLength(7);
    expect(all(rule("DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY;COUNT=3"), { limit: 100 })).toHaveLength(3);
  });

  it("an impossible rule ends instead of looping forever", () => {
    expect(all(rule("DTSTART:20260101T000000Z\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), { limit: 5 })).toHaveLength(
      1,
    );
  });

  it("EXDATE removes an occurrence (still counted) and RDATE adds one in order", () => {
    const r = rule(
      "DTSTART;TZID=Europe/Paris:20260105T090000\nRRULE:FREQ=WEEKLY;COUNT=3\n" +
        "EXDATE;TZID=Europe/Paris:20260112T090000\nRDATE;TZID=Europe/Paris:20260108T100000\nRDATE:20260301T120000Z",
    );
    expect(localOf(r, 10)).toEqual([
      "2026-01-05T09:00:00",
      "2026-01-08T10:00:00",
      "2026-01-19T09:00:00",
      "2026-03-01T13:00:00",
    ]);
  });

  it("a date-only rule yields midnight dates and a DATE UNTIL is inclusive", () => {
    const r = rule("DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=WEEKLY;UNTIL=20260115");
    expect(localOf(r, 10)).toEqual(["2026-01-01T00:00:00", "2026-01-08T00:00:00", "2026-01-15T00:00:00"]);
  });

  it("DTSTART is the first occurrence even when the rule would not produce it", () => {
    const r = rule("DTSTART:20260102T090000Z\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2");
    expect(utcOf(r, 5)).toEqual(["2026-01-02T09:00:00Z", "2026-01-15T09:00:00Z"]);
  });
});
