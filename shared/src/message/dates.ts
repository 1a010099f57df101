/** Civil dates in words for a locale ("30 novembre 2026", "30 November 2026"), with no machine zone involved. */
import type { IsoDate } from "../date/civil-date.js";
import type { LocaleTag } from "../money/format.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a civil date. Intl needs an instant, so the date is placed at noon UTC and formatted in UTC.
 * @example formatCivilDate(isoDate("2026-11-30"), "fr-FR") // "30 novembre 2026"
 */
export function formatCivilDate(date: IsoDate, locale: LocaleTag, style: "long" | "short" = "long"): string {
  const key = `${locale}|${style}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      ...(style === "long"
        ? { day: "numeric", month: "long", year: "numeric" }
        : { day: "2-digit", month: "2-digit", year: "numeric" }),
    });
    formatters.set(key, formatter);
  }
  const [year, month, day] = date.split("-").map(Number);
  return formatter.format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
}
