/** The bundle's holiday table answers as date-holidays does, for every calendar and year it holds. */
import Holidays from "date-holidays";
import { DEFAULT_GMAIL_CALENDARS, gmailCalendars, holidayTable } from "../../../holiday-table.js";

const table = holidayTable(gmailCalendars({}));
(globalThis as { __RELEVE_HOLIDAYS__?: unknown }).__RELEVE_HOLIDAYS__ = table;
const { default: TableHolidays } = await import("./holidays-table.js");

function publicDays(engine: { getHolidays(year: number): readonly { type: string; date: string }[] }, year: number) {
  return engine
    .getHolidays(year)
    .filter((holiday) => holiday.type === "public" && holiday.date.startsWith(String(year)))
    .map((holiday) => holiday.date.slice(0, 10));
}

describe("Gmail bundle holiday table (stands in for date-holidays)", () => {
  it("holds the offered calendars by default, and others when RELEVE_GMAIL_CALENDARS names them", () => {
    expect(Object.keys(table.days)).toEqual([...DEFAULT_GMAIL_CALENDARS]);
    expect(gmailCalendars({ RELEVE_GMAIL_CALENDARS: "FR, ES" })).toEqual(["FR", "ES"]);
    expect(() => holidayTable(["XX"])).toThrow("XX is not a date-holidays country");
  });

  for (const code of DEFAULT_GMAIL_CALENDARS)
    it(`${code}: the same public holidays as date-holidays, ${String(table.firstYear)}–${String(table.lastYear)}`, () => {
      const [country = "", region] = code.split("-");
      const real = new Holidays();
      const ours = new TableHolidays();
      if (region === undefined) {
        real.init(country);
        ours.init(country);
      } else {
        real.init(country, region);
        ours.init(country, region);
      }
      for (let year = table.firstYear; year <= table.lastYear; year++)
        expect(`${String(year)}: ${[...new Set(publicDays(ours, year))].sort().join(" ")}`).toBe(
          `${String(year)}: ${[...new Set(publicDays(real, year))].sort().join(" ")}`,
        );
    });

  it("says so for a year or a calendar it does not hold, rather than finding no holidays", () => {
    const ours = new TableHolidays();
    ours.init("FR");
    expect(() => ours.getHolidays(table.lastYear + 1)).toThrow(
      /public holidays of FR are in this build for 2024–2045 only/,
    );
    expect(() => {
      new TableHolidays().init("CA");
    }).toThrow("public holidays of CA are not in this build");
    expect(new TableHolidays().getStates("CA")).toEqual({ QC: "Quebec" });
  });
});
