import fc from "fast-check";
import { addDays, isoDate, type IsoDate } from "../date/civil-date.js";
import { currency } from "../money/currency.js";
import { money, toDecimalString } from "../money/money.js";
import type { ClientKey, Ledger, LedgerDocument, Payment } from "../ledger/model.js";
import { DEFAULT_FRENCH_LATE_MENTIONS } from "../profile.js";
import { buildStatement } from "./build.js";

const EUR = currency("EUR");
const CHF = currency("CHF");
const key = "email:client@example.test" as ClientKey;
const start = isoDate("2026-01-01");

function invoice(number: string, issued: string, due: string, minor: number, cur = EUR): LedgerDocument {
  return {
    kind: minor < 0 ? "credit-note" : "invoice",
    number,
    clientKey: key,
    issueDate: isoDate(issued),
    dueDate: isoDate(due),
    currency: cur,
    amount: money(cur, minor),
    source: { file: "test" },
  };
}

function payment(number: string, date: string | undefined, minor: number, cur = EUR): Payment {
  return {
    clientKey: key,
    amount: money(cur, minor),
    date: date === undefined ? undefined : isoDate(date),
    documentNumber: number,
    source: { file: "test" },
  };
}

function ledgerOf(documents: LedgerDocument[], payments: Payment[]): Ledger {
  const currencies = [...new Set(documents.map((d) => d.currency))];
  return { clients: [{ key, name: "Client", emails: ["client@example.test"], currencies }], documents, payments };
}

describe("buildStatement", () => {
  it("measures ageing from the as-of date, not from today", () => {
    const ledger = ledgerOf([invoice("F1", "2026-01-10", "2026-02-09", 10000)], []);
    const ageAt = (asOf: string) =>
      buildStatement(ledger, {
        kind: "outstanding",
        client: key,
        asOf: isoDate(asOf),
        locale: "fr-FR",
      }).sections[0]!.ageing.map((band) => toDecimalString(band.amount));
    expect(ageAt("2026-02-09")).toEqual(["100.00", "0.00", "0.00", "0.00", "0.00"]);
    expect(ageAt("2026-02-10")).toEqual(["0.00", "100.00", "0.00", "0.00", "0.00"]);
    expect(ageAt("2026-05-11")).toEqual(["0.00", "0.00", "0.00", "0.00", "100.00"]);
  });

  it("ignores invoices and payments dated after the as-of date", () => {
    const ledger = ledgerOf(
      [invoice("F1", "2026-10-01", "2026-10-31", 50000), invoice("F2", "2026-11-05", "2026-12-05", 7000)],
      [payment("F1", "2026-11-05", 50000)],
    );
    const statement = buildStatement(ledger, {
      kind: "outstanding",
      client: key,
      asOf: isoDate("2026-10-31"),
      locale: "fr-FR",
    });
    expect(statement.sections[0]!.openItems.map((line) => [line.number, toDecimalString(line.open)])).toEqual([
      ["F1", "500.00"],
    ]);
  });

  it("keeps one section per currency and never adds EUR to CHF", () => {
    const ledger = ledgerOf(
      [invoice("F1", "2026-10-01", "2026-10-31", 50000), invoice("F2", "2026-10-01", "2026-10-31", 7000, CHF)],
      [],
    );
    const statement = buildStatement(ledger, {
      kind: "outstanding",
      client: key,
      asOf: isoDate("2026-11-30"),
      locale: "fr-FR",
    });
    expect(statement.sections.map((s) => [s.currency, toDecimalString(s.openTotal)])).toEqual([
      ["EUR", "500.00"],
      ["CHF", "70.00"],
    ]);
  });

  it("accrues French penalties per overdue invoice and the €40 indemnity", () => {
    // 1 000,00 € 30 days late at 12.15 %: 1000 × 0.1215 × 30 / 365 = 9.99 €.
    const ledger = ledgerOf([invoice("F1", "2026-09-01", "2026-10-01", 100000)], []);
    const statement = buildStatement(ledger, {
      kind: "outstanding",
      client: key,
      asOf: isoDate("2026-10-31"),
      locale: "fr-FR",
      frenchMentions: DEFAULT_FRENCH_LATE_MENTIONS,
    });
    const section = statement.sections[0]!;
    expect(section.openItems[0]!.daysOverdue).toBe(30);
    expect(toDecimalString(section.openItems[0]!.penalty!)).toBe("9.99");
    expect(toDecimalString(section.indemnitiesTotal!)).toBe("40.00");
  });

  it("lists an activity period with opening, running and closing balances", () => {
    const ledger = ledgerOf(
      [
        invoice("F1", "2026-09-15", "2026-10-15", 30000),
        invoice("F2", "2026-10-10", "2026-11-09", 20000),
        invoice("A1", "2026-10-20", "2026-10-20", -5000),
      ],
      [payment("F1", "2026-10-05", 30000)],
    );
    const statement = buildStatement(ledger, {
      kind: "activity",
      client: key,
      asOf: isoDate("2026-10-31"),
      period: { from: isoDate("2026-10-01"), to: isoDate("2026-10-31") },
      locale: "fr-FR",
    });
    const section = statement.sections[0]!;
    if (section.kind !== "activity") throw new Error("expected an activity section");
    expect(toDecimalString(section.opening)).toBe("300.00");
    expect(section.lines.map((l) => [l.date, l.kind, toDecimalString(l.amount), toDecimalString(l.balance)])).toEqual([
      ["2026-10-05", "payment", "-300.00", "0.00"],
      ["2026-10-10", "invoice", "200.00", "200.00"],
      ["2026-10-20", "credit-note", "-50.00", "150.00"],
    ]);
    expect(toDecimalString(section.closing)).toBe("150.00");
  });

  it("keeps an advance paid before its invoice exists as an open payment credit", () => {
    const ledger = ledgerOf([invoice("F9", "2026-11-10", "2026-12-10", 40000)], [payment("F9", "2026-10-28", 15000)]);
    const statement = buildStatement(ledger, {
      kind: "outstanding",
      client: key,
      asOf: isoDate("2026-10-31"),
      locale: "fr-FR",
    });
    expect(
      statement.sections[0]!.openItems.map((l) => [l.kind, l.number, toDecimalString(l.open), l.daysOverdue]),
    ).toEqual([["payment", "F9", "-150.00", 0]]);
    expect(toDecimalString(statement.sections[0]!.overdueTotal)).toBe("0.00");
  });

  it("says nothing to send when every balance is zero", () => {
    const ledger = ledgerOf([invoice("F1", "2026-09-15", "2026-10-15", 30000)], [payment("F1", undefined, 30000)]);
    const statement = buildStatement(ledger, {
      kind: "outstanding",
      client: key,
      asOf: isoDate("2026-11-30"),
      locale: "fr-FR",
    });
    expect(statement.nothingToSend).toBe(true);
  });

  it("gives, for the same data, outstanding as of D equal to the activity closing balance at D", () => {
    const day = fc.integer({ min: 0, max: 200 });
    const documentArb = fc.record({
      issued: day,
      terms: fc.integer({ min: 0, max: 60 }),
      minor: fc.integer({ min: -50_000, max: 500_000 }),
      chf: fc.boolean(),
    });
    const paymentArb = fc.record({
      target: fc.nat(),
      offset: fc.option(fc.integer({ min: -10, max: 90 }), { nil: undefined }),
      minor: fc.integer({ min: 1, max: 500_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(documentArb, { minLength: 1, maxLength: 25 }),
        fc.array(paymentArb, { maxLength: 25 }),
        day,
        (docs, pays, asOfDay) => {
          const documents = docs
            .filter((d) => d.minor !== 0)
            .map((d, index) => {
              const issued: IsoDate = addDays(start, d.issued);
              return invoice(`D${index}`, issued, addDays(issued, d.terms), d.minor, d.chf ? CHF : EUR);
            });
          if (documents.length === 0) return;
          const payments = pays.map((p) => {
            const doc = documents[p.target % documents.length]!;
            return payment(
              doc.number,
              p.offset === undefined ? undefined : addDays(doc.issueDate, p.offset),
              p.minor,
              doc.currency,
            );
          });
          const ledger = ledgerOf(documents, payments);
          const asOf = addDays(start, asOfDay);
          const outstanding = buildStatement(ledger, { kind: "outstanding", client: key, asOf, locale: "fr-FR" });
          const activity = buildStatement(ledger, {
            kind: "activity",
            client: key,
            asOf,
            period: { from: addDays(start, -30), to: asOf },
            locale: "fr-FR",
          });
          outstanding.sections.forEach((section, index) => {
            const other = activity.sections[index]!;
            if (other.kind !== "activity") throw new Error("expected an activity section");
            expect(other.closing.minor).toBe(section.openTotal.minor);
            const aged = section.ageing.reduce((total, band) => total + band.amount.minor, 0);
            expect(aged + section.creditsTotal.minor).toBe(section.openTotal.minor);
            expect(section.creditsTotal.minor).toBeLessThanOrEqual(0);
            expect(section.ageing.every((band) => band.amount.minor >= 0)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
