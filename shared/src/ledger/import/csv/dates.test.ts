import { decideDateOrder, parseCsvDate } from "./dates.js";

describe("decideDateOrder", () => {
  it("a first number above 12 decides day/month for the whole column", () => {
    expect(decideDateOrder(["05/08/2026", "31/10/2026", "01/02/2026"], undefined)).toMatchObject({
      kind: "decided",
      order: "day-month",
      reason: '"31/10/2026" can only be day/month',
    });
  });

  it("a second number above 12 decides month/day", () => {
    expect(decideDateOrder(["01/05/2026", "11/30/2026"], undefined)).toMatchObject({
      kind: "decided",
      order: "month-day",
    });
  });

  it("13/01/2026 and 01/13/2026 in one file is a conflict naming both", () => {
    expect(decideDateOrder(["13/01/2026", "01/13/2026"], "day-month")).toEqual({
      kind: "conflict",
      dayFirstExample: "13/01/2026",
      monthFirstExample: "01/13/2026",
    });
  });

  it("all days ≤ 12: the file's language decides, else undecidable", () => {
    const values = ["01/05/2026", "03/04/2026", "07/08/2026"];
    expect(decideDateOrder(values, "day-month")).toMatchObject({ kind: "decided", order: "day-month" });
    expect(decideDateOrder(values, undefined)).toEqual({ kind: "undecidable", example: "01/05/2026" });
  });

  it("ISO dates and same-number dates (05/05) need no order", () => {
    expect(decideDateOrder(["2026-11-30", "05/05/2026", ""], undefined)).toEqual({
      kind: "decided",
      order: undefined,
      reason: "no date needs the order",
    });
  });
});

describe("parseCsvDate", () => {
  it.each([
    ["2026-11-30", undefined, "2026-11-30"],
    ["2026-11-30T10:00:00Z", undefined, "2026-11-30"],
    ["05/08/2026", "day-month", "2026-08-05"],
    ["05/08/2026", "month-day", "2026-05-08"],
    ["30.11.2026", "day-month", "2026-11-30"],
    ["30-11-26", "day-month", "2026-11-30"],
    ["29/02/2028", "day-month", "2028-02-29"],
  ] as const)("%s (%s) → %s", (raw, order, expected) => {
    expect(parseCsvDate(raw, order)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ["31/02/2026", "day-month", /not a date on the calendar/],
    ["29/02/2026", "day-month", /not a date on the calendar/],
    ["2026-02-30", undefined, /not a date on the calendar/],
    ["05/08/2026", undefined, /could be day\/month or month\/day/],
    ["next Tuesday", "day-month", /is not a date/],
    ["30/11/2026 10:00", "day-month", /is not a date/],
  ] as const)("%s (%s) is refused", (raw, order, message) => {
    const parsed = parseCsvDate(raw, order);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
