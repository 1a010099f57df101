import { currency } from "../../../money/currency.js";
import { decideDecimalSeparator, importLedgerTable } from "./ledger-csv.js";
import { importPaymentsTable } from "./payments-csv.js";
import { parseCsvTable } from "./table.js";

describe("decideDecimalSeparator", () => {
  it("a decimal comma or point anywhere in the file decides", () => {
    expect(decideDecimalSeparator(["1 440,00", "0"], "unknown", ",")).toEqual({
      separator: ",",
      reason: '"1 440,00" has a decimal comma',
    });
    expect(decideDecimalSeparator(["1,234", "1250.00"], "en", ",")).toMatchObject({ separator: "." });
  });

  it("comma and point both seen: each amount must speak for itself", () => {
    expect(decideDecimalSeparator(["1,50", "2.75"], "en", ",").separator).toBe("unknown");
  });

  it('nothing decides: a French file reads ","; an English one refuses a lone "1,234" rather than guess', () => {
    expect(decideDecimalSeparator(["1,234", "500"], "fr", ",").separator).toBe(",");
    expect(decideDecimalSeparator(["1,234", "500"], "en", ";").separator).toBe(",");
    expect(decideDecimalSeparator(["1,234", "500"], "en", ",")).toEqual({
      separator: "unknown",
      reason: 'no amount decides (e.g. "1,234")',
    });
    expect(decideDecimalSeparator(["500", "180000", ""], "en", ",")).toEqual({
      separator: ".",
      reason: "no amount needs it",
    });
  });
});

function ledger(text: string, options = {}) {
  const { table } = parseCsvTable("l.csv", text);
  if (table === undefined) throw new Error("no table");
  return importLedgerTable(table, { file: "l.csv", problems: [] }, options, "UTF-8");
}

describe("importLedgerTable", () => {
  it("reads a French export, footer row skipped, and says what it recognised", () => {
    const result = ledger(
      "N° facture;Client;Date;Échéance;Montant TTC;Payé;Devise\n" +
        "F-1;Atelier;05/08/2026;04/09/2026;1 440,00;440,00;EUR\n" +
        "A-1;Atelier;10/08/2026;10/08/2026;-120,00;0,00;EUR\n" +
        "Total;;;;1 320,00;;\n",
    );
    expect(result.problems).toEqual([]);
    expect(
      result.documents.map((doc) => [doc.number, doc.kind, doc.issueDate, doc.amount.minor, doc.paid?.minor]),
    ).toEqual([
      ["F-1", "invoice", "2026-08-05", 144000, 44000],
      ["A-1", "credit-note", "2026-08-10", -12000, 0],
    ]);
    expect(result.recognised.join("\n")).toMatch(/dates: day\/month/);
    expect(result.recognised.join("\n")).toMatch(/line 4: footer row/);
  });

  it("a date-order conflict is the only error reported (no misleading row errors)", () => {
    const result = ledger(
      "Invoice Number,Customer,Invoice Date,Total,Currency\nI-1,A,13/01/2026,1.00,USD\nI-2,A,01/13/2026,1.00,USD\n",
    );
    expect(result.problems.map((p) => [p.code, p.location.line])).toEqual([["csv.date-order-conflict", 1]]);
  });

  it("a header-only file gives no documents and a warning at the header line", () => {
    const result = ledger("N° facture;Client;Date;Montant TTC;Devise\r\n");
    expect(result.documents).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: "warning", code: "csv.no-rows", location: { file: "l.csv", line: 1 } }),
    ]);
  });

  it("--currency stands in for a missing currency column", () => {
    const result = ledger("Invoice Number,Customer,Invoice Date,Total\nI-1,A,2026-01-05,10.00\n", {
      defaultCurrency: currency("CHF"),
    });
    expect(result.documents[0]?.currency).toBe("CHF");
  });
});

describe("importPaymentsTable", () => {
  it("a payment for an invoice no file has, without a currency column: a warning, not counted", () => {
    const { table } = parseCsvTable("p.csv", "Date;Facture;Montant\n10/01/2026;F-1;50,00\n11/01/2026;F-9;70,00\n");
    if (table === undefined) throw new Error("no table");
    const result = importPaymentsTable(
      table,
      { file: "p.csv", problems: [] },
      { currencyOfDocument: (number) => (number === "F-1" ? currency("EUR") : undefined) },
      "UTF-8",
    );
    expect(result.payments.map((payment) => [payment.documentNumber, payment.amount.minor])).toEqual([["F-1", 5000]]);
    expect(result.problems.map((p) => [p.severity, p.code, p.message, p.location.line])).toEqual([
      ["warning", "csv.payment-unknown-document", "payment for invoice F-9, which no ledger file has: not counted", 3],
    ]);
  });
});
