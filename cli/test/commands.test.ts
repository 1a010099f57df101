// The CLI end to end on good inputs: the README values of the reference ledgers, statements as data and PDF,
// activity statements, batch, e-invoice folders, explicit column mapping, date order and page size.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { referencePath, repoRoot } from "../../test/reference.js";
import { fixture, pdfHeader, releve, STACK_TRACE, useTempDir } from "./harness.js";

const temp = useTempDir();

const ledgerFr = referencePath("samples", "ledgers", "ledger-fr.csv");
const paymentsFr = referencePath("samples", "ledgers", "payments-fr.csv");
const ledgerEn = referencePath("samples", "ledgers", "ledger-en.csv");
const FR = ["--ledger", ledgerFr, "--ledger", paymentsFr];

interface MoneyJson {
  amount: string;
  currency: string;
}
interface ClientsJson {
  clients: {
    name: string;
    nothingToSend: boolean;
    balances: { currency: string; open: MoneyJson; overdue: MoneyJson }[];
  }[];
}
interface StatementJson {
  kind: string;
  asOf: string;
  period: { from: string; to: string } | null;
  nothingToSend: boolean;
  pdf: string;
  sections: {
    currency: string;
    openTotal: MoneyJson;
    overdueTotal: MoneyJson;
    ageing: { fromDays: number | null; toDays: number | null; amount: MoneyJson }[];
    creditsTotal: MoneyJson;
    lines: {
      number: string;
      issueDate: string;
      dueDate: string;
      original: MoneyJson;
      open: MoneyJson;
      daysOverdue: number;
    }[];
    opening?: MoneyJson;
    closing?: MoneyJson;
  }[];
}

function balancesOf(stdout: string): Record<string, Record<string, [string, string]>> {
  return Object.fromEntries(
    (JSON.parse(stdout) as ClientsJson).clients.map((client) => [
      client.name,
      Object.fromEntries(
        client.balances.map((balance) => [balance.currency, [balance.open.amount, balance.overdue.amount]]),
      ),
    ]),
  );
}

describe("releve clients on the reference ledgers (README values, as of 2026-11-30)", () => {
  it("ledger-fr.csv + payments-fr.csv", async () => {
    const result = await releve("clients", ...FR, "--as-of", "2026-11-30", "--json");
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(balancesOf(result.stdout)).toEqual({
      "Atelier Lumière SARL": { EUR: ["3234.56", "2120.00"] },
      "Boulangerie Dupont": { EUR: ["990.00", "636.00"] },
      "Cabinet Martin & Associés": { EUR: ["17349.99", "14199.99"] },
      "Helvetia Design GmbH": { CHF: ["5050.50", "3250.50"], EUR: ["600.00", "0.00"] },
      "Studio Nord": { EUR: ["0.00", "0.00"] },
    });
    const studio = (JSON.parse(result.stdout) as ClientsJson).clients.find((client) => client.name === "Studio Nord");
    expect(studio?.nothingToSend).toBe(true);
  });

  it("ledger-en.csv", async () => {
    const result = await releve("clients", "--ledger", ledgerEn, "--as-of", "2026-11-30", "--json");
    expect(result.code).toBe(0);
    expect(balancesOf(result.stdout)).toEqual({
      "Northwind Traders, Ltd.": { GBP: ["2625.50", "1250.00"] },
      "Dupont, Martin & Fils": { EUR: ["896.00", "320.00"] },
      "Kyoto Kōgei K.K.": { JPY: ["180000", "180000"] },
    });
  });

  it("prints what was recognised in each file as text", async () => {
    const result = await releve("clients", ...FR, "--as-of", "2026-11-30");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/"Échéance" → due date/);
    expect(result.stdout).toMatch(/CSV payments/);
    expect(result.stdout).toMatch(/Studio Nord .*nothing to send/);
  });
});

describe("releve invoices --json", () => {
  it("lists every document with its open amount", async () => {
    const result = await releve("invoices", ...FR, "--json");
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { number: string; type: string; total: string; open: string }[];
    const csvRows = readFileSync(ledgerFr, "utf8").trim().split(/\r?\n/).length - 1;
    expect(rows).toHaveLength(csvRows);
    const open = Object.fromEntries(rows.map((row) => [row.number, row.open]));
    expect(open).toMatchObject({
      "F-2026-0101": "0.00",
      "F-2026-0117": "1160.00",
      "F-2026-0132": "960.00",
      "F-2026-0150": "1234.56",
      "A-2026-0004": "-120.00",
      "F-2026-0128": "4200.00",
      "F-2026-0140": "0.00",
    });
    expect(rows.find((row) => row.number === "A-2026-0004")?.type).toBe("credit-note");
  });
});

describe("releve statement", () => {
  it("--json prints the statement data and writes a PDF", async () => {
    const out = join(temp.path(), "atelier.pdf");
    const result = await releve(
      "statement",
      ...FR,
      "--client",
      "compta@atelier-lumiere.example",
      "--as-of",
      "2026-11-30",
      "--json",
      "-o",
      out,
    );
    expect(result.code).toBe(0);
    expect(pdfHeader(out)).toBe("%PDF-");
    expect(temp.files()).toEqual(["atelier.pdf"]); // no temporary file left beside it
    const data = JSON.parse(result.stdout) as StatementJson;
    expect(data).toMatchObject({ kind: "outstanding", asOf: "2026-11-30", nothingToSend: false, pdf: out });
    expect(data.sections).toHaveLength(1);
    const [eur] = data.sections;
    expect(eur?.currency).toBe("EUR");
    expect(eur?.openTotal).toEqual({ amount: "3234.56", currency: "EUR" });
    expect(eur?.overdueTotal).toEqual({ amount: "2120.00", currency: "EUR" });
    expect(
      eur?.lines.map((line) => [
        line.number,
        line.issueDate,
        line.dueDate,
        line.original.amount,
        line.open.amount,
        line.daysOverdue,
      ]),
    ).toEqual([
      ["F-2026-0117", "2026-09-02", "2026-10-02", "2160.00", "1160.00", 59],
      ["F-2026-0132", "2026-10-01", "2026-10-31", "960.00", "960.00", 30],
      // In due-date order; a credit note is never "overdue".
      ["A-2026-0004", "2026-11-10", "2026-11-10", "-120.00", "-120.00", 0],
      ["F-2026-0150", "2026-11-03", "2026-12-03", "1234.56", "1234.56", 0],
    ]);
    // Ageing by due date from the as-of date; the bands plus the open credits add up to the open total.
    const bands = Object.fromEntries(
      (eur?.ageing ?? []).map((band) => [`${band.fromDays ?? ""}-${band.toDays ?? ""}`, band.amount.amount]),
    );
    expect(bands).toMatchObject({ "1-30": "960.00", "31-60": "1160.00", "61-90": "0.00" });
    const sum = (eur?.ageing ?? []).reduce((total, band) => total + Math.round(Number(band.amount.amount) * 100), 0);
    expect(eur?.creditsTotal.amount).toBe("-120.00");
    expect(sum - 12000).toBe(323456);
  });

  it("one section per currency, never added together (Helvetia: CHF and EUR)", async () => {
    const out = join(temp.path(), "helvetia.pdf");
    const result = await releve(
      "statement",
      ...FR,
      "--client",
      "Helvetia",
      "--as-of",
      "2026-11-30",
      "--json",
      "-o",
      out,
    );
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as StatementJson;
    expect(data.sections.map((section) => [section.currency, section.openTotal.amount])).toEqual([
      ["CHF", "5050.50"],
      ["EUR", "600.00"],
    ]);
  });

  it("--kind activity --from 2026-09-01 --to 2026-11-30: closing equals the outstanding as of 2026-11-30", async () => {
    const activityOut = join(temp.path(), "activity.pdf");
    const outstandingOut = join(temp.path(), "outstanding.pdf");
    const activity = await releve(
      "statement",
      ...FR,
      "--client",
      "Cabinet Martin",
      "--kind",
      "activity",
      "--from",
      "2026-09-01",
      "--to",
      "2026-11-30",
      "--json",
      "-o",
      activityOut,
    );
    const outstanding = await releve(
      "statement",
      ...FR,
      "--client",
      "Cabinet Martin",
      "--as-of",
      "2026-11-30",
      "--json",
      "-o",
      outstandingOut,
    );
    expect([activity.code, outstanding.code]).toEqual([0, 0]);
    const a = JSON.parse(activity.stdout) as StatementJson;
    const o = JSON.parse(outstanding.stdout) as StatementJson;
    expect(a.kind).toBe("activity");
    expect(a.period).toEqual({ from: "2026-09-01", to: "2026-11-30" });
    const [section] = a.sections;
    // Before September: F-2026-0110 (12 600,00), issued 20/08, paid 18/09, so opening = 12 600,00.
    expect(section?.opening).toEqual({ amount: "12600.00", currency: "EUR" });
    expect(section?.closing).toEqual(o.sections[0]?.openTotal);
    expect(section?.closing?.amount).toBe("17349.99");
    expect(pdfHeader(activityOut)).toBe("%PDF-");
  });

  it("--page-size Letter gives US Letter pages (A4 otherwise)", async () => {
    const letter = join(temp.path(), "letter.pdf");
    const a4 = join(temp.path(), "a4.pdf");
    const args = [...FR, "--client", "Boulangerie", "--as-of", "2026-11-30"];
    expect((await releve("statement", ...args, "--page-size", "Letter", "-o", letter)).code).toBe(0);
    expect((await releve("statement", ...args, "-o", a4)).code).toBe(0);
    expect(readFileSync(letter).toString("latin1")).toMatch(/\/MediaBox \[0 0 612\.? 792\.?\]/);
    expect(readFileSync(a4).toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.\d+ 841\.\d+\]/);
  });

  it("a fully paid client: nothing to send is said, not an error", async () => {
    const out = join(temp.path(), "studio.pdf");
    const result = await releve("statement", ...FR, "--client", "Studio Nord", "--as-of", "2026-11-30", "-o", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Studio Nord: nothing to send/);
  });
});

describe("releve batch on the built-in example", () => {
  it("writes one PDF per client with something to send, none for the fully paid client", async () => {
    const outDir = join(temp.path(), "statements");
    const result = await releve(
      "batch",
      "--ledger",
      join(repoRoot, "examples", "ledger"),
      "--profile",
      join(repoRoot, "examples", "profile.json"),
      "--as-of",
      "2026-11-30",
      "--out",
      outDir,
      "--json",
    );
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    const data = JSON.parse(result.stdout) as {
      statements: { client: string; nothingToSend: boolean; pdf: string | null }[];
    };
    const toSend = data.statements.filter((statement) => !statement.nothingToSend);
    const paid = data.statements.filter((statement) => statement.nothingToSend);
    expect(paid.map((statement) => statement.client)).toEqual(["Maison Verdier & Fils"]);
    expect(paid[0]?.pdf).toBeNull();
    const files = readdirSync(outDir).sort();
    expect(files).toHaveLength(toSend.length);
    expect(files.some((name) => name.includes("verdier"))).toBe(false);
    expect(files.filter((name) => name.endsWith(".tmp") || name.startsWith("."))).toEqual([]);
    for (const statement of toSend) {
      expect(statement.pdf).not.toBeNull();
      expect(pdfHeader(statement.pdf ?? "")).toBe("%PDF-");
    }
  });
});

describe("e-invoices as a --ledger", () => {
  const ubl = (name: string) => referencePath("samples", "einvoices", "ubl", name);

  it("the same invoice in several files is counted once", async () => {
    // EN16931_Einfach and EN16931_Gutschrift carry the same invoice 471102 with the same figures.
    const files = [
      "EN16931_Einfach.ubl.xml",
      "EN16931_Gutschrift.ubl.xml",
      "ubl-tc434-creditnote1.xml",
      "ubl-tc434-example1.xml",
      "ubl-tc434-example2.xml",
      "ubl-tc434-example3.xml",
      "ubl-tc434-example4.xml",
    ];
    const result = await releve("invoices", ...files.flatMap((name) => ["--ledger", ubl(name)]), "--json", "-v");
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as {
      number: string;
      client: string;
      currency: string;
      total: string;
      open: string;
    }[];
    expect(rows.filter((row) => row.number === "471102")).toHaveLength(1);
    expect(rows.filter((row) => row.number === "TOSL110")).toHaveLength(1);
    // TOSL108 twice is right: two different buyers (NOK and DKK), so two documents.
    expect(rows.filter((row) => row.number === "TOSL108").map((row) => row.currency)).toEqual(["NOK", "DKK"]);
    expect(rows).toHaveLength(6);
    expect(rows.find((row) => row.number === "TOSL110")?.open).toBe("4675.00");
    expect(result.stderr).toMatch(
      /EN16931_Gutschrift\.ubl\.xml .*info: 471102 is also in \S*EN16931_Einfach\.ubl\.xml: counted once/,
    );
  });

  it("refuses two copies of one invoice that disagree on what was paid", async () => {
    // example4 and example5 are both TOSL110 for the same buyer; only example5 says 2 337,50 was prepaid.
    const result = await releve(
      "invoices",
      "--ledger",
      ubl("ubl-tc434-example4.xml"),
      "--ledger",
      ubl("ubl-tc434-example5.xml"),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /ubl-tc434-example5\.xml \(Invoice\/cbc:ID\): TOSL110 is also in \S*ubl-tc434-example4\.xml with other figures \(here invoice of 2013-04-10, 4675\.00 DKK, 2337\.50 paid, there invoice of 2013-04-10, 4675\.00 DKK\)/,
    );
  });

  it("the whole UBL sample folder stops on the conflicting 471102, naming both files and their figures", async () => {
    const result = await releve("clients", "--ledger", referencePath("samples", "einvoices", "ubl"), "--json");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /EN16931_Rabatte\.ubl\.xml \(Invoice\/cbc:ID\): 471102 is also in \S*EN16931_Einfach\.ubl\.xml with other figures \(here invoice of 2018-06-05, 215\.07 EUR, 50\.00 paid, there invoice of 2018-03-05, 529\.87 EUR\)/,
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("reading options", () => {
  it("--map maps unusual headers explicitly", async () => {
    const out = join(temp.path(), "mapped.pdf");
    const unmapped = await releve("clients", "--ledger", fixture("unusual-headers.csv"));
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toMatch(/unusual-headers\.csv:1: invoice number: no column for the invoice number/);
    const result = await releve(
      "statement",
      "--ledger",
      fixture("unusual-headers.csv"),
      "--map",
      "number=Réf. pièce",
      "--map",
      "client=tiers", // case and accents do not matter
      "--map",
      "issueDate=Emise le",
      "--map",
      "dueDate=À payer avant",
      "--map",
      "total=Net à payer",
      "--map",
      "currency=Monnaie",
      "--client",
      "Atelier",
      "--as-of",
      "2026-11-30",
      "--json",
      "-o",
      out,
    );
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout) as StatementJson;
    expect(data.sections[0]?.lines.map((line) => [line.number, line.dueDate, line.open.amount])).toEqual([
      ["P-77", "2026-02-04", "1200.50"],
      ["P-78", "2026-12-19", "300.00"],
    ]);
    expect(pdfHeader(out)).toBe("%PDF-");
  });

  it("--map naming a header that is not in the file is an error at the header line", async () => {
    const result = await releve("clients", "--ledger", fixture("unusual-headers.csv"), "--map", "total=Grand total");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unusual-headers\.csv:1: mapped column not found: total → "Grand total"/);
  });

  it("--date-order mdy reads an undecidable English file", async () => {
    const result = await releve(
      "invoices",
      "--ledger",
      fixture("undecidable-dates.csv"),
      "--date-order",
      "mdy",
      "--json",
    );
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { number: string; issueDate: string; dueDate: string }[];
    expect(rows.map((row) => [row.number, row.issueDate, row.dueDate])).toEqual([
      ["INV-1", "2026-01-05", "2026-02-06"],
      ["INV-2", "2026-03-04", "2026-04-05"],
      ["INV-3", "2026-07-08", "2026-08-09"],
    ]);
    const dmy = await releve("invoices", "--ledger", fixture("undecidable-dates.csv"), "--date-order", "dmy", "--json");
    expect((JSON.parse(dmy.stdout) as { issueDate: string }[])[0]?.issueDate).toBe("2026-05-01");
  });

  it('--decimal "." reads the lone "1,234" as thousands', async () => {
    const result = await releve("invoices", "--ledger", fixture("ambiguous-amount.csv"), "--decimal", ".", "--json");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { total: string }[]).map((row) => row.total)).toEqual(["1234.00", "500.00"]);
  });
});
