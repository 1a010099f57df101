import fc from "fast-check";
import { currency } from "./currency.js";
import { add, money, sum, toDecimalString } from "./money.js";
import { formatMoney } from "./format.js";
import { parseAmount } from "./parse.js";

const EUR = currency("EUR");
const JPY = currency("JPY");
const KWD = currency("KWD");

describe("money", () => {
  it("writes decimal strings with the currency's ISO 4217 exponent", () => {
    expect(toDecimalString(money(EUR, -12000))).toBe("-120.00");
    expect(toDecimalString(money(EUR, 5))).toBe("0.05");
    expect(toDecimalString(money(JPY, 180000))).toBe("180000");
    expect(toDecimalString(money(KWD, 1234567))).toBe("1234.567");
  });

  it("sums exactly and in any order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (minors) => {
        const amounts = minors.map((m) => money(EUR, m));
        const forward = sum(EUR, amounts);
        const backward = sum(EUR, [...amounts].reverse());
        expect(forward.minor).toBe(backward.minor);
        expect(forward.minor).toBe(minors.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it("refuses to add two currencies", () => {
    expect(() => add(money(EUR, 1), money(JPY, 1))).toThrow(/EUR.*JPY/);
  });
});

describe("parseAmount", () => {
  const cases: [string, string, "," | "." | "unknown", number][] = [
    ["1 234,56", "EUR", ",", 123456],
    ["1\u202f234,56", "EUR", ",", 123456],
    ["1.234,56", "EUR", "unknown", 123456],
    ["1,234.56", "EUR", "unknown", 123456],
    ["$1,234.56", "USD", "unknown", 123456],
    ["(200.00)", "EUR", "unknown", -20000],
    ["-120,00", "EUR", ",", -12000],
    ["1'234.50", "CHF", ".", 123450],
    ["180000", "JPY", "unknown", 180000],
    ["1 440,00 €", "EUR", ",", 144000],
    ["1,234", "EUR", ".", 123400],
    ["12.345", "EUR", ",", 1234500],
    ["1.234,567", "KWD", ",", 1234567],
  ];
  it.each(cases)("reads %s (%s, decimal %s)", (text, code, separator, minor) => {
    const parsed = parseAmount(text, currency(code), separator);
    expect(parsed).toMatchObject({ ok: true, money: { minor } });
  });

  it.each([
    ["1,234", "unknown", "amount.ambiguous"],
    ["12,5x", ",", "amount.symbol"],
    ["1,234", ",", "amount.precision"],
    ["1,234.5.6", "unknown", "amount.syntax"],
    ["12,345", ",", "amount.precision"],
    ["", ",", "amount.empty"],
    ["£12.00", ".", "amount.currency-mismatch"],
  ] as const)("refuses %s with %s", (text, separator, code) => {
    expect(parseAmount(text, EUR, separator)).toMatchObject({ ok: false, code });
  });

  it("refuses decimals for a currency without a minor unit", () => {
    expect(parseAmount("100.5", JPY, ".")).toMatchObject({ ok: false, code: "amount.precision" });
  });
});

describe("formatMoney", () => {
  it("formats French amounts with a narrow no-break space between thousands", () => {
    expect(formatMoney(money(EUR, 123456), "fr-FR")).toBe("1\u202f234,56\u00a0€");
  });
  it("formats the other shipped locales", () => {
    expect(formatMoney(money(currency("GBP"), 262550), "en-GB")).toBe("£2,625.50");
    expect(formatMoney(money(currency("USD"), -123456), "en-US")).toBe("-$1,234.56");
    expect(formatMoney(money(JPY, 180000), "en-GB")).toBe("JP¥180,000");
    expect(formatMoney(money(currency("CHF"), 505050), "fr-CH")).toBe("5\u202f050.50\u00a0CHF");
    expect(formatMoney(money(EUR, 123456), "fr-BE")).toBe("1\u202f234,56\u00a0€");
  });
});
