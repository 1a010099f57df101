/** Locale formatting of Money through Intl, fed exact decimal strings so no float ever rounds an amount. */
import { currencyExponent } from "./currency.js";
import { toDecimalString, type Money } from "./money.js";

/** BCP 47 tag such as "fr-FR"; the locales the product ships texts for are in `SUPPORTED_LOCALES`. */
export type LocaleTag = string;
export const SUPPORTED_LOCALES = ["fr-FR", "fr-CH", "fr-BE", "en-GB", "en-US"] as const;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: LocaleTag, currency: string, display: "symbol" | "code"): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}`;
  let cached = formatters.get(key);
  if (cached === undefined) {
    const digits = currencyExponent(currency as Money["currency"]);
    cached = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * An amount with no decimals when it is whole ("40 €", as the law writes the indemnity), else with all of them.
 * @example formatWholeMoney(money(currency("EUR"), 4000), "fr-FR") // "40 €"
 */
export function formatWholeMoney(amount: Money, locale: LocaleTag): string {
  const exponent = currencyExponent(amount.currency);
  if (amount.minor % 10 ** exponent !== 0) return formatMoney(amount, locale);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: amount.currency,
    maximumFractionDigits: 0,
  }).format(amount.minor / 10 ** exponent);
}

/**
 * Formats an amount for people: "1 234,56 €" in fr-FR (U+202F between thousands), "£2,625.50" in en-GB.
 * @example formatMoney(money(currency("EUR"), 123456), "fr-FR") // "1 234,56 €"
 */
export function formatMoney(amount: Money, locale: LocaleTag, display: "symbol" | "code" = "symbol"): string {
  // Intl.NumberFormat v3 accepts a decimal string and formats it exactly.
  return formatter(locale, amount.currency, display).format(toDecimalString(amount) as unknown as number);
}
