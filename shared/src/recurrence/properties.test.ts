// Property tests (fast-check): ordering, between ⊆ all, COUNT, and parse∘format identity on generated rules.
import fc from "fast-check";
import { all, between } from "./collect.js";
import { formatRule } from "./format.js";
import { parseRule } from "./parse.js";
import type { RecurrenceRule } from "./rule.js";

const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Pacific/Chatham"];
const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Random but valid rule text; hours avoid 01–03 so no DST gap reorders instants. */
const ruleTexts = fc
  .record({
    year: fc.integer({ min: 1990, max: 2040 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 4, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    zone: fc.constantFrom(...ZONES, "floating", "Z"),
    freq: fc.constantFrom("YEARLY", "MONTHLY", "WEEKLY", "DAILY"),
    interval: fc.integer({ min: 1, max: 4 }),
    count: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    byMonthDay: fc.option(
      fc.uniqueArray(
        fc.integer({ min: -31, max: 31 }).filter((n) => n !== 0),
        { minLength: 1, maxLength: 3 },
      ),
      { nil: undefined },
    ),
    byDay: fc.option(fc.uniqueArray(fc.constantFrom(...WEEKDAY_CODES), { minLength: 1, maxLength: 3 }), {
      nil: undefined,
    }),
    byMonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }), {
      nil: undefined,
    }),
    bySetPos: fc.option(fc.constantFrom(1, -1, 2), { nil: undefined }),
    skip: fc.constantFrom(undefined, "OMIT", "BACKWARD", "FORWARD"),
  })
  .map((r) => {
    const local = `${pad(r.year, 4)}${pad(r.month)}${pad(r.day)}T${pad(r.hour)}${pad(r.minute)}00`;
    const head =
      r.zone === "floating"
        ? `DTSTART:${local}`
        : r.zone === "Z"
          ? `DTSTART:${local}Z`
          : `DTSTART;TZID=${r.zone}:${local}`;
    const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
    if (r.skip !== undefined) parts.unshift("RSCALE=GREGORIAN");
    if (r.skip !== undefined) parts.push(`SKIP=${r.skip}`);
    if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
    if (r.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${r.byMonthDay.join(",")}`);
    if (r.byDay !== undefined) parts.push(`BYDAY=${r.byDay.join(",")}`);
    if (r.byMonth !== undefined) parts.push(`BYMONTH=${r.byMonth.join(",")}`);
    if (r.bySetPos !== undefined && (r.byMonthDay !== undefined || r.byDay !== undefined))
      parts.push(`BYSETPOS=${r.bySetPos}`);
    return `${head}\nRRULE:${parts.join(";")}`;
  });

function parsed(text: string): RecurrenceRule {
  const result = parseRule(text);
  if (!result.ok) throw new Error(`${text}: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.value;
}

describe("recurrence properties", () => {
  it("occurrences are strictly increasing", () => {
    fc.assert(
      fc.property(ruleTexts, (text) => {
        const instants = all(parsed(text), { limit: 40 }).map((o) => o.instant);
        for (let i = 1; i < instants.length; i += 1) expect(instants[i]).toBeGreaterThan(instants[i - 1] ?? 0);
      }),
    );
  });

  it("between(a, b) is exactly the part of all() in [a, b)", () => {
    fc.assert(
      fc.property(ruleTexts, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 20 }), (text, from, width) => {
        const rule = parsed(text);
        const everything = all(rule, { limit: 60 });
        const a = everything[Math.min(from, everything.length - 1)]?.instant;
        const last = everything[everything.length - 1]?.instant;
        if (a === undefined || last === undefined) return;
        const b = everything[Math.min(from + width, everything.length - 1)]?.instant ?? last;
        const inRange = everything.filter((o) => o.instant >= a && o.instant < b);
        expect(between(rule, a, b)).toEqual(inRange);
      }),
    );
  });

  it("COUNT is respected: never more, and exactly COUNT when every period has valid dates", () => {
    fc.assert(
      fc.property(ruleTexts, (text) => {
        const rule = parsed(text);
        const count = rule.recur?.count;
        if (count === undefined) return;
        const got = all(rule, { limit: 1000 });
        expect(got.length).toBeLessThanOrEqual(count);
        // With BYMONTH, an INTERVAL can step over every listed month forever (April + every 2 months ≠ January).
        const recur = rule.recur;
        if (
          recur !== undefined &&
          recur.bySetPos.length === 0 &&
          recur.byMonth.length === 0 &&
          recur.byMonthDay.every((d) => Math.abs(d) <= 28)
        )
          expect(got.length).toBe(count);
      }),
    );
  });

  it("parse∘format is the identity on rules, and format is stable", () => {
    fc.assert(
      fc.property(ruleTexts, (text) => {
        const rule = parsed(text);
        const formatted = formatRule(rule);
        const again = parsed(formatted);
        expect(again).toEqual(rule);
        expect(formatRule(again)).toBe(formatted);
      }),
    );
  });
});
