// Business-day shift over weekends and public holidays (date-holidays, "public" type only), time of day kept.
import {
  OFFERED_CALENDARS,
  calendarCode,
  isBusinessDay,
  parseCalendarCode,
  shiftToBusinessDay,
} from "./business-day.js";
import { all, nextN } from "./collect.js";
import { formatInstant, instant } from "./instant.js";
import { daysFromCivil, formatLocalIso } from "./local-date-time.js";
import { parseRule } from "./parse.js";
import type { RecurrenceRule } from "./rule.js";

function rule(text: string): RecurrenceRule {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  return parsed.value;
}

const FR = calendarCode("FR");

describe("business-day shift", () => {
  it("moves a send on 1 May 2026 (FR, Fête du Travail) to 30 April, keeping 09:00 Paris", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20260501T090000\nRRULE:FREQ=MONTHLY;COUNT=1");
    const [shifted] = all(r, { limit: 1, shift: { calendar: FR, direction: "previous" } });
    expect(shifted && formatLocalIso(shifted.local)).toBe("2026-04-30T09:00:00");
    expect(shifted && formatInstant(shifted.instant)).toBe("2026-04-30T07:00:00Z");
    expect(shifted?.nominal && formatLocalIso(shifted.nominal)).toBe("2026-05-01T09:00:00");
  });

  it("moves forward over a weekend with direction next", () => {
    // 2026-08-15 is a Saturday (and Assumption in FR): next business day is Monday 17.
    expect(shiftToBusinessDay(FR, daysFromCivil(2026, 8, 15), "next")).toBe(daysFromCivil(2026, 8, 17));
  });

  it("never gives two sends on one day when two occurrences shift onto it", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20260605T090000\nRRULE:FREQ=DAILY;COUNT=4");
    const sends = all(r, { limit: 10, shift: { calendar: FR, direction: "previous" } });
    // Fri 5, Sat 6 → Fri 5, Sun 7 → Fri 5, Mon 8: two sends.
    expect(sends.map((o) => formatLocalIso(o.local))).toEqual(["2026-06-05T09:00:00", "2026-06-08T09:00:00"]);
  });

  it("counts only public holidays (Good Friday is not one in FR outside Alsace-Moselle)", () => {
    expect(isBusinessDay(FR, daysFromCivil(2026, 4, 3))).toBe(true);
    expect(isBusinessDay(calendarCode("DE"), daysFromCivil(2026, 4, 3))).toBe(false);
  });

  it("knows each offered calendar, including Québec's Journée nationale des patriotes", () => {
    for (const code of OFFERED_CALENDARS) expect(parseCalendarCode(code).ok).toBe(true);
    expect(isBusinessDay(calendarCode("CA-QC"), daysFromCivil(2026, 5, 18))).toBe(false);
    expect(isBusinessDay(calendarCode("GB"), daysFromCivil(2026, 12, 28))).toBe(false);
    expect(isBusinessDay(calendarCode("US"), daysFromCivil(2026, 7, 3))).toBe(false);
    expect(isBusinessDay(calendarCode("CH"), daysFromCivil(2026, 8, 1))).toBe(false);
    expect(isBusinessDay(calendarCode("BE"), daysFromCivil(2026, 7, 21))).toBe(false);
  });

  it("reports an unknown calendar as a problem", () => {
    const parsed = parseCalendarCode("XX");
    expect(parsed.ok).toBe(false);
    expect(parsed.problems[0]?.message).toBe("calendar XX unknown");
  });

  it("applies to nextN too", () => {
    const r = rule("DTSTART;TZID=Europe/Paris:20260401T090000\nRRULE:FREQ=MONTHLY");
    const [send] = nextN(r, instant("2026-04-15T00:00:00Z"), 1, { shift: { calendar: FR, direction: "previous" } });
    expect(send && formatLocalIso(send.local)).toBe("2026-04-30T09:00:00");
  });
});
