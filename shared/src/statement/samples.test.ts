// The right values of ../shared/samples/ledgers/README.md, as tests: real exports, outstanding as of 2026-11-30.
import { referencePath } from "../../../test/reference.js";
import { loadLedger } from "../../../test/ledger-files.js";
import { isoDate } from "../date/civil-date.js";
import { toDecimalString } from "../money/money.js";
import type { Ledger } from "../ledger/model.js";
import { buildStatement } from "./build.js";

const asOf = isoDate("2026-11-30");

function figures(ledger: Ledger, clientName: string) {
  const client = ledger.clients.find((c) => c.name === clientName);
  if (client === undefined)
    throw new Error(`no client ${clientName} in ${ledger.clients.map((c) => c.name).join(", ")}`);
  const statement = buildStatement(ledger, { kind: "outstanding", client: client.key, asOf, locale: "fr-FR" });
  return {
    nothingToSend: statement.nothingToSend,
    sections: Object.fromEntries(
      statement.sections.map((s) => [s.currency, [toDecimalString(s.openTotal), toDecimalString(s.overdueTotal)]]),
    ),
  };
}

describe("ledger-fr.csv with payments-fr.csv, outstanding as of 2026-11-30", () => {
  let ledger: Ledger;
  let problems: readonly { severity: string; message: string }[];
  beforeAll(async () => {
    ({ ledger, problems } = await loadLedger([
      referencePath("samples", "ledgers", "ledger-fr.csv"),
      referencePath("samples", "ledgers", "payments-fr.csv"),
    ]));
  });

  it.each([
    ["Atelier Lumière SARL", { EUR: ["3234.56", "2120.00"] }],
    ["Boulangerie Dupont", { EUR: ["990.00", "636.00"] }],
    ["Cabinet Martin & Associés", { EUR: ["17349.99", "14199.99"] }],
    ["Helvetia Design GmbH", { CHF: ["5050.50", "3250.50"], EUR: ["600.00", "0.00"] }],
  ])("%s owes the README's open and overdue totals", (name, expected) => {
    expect(figures(ledger, name)).toEqual({ nothingToSend: false, sections: expected });
  });

  it("gives Studio Nord, fully paid, nothing to send", () => {
    expect(figures(ledger, "Studio Nord")).toEqual({ nothingToSend: true, sections: { EUR: ["0.00", "0.00"] } });
  });

  it("finds the paid column and the dated payments in agreement", () => {
    expect(problems.filter((p) => p.severity !== "info")).toEqual([]);
  });

  it("lists Atelier Lumière's open lines with the credit note", () => {
    const client = ledger.clients.find((c) => c.name === "Atelier Lumière SARL");
    const statement = buildStatement(ledger, { kind: "outstanding", client: client!.key, asOf, locale: "fr-FR" });
    const lines = statement.sections[0]!.openItems.map((l) => [l.number, toDecimalString(l.open), l.daysOverdue]);
    expect(lines).toEqual([
      ["F-2026-0117", "1160.00", 59],
      ["F-2026-0132", "960.00", 30],
      ["A-2026-0004", "-120.00", 0],
      ["F-2026-0150", "1234.56", 0],
    ]);
  });

  it("ignores a payment dated after the as-of date", () => {
    // F-2026-0140 was paid on 9 Nov: as of 31 Oct, Studio Nord still owed it.
    const client = ledger.clients.find((c) => c.name === "Studio Nord");
    const statement = buildStatement(ledger, {
      kind: "outstanding",
      client: client!.key,
      asOf: isoDate("2026-10-31"),
      locale: "fr-FR",
    });
    expect(toDecimalString(statement.sections[0]!.openTotal)).toBe("780.00");
  });
});

describe("ledger-en.csv, outstanding as of 2026-11-30", () => {
  let ledger: Ledger;
  beforeAll(async () => {
    ({ ledger } = await loadLedger([referencePath("samples", "ledgers", "ledger-en.csv")]));
  });

  it.each([
    ["Northwind Traders, Ltd.", { GBP: ["2625.50", "1250.00"] }],
    ["Dupont, Martin & Fils", { EUR: ["896.00", "320.00"] }],
    ["Kyoto Kōgei K.K.", { JPY: ["180000", "180000"] }],
  ])("%s owes the README's open and overdue totals", (name, expected) => {
    expect(figures(ledger, name)).toEqual({ nothingToSend: false, sections: expected });
  });
});
