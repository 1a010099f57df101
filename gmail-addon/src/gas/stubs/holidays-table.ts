/**
 * Stands in for date-holidays in the Gmail bundle with the part business-day.ts uses (getCountries, getStates,
 * init, getHolidays → public holidays), answered from the table holiday-table.ts computed at build time for the
 * build's calendars and years only (the full package is ~800 KB of Code.js). A year outside the table throws.
 */
import type { HolidayTable } from "../../../holiday-table.js";

declare const __RELEVE_HOLIDAYS__: HolidayTable;

const TABLE = __RELEVE_HOLIDAYS__;

function civil(year: number, dayOfYear: number): string {
  const date = new Date(Date.UTC(year, 0, dayOfYear));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(year)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} 00:00:00`;
}

export default class Holidays {
  private code: string | undefined;

  getCountries(): Record<string, string> {
    return Object.fromEntries(Object.entries(TABLE.countries).map(([code, entry]) => [code, entry.name]));
  }

  getStates(country: string): Record<string, string> | undefined {
    const regions = TABLE.countries[country]?.regions;
    return regions === undefined || Object.keys(regions).length === 0 ? undefined : { ...regions };
  }

  init(country: string, region?: string): void {
    const code = region === undefined ? country : `${country}-${region}`;
    // Only calendars in the table: a country there for one region only ("CA-QC") is not known as a whole ("CA").
    if (TABLE.days[code] === undefined) throw new RangeError(`public holidays of ${code} are not in this build`);
    this.code = code;
  }

  getHolidays(year: number): { readonly type: "public"; readonly date: string }[] {
    if (this.code === undefined) return [];
    const days = TABLE.days[this.code]?.[year - TABLE.firstYear];
    if (days === undefined)
      throw new RangeError(
        `public holidays of ${this.code} are in this build for ${String(TABLE.firstYear)}–${String(TABLE.lastYear)} only (year ${String(year)} asked)`,
      );
    const out: { type: "public"; date: string }[] = [];
    for (let at = 0; at < days.length; at += 2)
      out.push({ type: "public", date: civil(year, parseInt(days.slice(at, at + 2), 36)) });
    return out;
  }
}
