/** Money as integer minor units of an ISO 4217 currency: sums are exact, currencies never mix. */
import type { Brand } from "../brand.js";
import { currencyExponent, type CurrencyCode } from "./currency.js";

/** An integer count of the currency's minor unit (cents for EUR, yen for JPY, fils for KWD). */
export type MinorUnits = Brand<number, "MinorUnits">;

export interface Money {
  readonly currency: CurrencyCode;
  readonly minor: MinorUnits;
}

export function money(currency: CurrencyCode, minor: number): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a safe integer, got ${minor}`);
  return { currency, minor: minor as MinorUnits };
}

export function zero(currency: CurrencyCode): Money {
  return money(currency, 0);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new Error(`cannot combine ${a.currency} with ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.currency, a.minor + b.minor);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.currency, a.minor - b.minor);
}

export function negate(a: Money): Money {
  return money(a.currency, a.minor === 0 ? 0 : -(a.minor as number));
}

/** Exact sum; `currency` is needed because an empty list has none. */
export function sum(currency: CurrencyCode, amounts: Iterable<Money>): Money {
  let total = 0;
  for (const amount of amounts) {
    if (amount.currency !== currency) throw new Error(`cannot add ${amount.currency} to a ${currency} sum`);
    total += amount.minor;
  }
  return money(currency, total);
}

export function isZero(a: Money): boolean {
  return a.minor === 0;
}

export function compare(a: Money, b: Money): number {
  sameCurrency(a, b);
  return a.minor - b.minor;
}

/**
 * The amount as a plain decimal string with the currency's exponent, for JSON and for Intl.
 * @example toDecimalString(money(currency("EUR"), -12000)) // "-120.00"
 */
export function toDecimalString(a: Money): string {
  const exponent = currencyExponent(a.currency);
  const negative = a.minor < 0;
  const digits = String(Math.abs(a.minor)).padStart(exponent + 1, "0");
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? "" : `.${digits.slice(-exponent)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Multiplies by a rational factor and rounds half away from zero (penalty interest). */
export function scale(a: Money, numerator: number, denominator: number): Money {
  const exact = (a.minor * numerator) / denominator;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return money(a.currency, rounded === 0 ? 0 : rounded);
}
