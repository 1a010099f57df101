/**
 * Reads amounts as people and spreadsheets write them: "1 234,56", "1.234,56", "1,234.56", "$1,234.56",
 * "(200.00)", "-120,00", "1'234.50", "180000". Anything that could mean two different amounts is refused.
 */
import { currencyExponent, parseCurrency, type CurrencyCode } from "./currency.js";
import { money, type Money } from "./money.js";

/** Which character separates decimals; "unknown" lets a lone "1,234" stay ambiguous (and so be refused). */
export type DecimalSeparator = "," | "." | "unknown";

export type AmountParse =
  | { readonly ok: true; readonly money: Money; readonly currencyInText: CurrencyCode | undefined }
  | { readonly ok: false; readonly code: string; readonly message: string };

// Spaces of every width that exports use as thousands separators (U+00A0, U+202F, U+2009, U+2007).
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const MINUS_SIGNS = /^[-\u2212\u2013]/;

// The spellings of nearly every cell of a real export ("1 234,56", "-120,00", "1250.00", "180000"): read without
// the general path's regex passes, which matters at 100k rows.
const PLAIN = /^(-?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:([.,])(\d{1,4}))?$/;

/** Guesses the decimal separator of one amount spelling, or "unknown" when it alone cannot tell. */
export function decimalSeparatorOf(text: string): DecimalSeparator {
  const plain = PLAIN.exec(text);
  if (plain !== null) {
    const mark = plain[3] as "," | "." | undefined;
    return mark === undefined || plain[4]?.length === 3 ? "unknown" : mark;
  }
  const digits = text.replace(GROUP_SPACES, "").replace(/[^0-9.,']/g, "");
  const lastComma = digits.lastIndexOf(",");
  const lastDot = digits.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? "," : ".";
  const mark = lastComma >= 0 ? "," : lastDot >= 0 ? "." : undefined;
  if (mark === undefined) return "unknown";
  const occurrences = digits.split(mark).length - 1;
  if (occurrences > 1) return mark === "," ? "." : ",";
  const after = digits.length - digits.lastIndexOf(mark) - 1;
  // "1,234" and "1.234" are the ambiguous spellings: one mark followed by exactly three digits.
  return after === 3 ? "unknown" : mark;
}

/**
 * Parses one amount in `currency` (the currency column or the document's).
 * @example parseAmount("1 234,56", currency("EUR"), ",") // { ok: true, money: 123456 EUR }
 */
export function parseAmount(text: string, currency: CurrencyCode, separator: DecimalSeparator): AmountParse {
  const plain = PLAIN.exec(text);
  if (plain !== null) {
    const mark = plain[3];
    const fraction = plain[4] ?? "";
    // Only when the mark can only be decimal: else the general path decides (and explains) grouping or ambiguity.
    if (mark === undefined || (fraction.length !== 3 && (separator === "unknown" || separator === mark))) {
      const exponent = currencyExponent(currency);
      const trimmed = fraction.replace(/0+$/, "");
      if (trimmed.length <= exponent) {
        const minor = Number((plain[2] ?? "").replace(/\D/g, "") + trimmed.padEnd(exponent, "0"));
        if (Number.isSafeInteger(minor)) {
          return {
            ok: true,
            money: money(currency, plain[1] === "-" && minor !== 0 ? -minor : minor),
            currencyInText: undefined,
          };
        }
      }
    }
  }
  let rest = text.trim();
  if (rest === "") return { ok: false, code: "amount.empty", message: "the amount is empty" };
  let negative = false;
  if (rest.startsWith("(") && rest.endsWith(")")) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  // A currency symbol or code may stand before or after the number ("$1,234.56", "1 234,56 €", "CHF 1'200.00").
  let currencyInText: CurrencyCode | undefined;
  const symbolMatch = /^([^\d\s\-\u2212(]+)\s*|\s*([^\d\s)]+)$/u;
  for (let pass = 0; pass < 2; pass++) {
    const match = symbolMatch.exec(rest);
    if (match === null) break;
    const symbol = (match[1] ?? match[2] ?? "").trim();
    if (symbol === "-" || symbol === "\u2212") break;
    const code = parseCurrency(symbol.replace(/\.$/, "") === "" ? symbol : symbol);
    if (code === undefined) {
      return { ok: false, code: "amount.symbol", message: `"${text}" is not an amount (unknown sign "${symbol}")` };
    }
    currencyInText = code;
    rest = (match[1] !== undefined ? rest.slice(match[0].length) : rest.slice(0, rest.length - match[0].length)).trim();
  }
  if (MINUS_SIGNS.test(rest)) {
    negative = !negative;
    rest = rest.slice(1).trim();
  } else if (rest.endsWith("-")) {
    negative = !negative;
    rest = rest.slice(0, -1).trim();
  }
  if (currencyInText !== undefined && currencyInText !== currency) {
    return {
      ok: false,
      code: "amount.currency-mismatch",
      message: `"${text}" is in ${currencyInText}, but the row's currency is ${currency}`,
    };
  }
  const compact = rest.replace(GROUP_SPACES, "").replace(/['\u2019]/g, "");
  if (!/^[0-9]+([.,][0-9]+)*$/.test(compact)) {
    return { ok: false, code: "amount.syntax", message: `"${text}" is not an amount` };
  }
  const own = decimalSeparatorOf(compact);
  let decimal: "," | "." | undefined;
  if (own !== "unknown") {
    if (separator !== "unknown" && own !== separator && !/[.,]\d{3}$/.test(compact)) {
      // e.g. "1.5" in a file whose amounts use a decimal comma: the reader cannot know which was meant.
      return {
        ok: false,
        code: "amount.ambiguous",
        message: `"${text}" uses "${own}" as decimal mark, but this column uses "${separator}"`,
      };
    }
    decimal = own;
  } else if (/[.,]/.test(compact)) {
    if (separator === "unknown") {
      return {
        ok: false,
        code: "amount.ambiguous",
        message: `"${text}" could be read two ways (thousands or decimals); give the column's decimal mark`,
      };
    }
    decimal = separator;
  }
  let whole = compact;
  let fraction = "";
  if (decimal !== undefined) {
    const group = decimal === "," ? "." : ",";
    const at = compact.lastIndexOf(decimal);
    // With the column's decimal mark absent ("12.345" in a decimal-comma file), every mark groups thousands.
    whole = at < 0 ? compact : compact.slice(0, at);
    fraction = at < 0 ? "" : compact.slice(at + 1);
    if (whole.includes(decimal)) {
      return { ok: false, code: "amount.syntax", message: `"${text}" has more than one decimal mark` };
    }
    if (whole.includes(group) && !/^\d{1,3}(\.\d{3})*$|^\d{1,3}(,\d{3})*$/.test(whole)) {
      return { ok: false, code: "amount.syntax", message: `"${text}" has misplaced thousands separators` };
    }
    whole = whole.split(group).join("");
    if (whole === "") whole = "0";
  }
  const exponent = currencyExponent(currency);
  const trimmedFraction = fraction.replace(/0+$/, "");
  if (trimmedFraction.length > exponent) {
    return {
      ok: false,
      code: "amount.precision",
      message:
        exponent === 0
          ? `"${text}" has decimals, but ${currency} has no minor unit`
          : `"${text}" has more than ${exponent} decimals for ${currency}`,
    };
  }
  const minor = Number(whole + trimmedFraction.padEnd(exponent, "0"));
  if (!Number.isSafeInteger(minor)) {
    return { ok: false, code: "amount.range", message: `"${text}" is too large to be an amount` };
  }
  return { ok: true, money: money(currency, negative ? -minor : minor), currencyInText };
}

/**
 * Parses a plain XML decimal ("250.33", "-64", "1000.00") as used by UBL and CII.
 * @example parseXmlDecimal("1801.78", currency("NOK"))
 */
export function parseXmlDecimal(text: string, currency: CurrencyCode): AmountParse {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) {
    return { ok: false, code: "amount.syntax", message: `"${text}" is not a decimal number` };
  }
  return parseAmount(trimmed.replace(/^\+/, ""), currency, ".");
}
