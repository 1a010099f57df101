/** Ageing bands by days past due, always measured at the statement's as-of date (never "today"). */
import { money, type Money } from "../money/money.js";
import type { CurrencyCode } from "../money/currency.js";
import type { AgeingBand, AgeingBandSpec, OutstandingLine } from "./model.js";

/** not yet due · 1–30 · 31–60 · 61–90 · over 90 days. */
export const DEFAULT_AGEING_BANDS: readonly AgeingBandSpec[] = [
  { fromDays: null, toDays: 0 },
  { fromDays: 1, toDays: 30 },
  { fromDays: 31, toDays: 60 },
  { fromDays: 61, toDays: 90 },
  { fromDays: 91, toDays: null },
];

/**
 * Checks that bands start with "not yet due", then tile the days past due with no gap or overlap.
 * @example validateAgeingBands(DEFAULT_AGEING_BANDS) // undefined (valid)
 */
export function validateAgeingBands(bands: readonly AgeingBandSpec[]): string | undefined {
  const [first, ...rest] = bands;
  if (first?.fromDays !== null || first.toDays !== 0) return 'the first band must be "not yet due" (up to 0 days)';
  let next = 1;
  for (const [index, band] of rest.entries()) {
    if (band.fromDays !== next) return `band ${index + 2} should start at ${next} days`;
    if (band.toDays === null) return index === rest.length - 1 ? undefined : "only the last band can be open-ended";
    if (band.toDays < band.fromDays) return `band ${index + 2} ends before it starts`;
    next = band.toDays + 1;
  }
  return "the last band must be open-ended";
}

/** Sums what is owed (items above zero) into bands; credits are not aged (see SectionTotals.creditsTotal). */
export function ageOpenItems(
  currency: CurrencyCode,
  items: readonly OutstandingLine[],
  bands: readonly AgeingBandSpec[],
): AgeingBand[] {
  const totals = bands.map(() => 0);
  for (const item of items) {
    if (item.open.minor <= 0) continue;
    const days = item.daysOverdue;
    const index = bands.findIndex(
      (band) => (band.fromDays === null || days >= band.fromDays) && (band.toDays === null || days <= band.toDays),
    );
    totals[index] = (totals[index] ?? 0) + item.open.minor;
  }
  return bands.map((band, index): AgeingBand & { amount: Money } => ({
    ...band,
    amount: money(currency, totals[index] ?? 0),
  }));
}
