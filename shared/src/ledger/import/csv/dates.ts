/**
 * Civil dates in exports: ISO "2026-11-30", "30/11/2026", "11/30/2026", "30.11.2026". Whether "05/08/2026" is 5 August
 * or 8 May is decided once for the whole file, from every date in it, never guessed cell by cell.
 */
import { civilDate, type IsoDate } from "../../../date/civil-date.js";

export type DateOrder = "day-month" | "month-day";

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;

export type DateOrderDecision =
  | { readonly kind: "decided"; readonly order: DateOrder | undefined; readonly reason: string }
  | { readonly kind: "conflict"; readonly dayFirstExample: string; readonly monthFirstExample: string }
  | { readonly kind: "undecidable"; readonly example: string };

/**
 * Looks at every date spelling of a file: a first number above 12 proves day/month, a second one above 12 proves
 * month/day; with neither, the file's language decides (French → day/month) or the caller must say.
 * @example decideDateOrder(["05/08/2026", "31/10/2026"], undefined) // decided: day-month
 */
export function decideDateOrder(values: Iterable<string>, hint: DateOrder | undefined): DateOrderDecision {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let ambiguous: string | undefined;
  for (const raw of values) {
    const match = SLASHED.exec(raw.trim());
    if (match === null) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) dayFirst ??= raw;
    else if (second > 12 && first <= 12) monthFirst ??= raw;
    else if (first !== second) ambiguous ??= raw;
  }
  if (dayFirst !== undefined && monthFirst !== undefined) {
    return { kind: "conflict", dayFirstExample: dayFirst, monthFirstExample: monthFirst };
  }
  if (dayFirst !== undefined)
    return { kind: "decided", order: "day-month", reason: `"${dayFirst}" can only be day/month` };
  if (monthFirst !== undefined) {
    return { kind: "decided", order: "month-day", reason: `"${monthFirst}" can only be month/day` };
  }
  if (ambiguous === undefined) return { kind: "decided", order: hint, reason: "no date needs the order" };
  if (hint !== undefined) {
    return {
      kind: "decided",
      order: hint,
      reason: `no date decides (e.g. "${ambiguous}"), so the file's language or the given order decides`,
    };
  }
  return { kind: "undecidable", example: ambiguous };
}

export type DateParse =
  { readonly ok: true; readonly date: IsoDate } | { readonly ok: false; readonly message: string };

/** Parses one cell once the file's order is known. Two-digit years are read as 20yy. */
export function parseCsvDate(raw: string, order: DateOrder | undefined): DateParse {
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso !== null) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), raw);
  const slashed = SLASHED.exec(text);
  if (slashed === null) return { ok: false, message: `"${raw}" is not a date` };
  const year = slashed[3]?.length === 2 ? 2000 + Number(slashed[3]) : Number(slashed[3]);
  const first = Number(slashed[1]);
  const second = Number(slashed[2]);
  if (order === undefined && first !== second && first <= 12 && second <= 12) {
    return { ok: false, message: `"${raw}" could be day/month or month/day` };
  }
  return order === "month-day" ? checked(year, first, second, raw) : checked(year, second, first, raw);
}

function checked(year: number, month: number, day: number, raw: string): DateParse {
  const date = civilDate(year, month, day);
  return date === undefined ? { ok: false, message: `"${raw}" is not a date on the calendar` } : { ok: true, date };
}
