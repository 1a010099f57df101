// describe() phrasing for the common shapes, and the presets the UI offers.
import { calendarCode } from "./business-day.js";
import { all } from "./collect.js";
import { describe as describeRule } from "./describe.js";
import { formatRule } from "./format.js";
import { formatLocalIso, localDateTime } from "./local-date-time.js";
import { parseRule } from "./parse.js";
import {
  everyWeeksOn,
  lastBusinessDayOfMonth,
  monthlyOnDay,
  nthWeekdayOfMonth,
  quarterly,
  yearlyOn,
} from "./presets.js";
import type { RecurrenceRule } from "./rule.js";
import { ianaZone } from "./zone.js";

function rule(text: string): RecurrenceRule {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  return parsed.value;
}

const PARIS = "DTSTART;TZID=Europe/Paris:";
const start = { from: localDateTime(2026, 1, 1, 9), zone: ianaZone("Europe/Paris") };

describe("describe", () => {
  it("says 'the 30th, or the last day of shorter months' for SKIP=BACKWARD", () => {
    const r = rule(`${PARIS}20260130T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30;SKIP=BACKWARD`);
    expect(describeRule(r, "fr")).toBe(
      "le 30 de chaque mois à 09:00 (heure de Paris), ou le dernier jour du mois s'il est plus court",
    );
    expect(describeRule(r, "en")).toBe(
      "on the 30th of every month at 09:00 Paris time, or the last day of shorter months",
    );
  });

  it("says 'the last Friday' for BYDAY=FR;BYSETPOS=-1 as for BYDAY=-1FR (the same days)", () => {
    const setPos = rule(`${PARIS}20260130T090000\nRRULE:FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1`);
    const ordinal = rule(`${PARIS}20260130T090000\nRRULE:FREQ=MONTHLY;BYDAY=-1FR`);
    expect(describeRule(setPos, "fr")).toBe(describeRule(ordinal, "fr"));
    expect(describeRule(setPos, "en")).toBe(describeRule(ordinal, "en"));
    expect(describeRule(setPos, "fr")).not.toContain("position");
    const second = rule(`${PARIS}20260101T090000\nRRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2`);
    expect(describeRule(second, "en")).toBe(
      describeRule(rule(`${PARIS}20260101T090000\nRRULE:FREQ=MONTHLY;BYDAY=2TU`), "en"),
    );
  });

  it("reads the BYSETPOS recipe the same way", () => {
    const r = rule(`${PARIS}20260130T090000\nRRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1`);
    expect(describeRule(r, "en")).toBe(
      "on the 30th of every month at 09:00 Paris time, or the last day of shorter months",
    );
  });

  it("says shorter months are skipped without SKIP", () => {
    const r = rule(`${PARIS}20260131T090000\nRRULE:FREQ=MONTHLY`);
    expect(describeRule(r, "en")).toBe("on the 31st of every month at 09:00 Paris time (shorter months are skipped)");
    expect(describeRule(r, "fr")).toBe("le 31 de chaque mois à 09:00 (heure de Paris) (sauf les mois plus courts)");
  });

  it("has plain phrasing for the common shapes", () => {
    const cases: [string, string, string][] = [
      [
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
        "le 1er de chaque mois à 09:00 (heure de Paris)",
        "on the 1st of every month at 09:00 Paris time",
      ],
      [
        "RRULE:FREQ=MONTHLY;BYDAY=1MO",
        "le premier lundi de chaque mois à 09:00 (heure de Paris)",
        "on the first Monday of every month at 09:00 Paris time",
      ],
      [
        "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "le dernier jour ouvré de chaque mois à 09:00 (heure de Paris)",
        "on the last business day of every month at 09:00 Paris time",
      ],
      [
        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        "toutes les 2 semaines le vendredi à 09:00 (heure de Paris)",
        "every 2 weeks on Friday at 09:00 Paris time",
      ],
      [
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
        "chaque lundi et jeudi à 09:00 (heure de Paris)",
        "every Monday and Thursday at 09:00 Paris time",
      ],
      [
        "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
        "le 1er de chaque trimestre (janvier, avril, juillet et octobre) à 09:00 (heure de Paris)",
        "on the 1st of every quarter (January, April, July and October) at 09:00 Paris time",
      ],
      [
        "RRULE:FREQ=YEARLY",
        "chaque année le 1er janvier à 09:00 (heure de Paris)",
        "every year on January 1 at 09:00 Paris time",
      ],
      [
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12",
        "le dernier jour de chaque mois à 09:00 (heure de Paris), 12 fois",
        "on the last day of every month at 09:00 Paris time, 12 times",
      ],
    ];
    for (const [recur, fr, en] of cases) {
      const r = rule(`${PARIS}20260101T090000\n${recur}`);
      expect([describeRule(r, "fr"), describeRule(r, "en")]).toEqual([fr, en]);
    }
  });

  it("falls back to a generic sentence for other shapes", () => {
    const r = rule("DTSTART:20260101T090000Z\nRRULE:FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO");
    expect(describeRule(r, "en")).toBe("every year, on Monday, week 20 at 09:00 UTC");
    expect(describeRule(r, "fr")).toBe("chaque année, le lundi, semaine 20 à 09:00 (UTC)");
  });

  it("mentions the business-day shift", () => {
    const preset = lastBusinessDayOfMonth(start, calendarCode("FR"));
    expect(describeRule(preset.rule, "en", preset.shift)).toBe(
      "on the last business day of every month at 09:00 Paris time, moved to the previous business day on weekends and public holidays (FR)",
    );
  });
});

describe("presets", () => {
  const dates = (r: RecurrenceRule, n: number): string[] =>
    all(r, { limit: n }).map((o) => formatLocalIso(o.local).slice(0, 10));

  it("monthly on day 30, clamped, starts on the first 30th and gives 28 February", () => {
    const { rule: r } = monthlyOnDay(start, 30, true);
    expect(formatRule(r)).toBe(
      "DTSTART;TZID=Europe/Paris:20260130T090000\nRRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30;SKIP=BACKWARD",
    );
    expect(dates(r, 3)).toEqual(["2026-01-30", "2026-02-28", "2026-03-30"]);
  });

  it("monthly on day 30, unclamped, skips February", () => {
    expect(dates(monthlyOnDay(start, 30, false).rule, 2)).toEqual(["2026-01-30", "2026-03-30"]);
  });

  it("last business day of the month skips holidays via the shift", () => {
    const preset = lastBusinessDayOfMonth(start, calendarCode("FR"));
    expect(dates(preset.rule, 2)).toEqual(["2026-01-30", "2026-02-27"]);
    expect(preset.shift).toEqual({ calendar: "FR", direction: "previous" });
  });

  it("first Monday, every two weeks on Friday, quarterly and yearly", () => {
    expect(dates(nthWeekdayOfMonth(start, "MO").rule, 2)).toEqual(["2026-01-05", "2026-02-02"]);
    expect(dates(everyWeeksOn(start, 2, "FR").rule, 3)).toEqual(["2026-01-02", "2026-01-16", "2026-01-30"]);
    expect(dates(quarterly(start, 15, false).rule, 3)).toEqual(["2026-01-15", "2026-04-15", "2026-07-15"]);
    expect(dates(yearlyOn(start, 12, 31).rule, 2)).toEqual(["2026-12-31", "2027-12-31"]);
  });
});
