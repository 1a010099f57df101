/** ISO 4217 currency codes in use, with their minor-unit exponent (how many decimals an amount has). */
import type { Brand } from "../brand.js";

export type CurrencyCode = Brand<string, "CurrencyCode">;

// Exponent 2 is the rule; only the exceptions are listed with their exponent. Funds codes (CHE, CHW, BOV, MXV, COU,
// USN, UYI, UYW, CLF) are real ISO 4217 entries and appear in bank exports, so they are kept. Precious-metal and
// testing codes (XAU, XTS, XXX…) have no minor unit defined and are not money a client owes: they are left out.
const EXPONENT_2 =
  "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW " +
  "CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR " +
  "ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV " +
  "MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD " +
  "SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";
const EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
const EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND";
const EXPONENT_4 = "CLF UYW";

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...EXPONENT_2.split(" ").map((c) => [c, 2] as const),
  ...EXPONENT_0.split(" ").map((c) => [c, 0] as const),
  ...EXPONENT_3.split(" ").map((c) => [c, 3] as const),
  ...EXPONENT_4.split(" ").map((c) => [c, 4] as const),
]);

/** Common symbols seen in exports, mapped to the code they almost always mean in our users' files. */
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["€", "EUR"],
  ["$", "USD"],
  ["US$", "USD"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["円", "JPY"],
  ["FR.", "CHF"],
  ["FR", "CHF"],
]);

/**
 * Parses a currency code (case-insensitive, or a common symbol); `undefined` when it is not an ISO 4217 code.
 * @example parseCurrency("eur") // "EUR"
 */
export function parseCurrency(text: string): CurrencyCode | undefined {
  const upper = text.trim().toUpperCase();
  const code = SYMBOLS.get(upper) ?? upper;
  return EXPONENTS.has(code) ? (code as CurrencyCode) : undefined;
}

/** The minor-unit exponent of a known currency (EUR 2, JPY 0, KWD 3). */
export function currencyExponent(currency: CurrencyCode): number {
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) throw new Error(`not an ISO 4217 currency: ${currency}`);
  return exponent;
}

/** Casts a literal code checked at compile-time-by-eye; throws for unknown codes (for tests and built-in data). */
export function currency(code: string): CurrencyCode {
  const parsed = parseCurrency(code);
  if (parsed === undefined) throw new Error(`not an ISO 4217 currency: ${code}`);
  return parsed;
}
