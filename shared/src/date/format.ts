/** Civil dates in words for a locale ("30 novembre 2026", "30/11/2026"), never shifted by a time zone. */
import { dateParts, type IsoDate } from "./civil-date.js";
import type { LocaleTag } from "../money/format.js";

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: LocaleTag, style: "short" | "long"): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let cached = dateFormatters.get(key);
  if (cached === undefined) {
    // timeZone UTC with a UTC midnight instant: the civil date comes back unchanged whatever the machine's zone.
    cached = new Intl.DateTimeFormat(
      locale,
      style === "short"
        ? { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }
        : { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" },
    );
    dateFormatters.set(key, cached);
  }
  return cached;
}

/**
 * A civil date for people in the statement's locale, never shifted by a time zone.
 * @example formatCivilDate(isoDate("2026-11-30"), "fr-FR", "long") // "30 novembre 2026"
 */
export function formatCivilDate(date: IsoDate, locale: LocaleTag, style: "short" | "long"): string {
  const { year, month, day } = dateParts(date);
  return dateFormatter(locale, style).format(Date.UTC(year, month - 1, day));
}
