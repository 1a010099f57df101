/**
 * Build-time holiday data for the Gmail bundle: date-holidays (with its rules engine, moment-timezone and astronomia,
 * ~800 KB of Code.js) runs here in Node, and only the public holidays of the chosen calendars and years go into
 * Code.js, as a small table read by src/gas/stubs/holidays-table.ts.
 */
import Holidays from "date-holidays";

/** The calendars the product offers (shared/src/recurrence/business-day.ts OFFERED_CALENDARS). */
export const DEFAULT_GMAIL_CALENDARS = ["FR", "BE", "CH", "CA-QC", "GB", "US", "DE"] as const;
/** Years covered: a rule expanded in the add-on never looks further than a few months ahead. */
export const HOLIDAY_FIRST_YEAR = 2024;
export const HOLIDAY_LAST_YEAR = 2045;

export interface HolidayTable {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Country → its name, and its regions in the table → their names (for getCountries / getStates). */
  readonly countries: Readonly<
    Record<string, { readonly name: string; readonly regions: Readonly<Record<string, string>> }>
  >;
  /**
   * Calendar code ("FR", "CA-QC") → one string per year from firstYear: each public holiday's day of the year
   * (1–366) as two base-36 digits.
   */
  readonly days: Readonly<Record<string, readonly string[]>>;
}

function dayOfYear(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
}

/** @example holidayTable(["FR"]).days.FR[2026 - 2024] // "01…" (1 January, Easter Monday, 1 May …) */
export function holidayTable(
  calendars: readonly string[],
  firstYear = HOLIDAY_FIRST_YEAR,
  lastYear = HOLIDAY_LAST_YEAR,
): HolidayTable {
  const countries: Record<string, { name: string; regions: Record<string, string> }> = {};
  const days: Record<string, string[]> = {};
  const all = new Holidays().getCountries();
  for (const code of calendars) {
    const [country = "", region] = code.toUpperCase().split("-");
    const name = all[country];
    if (name === undefined) throw new Error(`RELEVE_GMAIL_CALENDARS: ${code} is not a date-holidays country`);
    const engine = new Holidays();
    const states = (engine.getStates(country) as Record<string, string> | undefined) ?? {};
    if (region !== undefined && states[region] === undefined)
      throw new Error(`RELEVE_GMAIL_CALENDARS: ${code} is not a date-holidays region`);
    if (region === undefined) engine.init(country);
    else engine.init(country, region);
    const entry = (countries[country] ??= { name, regions: {} });
    if (region !== undefined) entry.regions[region] = states[region] ?? region;
    const years: string[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const numbers = new Set<number>();
      for (const holiday of engine.getHolidays(year)) {
        if (holiday.type !== "public") continue;
        // The civil date in the calendar's own terms, as business-day.ts reads it.
        const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(holiday.date);
        if (match === null || Number(match[1]) !== year) continue;
        numbers.add(dayOfYear(year, Number(match[2]), Number(match[3])));
      }
      years.push(
        [...numbers]
          .sort((a, b) => a - b)
          .map((n) => n.toString(36).padStart(2, "0"))
          .join(""),
      );
    }
    days[code.toUpperCase()] = years;
  }
  return { firstYear, lastYear, countries, days };
}

/** The calendars of this build: RELEVE_GMAIL_CALENDARS="FR,ES" or the offered ones. */
export function gmailCalendars(env: NodeJS.ProcessEnv = process.env): string[] {
  const chosen = env.RELEVE_GMAIL_CALENDARS?.split(/[\s,]+/).filter((code) => code !== "");
  return chosen !== undefined && chosen.length > 0 ? chosen : [...DEFAULT_GMAIL_CALENDARS];
}
