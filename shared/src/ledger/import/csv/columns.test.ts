import { looksLikePayments, matchLedgerColumns, matchPaymentColumns } from "./columns.js";

describe("matchLedgerColumns: French and English header synonyms", () => {
  it("a French Excel export", () => {
    const header = [
      "N° facture",
      "Raison sociale",
      "E-mail client",
      "Date",
      "Échéance",
      "Montant TTC",
      "Payé",
      "Devise",
    ];
    const match = matchLedgerColumns(header);
    expect(match.indexOf).toEqual({
      number: 0,
      client: 1,
      email: 2,
      issueDate: 3,
      dueDate: 4,
      total: 5,
      paid: 6,
      currency: 7,
    });
    expect(match.language).toBe("fr");
    expect(match.recognised).toContain('"Échéance" → due date');
  });

  it("an English export", () => {
    const header = [
      "Invoice Number",
      "Customer",
      "Invoice Date",
      "Due Date",
      "Total",
      "Amount Paid",
      "Open Balance",
      "Currency",
      "Status",
    ];
    const match = matchLedgerColumns(header);
    expect(match.indexOf).toEqual({
      number: 0,
      client: 1,
      issueDate: 2,
      dueDate: 3,
      total: 4,
      paid: 5,
      open: 6,
      currency: 7,
      status: 8,
    });
    expect(match.language).toBe("en");
  });

  it.each([
    ["Numéro", "number"],
    ["N facture", "number"],
    ["Invoice #", "number"],
    ["Num", "number"],
    ["CLIENT", "client"],
    ["Date facture", "issueDate"],
    ["Date d'échéance", "dueDate"],
    ["Total TTC", "total"],
    ["Amount", "total"],
    ["Reste dû", "open"],
    ["Balance", "open"],
  ] as const)("%s → %s (case and accents ignored)", (name, field) => {
    expect(matchLedgerColumns([name, "other"]).indexOf[field]).toBe(0);
  });

  it('"Date" goes to the issue date even when "Date d\'échéance" comes first', () => {
    expect(matchLedgerColumns(["Date d'échéance", "Date"]).indexOf).toMatchObject({ dueDate: 0, issueDate: 1 });
  });

  it("an explicit mapping wins, and a mapped header missing from the file is reported", () => {
    const match = matchLedgerColumns(["Réf. pièce", "Tiers", "Net à payer"], {
      number: "ref. piece",
      client: "TIERS",
      total: "Grand total",
    });
    expect(match.indexOf).toMatchObject({ number: 0, client: 1 });
    expect(match.indexOf.total).toBeUndefined();
    expect(match.unknownMapped).toEqual(['total → "Grand total"']);
  });

  it("unknown headers: language unknown, nothing recognised", () => {
    expect(matchLedgerColumns(["foo", "bar"])).toMatchObject({ indexOf: {}, recognised: [], language: "unknown" });
  });
});

describe("payments files", () => {
  it("Date; Facture; Montant; Moyen de paiement is a payments file", () => {
    const header = ["Date", "Facture", "Montant", "Moyen de paiement"];
    expect(looksLikePayments(header)).toBe(true);
    expect(matchPaymentColumns(header).indexOf).toEqual({ date: 0, document: 1, amount: 2, method: 3 });
    expect(looksLikePayments(["Payment Date", "Invoice Number", "Amount"])).toBe(true);
  });

  it("a ledger (client, due date) is not", () => {
    expect(looksLikePayments(["N° facture", "Client", "Date", "Échéance", "Montant TTC"])).toBe(false);
    expect(looksLikePayments(["Date", "Facture", "Client", "Montant"])).toBe(false);
  });
});
